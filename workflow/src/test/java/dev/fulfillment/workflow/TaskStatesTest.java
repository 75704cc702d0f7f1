package dev.fulfillment.workflow;

import static dev.fulfillment.workflow.StateTransitionsTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each task state sends, how it is retried and how long it may take. */
class TaskStatesTest {

  private static final List<String> TASKS = List.of(StateNames.RESERVE_STOCK, StateNames.CHARGE_PAYMENT,
      StateNames.CONFIRM_ORDER, StateNames.REFUND_PAYMENT, StateNames.RELEASE_STOCK, StateNames.MARK_ORDER_FAILED);

  private final JsonNode definition = WorkflowFixture.shared().definition;
  private final JsonNode states = definition.get("States");

  @Test
  void usesJsonataForTheWholeMachine() {
    assertThat(definition.get("QueryLanguage").asText()).isEqualTo("JSONata");
    for (String name : fieldNames(states)) {
      JsonNode state = states.get(name);
      assertThat(state.path("QueryLanguage").asText("JSONata")).as(name).isEqualTo("JSONata");
      assertThat(state.has("Parameters") || state.has("ResultPath") || state.has("InputPath")
          || state.has("OutputPath") || state.has("ResultSelector")).as("%s uses JSONPath fields", name).isFalse();
    }
  }

  @Test
  void boundsTheWholeExecutionWithATimeout() {
    assertThat(definition.get("TimeoutSeconds").asInt())
        .isEqualTo(FulfillmentWorkflowProps.DEFAULT_EXECUTION_TIMEOUT.toSeconds().intValue());
  }

  @Test
  void everyTaskStateHasATimeout() {
    List<String> tasks = fieldNames(states).stream()
        .filter(name -> states.get(name).get("Type").asText().equals("Task"))
        .toList();
    assertThat(tasks).containsExactlyInAnyOrderElementsOf(TASKS);
    for (String task : tasks) {
      assertThat(states.get(task).path("TimeoutSeconds").asInt(0)).as(task)
          .isEqualTo(FulfillmentWorkflowProps.DEFAULT_TASK_TIMEOUT.toSeconds().intValue());
    }
  }

  @ParameterizedTest(name = "{0} invokes its own function")
  @MethodSource("taskNames")
  void invokesTheFunctionOfItsHandlerThroughTheLambdaIntegration(String task) {
    JsonNode state = states.get(task);
    assertThat(state.get("Resource").asText()).isEqualTo("arn:aws:states:::lambda:invoke");
    assertThat(state.at("/Arguments/FunctionName").asText()).isEqualTo(WorkflowFixture.functionArn(task));
    // The state's output is the handler's response, not the whole Invoke result (StatusCode, headers...).
    assertThat(state.get("Output").asText()).isEqualTo("{% $states.result.Payload %}");
  }

  @ParameterizedTest(name = "{0} payload")
  @MethodSource("payloads")
  void sendsTheRequestShapeItsHandlerExpects(String task, JsonNode expectedPayload) {
    assertThat(states.get(task).at("/Arguments/Payload")).isEqualTo(expectedPayload);
  }

  @ParameterizedTest(name = "{0} retries")
  @MethodSource("retries")
  void retriesOnlyTransientErrorsWithBackoffAndJitter(String task, JsonNode expectedRetries) {
    assertThat(states.get(task).get("Retry")).isEqualTo(expectedRetries);
  }

  @Test
  void neverRetriesABusinessError() {
    List<String> businessErrors = List.of(ErrorNames.OUT_OF_STOCK, ErrorNames.UNKNOWN_SKU,
        ErrorNames.PAYMENT_DECLINED, ErrorNames.STATES_ALL);
    for (String task : TASKS) {
      states.get(task).get("Retry").forEach(retrier -> assertThat(StateTransitionsTest.texts(
          retrier.get("ErrorEquals"))).as(task).doesNotContainAnyElementsOf(businessErrors));
    }
  }

  @Test
  void keepsWhatLaterStepsNeedInVariables() {
    assertThat(states.at("/" + StateNames.RESERVE_STOCK + "/Assign/order").asText()).isEqualTo("{% $states.input %}");
    assertThat(states.at("/" + StateNames.RESERVE_STOCK + "/Assign/reservation").asText())
        .isEqualTo("{% $states.result.Payload %}");
    assertThat(states.at("/" + StateNames.CHARGE_PAYMENT + "/Assign/charge").asText())
        .isEqualTo("{% $states.result.Payload %}");
  }

  @Test
  void neverMentionsThePaymentToken() {
    assertThat(definition.toString()).doesNotContainIgnoringCase("paymentToken").doesNotContainIgnoringCase("token");
  }

  static Stream<String> taskNames() {
    return TASKS.stream();
  }

  static Stream<Arguments> payloads() {
    JsonNode table = TestJson.resource("definition/payloads.json");
    return fieldNames(table).stream().map(name -> Arguments.of(name, table.get(name)));
  }

  static Stream<Arguments> retries() {
    JsonNode table = TestJson.resource("definition/retries.json");
    return fieldNames(table).stream().map(name -> Arguments.of(name, table.get(name)));
  }
}
