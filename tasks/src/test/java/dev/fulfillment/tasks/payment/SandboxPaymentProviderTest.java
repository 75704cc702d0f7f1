package dev.fulfillment.tasks.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulfillment.tasks.error.PaymentDeclinedException;
import dev.fulfillment.tasks.error.PaymentProviderUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sandbox's answers per token, as a case table in {@code payment/sandbox-tokens.json}. */
class SandboxPaymentProviderTest {

  record TokenCase(String token, String outcome, String declineCode) {
    @Override
    public String toString() {
      return token + " -> " + outcome;
    }
  }

  static Stream<TokenCase> tokens() throws IOException {
    try (InputStream in = SandboxPaymentProviderTest.class.getResourceAsStream("/payment/sandbox-tokens.json")) {
      List<TokenCase> cases = new ArrayList<>();
      for (JsonNode node : new ObjectMapper().readTree(in)) {
        cases.add(new TokenCase(node.get("token").isNull() ? null : node.get("token").asText(),
            node.get("outcome").asText(), node.path("declineCode").asText(null)));
      }
      return cases.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokens")
  void answersEachTestTokenAsACardNetworkWould(TokenCase testCase) {
    var sandbox = new SandboxPaymentProvider();
    switch (testCase.outcome()) {
      case "approved" -> assertThat(sandbox.charge("ord_1", testCase.token(), 100, "EUR").chargeId())
          .startsWith("ch_sandbox_");
      case "declined" -> assertThatThrownBy(() -> sandbox.charge("ord_1", testCase.token(), 100, "EUR"))
          .isInstanceOfSatisfying(PaymentDeclinedException.class,
              e -> assertThat(e.declineCode()).isEqualTo(testCase.declineCode()))
          .satisfies(e -> {
            if (testCase.token() != null && testCase.token().length() > 3) {
              assertThat(e.getMessage()).doesNotContain(testCase.token());
            }
          });
      case "unavailable" -> assertThatThrownBy(() -> sandbox.charge("ord_1", testCase.token(), 100, "EUR"))
          .isInstanceOf(PaymentProviderUnavailableException.class);
      default -> throw new IllegalArgumentException(testCase.outcome());
    }
  }

  @Test
  void chargingTheSameKeyTwiceReturnsTheSameChargeAndDifferentKeysDiffer() {
    var sandbox = new SandboxPaymentProvider();

    ProviderCharge first = sandbox.charge("ord_1", "tok_visa", 100, "EUR");

    assertThat(sandbox.charge("ord_1", "tok_visa", 100, "EUR")).isEqualTo(first);
    assertThat(sandbox.charge("ord_2", "tok_visa", 100, "EUR")).isNotEqualTo(first);
  }

  @Test
  void refusesToReuseAKeyForADifferentAmount() {
    var sandbox = new SandboxPaymentProvider();
    sandbox.charge("ord_1", "tok_visa", 100, "EUR");

    assertThatThrownBy(() -> sandbox.charge("ord_1", "tok_visa", 999, "EUR"))
        .isInstanceOfSatisfying(PaymentDeclinedException.class,
            e -> assertThat(e.declineCode()).isEqualTo("idempotency_key_reused"));
  }
}
