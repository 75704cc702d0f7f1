package dev.fulfillment.local.cloud;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scan every end-to-end cloud's log goes through when the cloud stops (RunningCloud.close). */
class CloudLogScanTest {

  @Test
  void aPaymentTokenOrACardNumberInAnyLineFailsTheSuite() {
    assertThatThrownBy(() -> RunningCloud.assertNoSecretLogged(List.of("[HttpApi#1] body {\"paymentToken\":\"tok_visa\"}")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("tok_visa");
    assertThatThrownBy(() -> RunningCloud.assertNoSecretLogged(List.of("charged card 4111111111111111 for ord_1")))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void theBannerExampleAndDigitsInsideNamesAreNotLeaks() {
    assertThatCode(() -> RunningCloud.assertNoSecretLogged(List.of(
        "   curl -si -X POST http://localhost:8080/orders -d '{\"paymentToken\":\"tok_visa\"}'",
        "Picked up JAVA_TOOL_OPTIONS: -Dx=/tmp/.libaws-lambda-jni-11803836847084205225.so",
        "{\"level\":\"INFO\",\"message\":\"order failed\",\"card\":\"[REDACTED-PAN]\"}")))
        .doesNotThrowAnyException();
  }
}
