package dev.fulfillment.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogSecretsTest {

  @Test
  void findsTokensAndCardNumbers() {
    assertThat(LogSecrets.leaks(List.of(
        "{\"paymentToken\":\"tok_visa\"}",
        "charged 4111111111111111 today",
        "amex 378282246310005",
        "clean line"), 10)).hasSize(3);
  }

  @Test
  void leavesTimestampsIdsAndFileNamesAlone() {
    assertThat(LogSecrets.leaks(List.of(
        "[ERROR] [1796423844323] LAMBDA_RUNTIME Failed to post handler success response",
        "-Dx=/tmp/.libaws-lambda-jni-11803836847084205225.so",
        "order 4111111111111112 is not Luhn-valid",
        "{\"card\":\"[REDACTED-PAN]\"}"), 10)).isEmpty();
  }
}
