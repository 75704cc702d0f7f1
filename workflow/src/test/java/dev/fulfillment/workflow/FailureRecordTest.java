package dev.fulfillment.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSONata that records a caught error, run on the error outputs Step Functions produces (one JSON file per case
 * under failure-records/), and the Fail causes built from it.
 */
class FailureRecordTest {

  private final JsonNode states = WorkflowFixture.shared().definition.get("States");

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void recordsTheStateTheErrorAndAReadableReason(String file) {
    JsonNode testCase = TestJson.resource("failure-records/" + file);
    String capture = states.at("/ReserveStock/Catch/0/Assign/failure").asText();

    Object record = JsonataField.evaluate(capture,
        Map.of("errorOutput", JsonataField.json(testCase.get("errorOutput"))), Map.of());

    JsonNode actual = TestJson.MAPPER.valueToTree(record);
    assertThat(actual).isEqualTo(testCase.get("expected"));
  }

  @Test
  void theFailedOrderCauseSaysWhichOrderFailedWhereAndWhy() {
    Object cause = JsonataField.evaluate(states.at("/OrderFailed/Cause").asText(), Map.of(), Map.of(
        "order", Map.of("orderId", "ord_1"),
        "failure", Map.of("state", "ChargePayment", "error", ErrorNames.PAYMENT_DECLINED, "reason", "Card declined")));

    assertThat(cause).isEqualTo("Order ord_1 failed in ChargePayment: Card declined");
  }

  @Test
  void theFailedOrderErrorIsTheCaughtErrorName() {
    Object error = JsonataField.evaluate(states.at("/OrderFailed/Error").asText(), Map.of(), Map.of(
        "failure", Map.of("state", "ReserveStock", "error", ErrorNames.OUT_OF_STOCK, "reason", "Out of stock")));

    assertThat(error).isEqualTo("dev.fulfillment.tasks.error.OutOfStockException");
  }

  @Test
  void theCompensationFailedCauseNamesBothTheCompensationAndTheOriginalFailure() {
    Object cause = JsonataField.evaluate(states.at("/CompensationFailed/Cause").asText(), Map.of(), Map.of(
        "order", Map.of("orderId", "ord_2"),
        "failure", Map.of("state", "ConfirmOrder", "error", "States.Timeout", "reason", "States.Timeout"),
        "compensation", Map.of("state", "RefundPayment", "error", "Lambda.Unknown", "reason", "out of memory")));

    assertThat(cause).isEqualTo("Order ord_2 needs repair: RefundPayment failed (Lambda.Unknown: out of memory)"
        + " while compensating for ConfirmOrder (States.Timeout)");
  }

  static Stream<String> cases() throws IOException, URISyntaxException {
    Path folder = Path.of(FailureRecordTest.class.getResource("/failure-records").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList().stream();
    }
  }
}
