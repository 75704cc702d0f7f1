package dev.fulfillment.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** How an execution ends: confirmed, failed with the business error, or failed because a compensation failed. */
class ExecutionOutcomeTest {

  private final JsonNode states = WorkflowFixture.shared().definition.get("States");

  @Test
  void aConfirmedOrderReportsItsChargeAndTotal() {
    JsonNode output = states.get(StateNames.ORDER_CONFIRMED).get("Output");
    assertThat(output.get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(output.get("orderId").asText()).isEqualTo("{% $order.orderId %}");
    assertThat(output.get("chargeId").asText()).isEqualTo("{% $charge.chargeId %}");
    assertThat(output.get("total").asText()).isEqualTo("{% $reservation.total %}");
  }

  @Test
  void aFailedOrderEndsWithTheCaughtErrorAsTheExecutionError() {
    JsonNode orderFailed = states.get(StateNames.ORDER_FAILED);
    assertThat(orderFailed.get("Error").asText()).isEqualTo("{% $failure.error %}");
    assertThat(orderFailed.get("Cause").asText()).contains("$failure.state").contains("$failure.reason");
  }

  @Test
  void aFailedCompensationEndsWithItsOwnDistinctError() {
    JsonNode compensationFailed = states.get(StateNames.COMPENSATION_FAILED);
    assertThat(compensationFailed.get("Error").asText())
        .isEqualTo(ErrorNames.COMPENSATION_FAILED)
        .isEqualTo("Fulfillment.CompensationFailed");
    assertThat(compensationFailed.get("Cause").asText()).contains("$compensation.state").contains("$failure.error");
  }

  @Test
  void markOrderFailedRecordsTheReasonAndTheErrorName() {
    JsonNode payload = states.at("/" + StateNames.MARK_ORDER_FAILED + "/Arguments/Payload");
    assertThat(payload.get("reason").asText()).isEqualTo("{% $failure.reason %}");
    assertThat(payload.get("error").asText()).isEqualTo("{% $failure.error %}");
  }
}
