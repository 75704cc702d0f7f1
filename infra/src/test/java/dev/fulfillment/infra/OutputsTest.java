package dev.fulfillment.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a deployment prints for people and scripts. */
class OutputsTest {

  private final StackFixture stack = StackFixture.iam();

  @Test
  void printsTheApiUrlQueueUrlStateMachineArnAndAConsoleLink() {
    assertThat(TestJson.names(stack.json.get("Outputs"))).contains("ApiUrl", "IntakeQueueUrl", "StateMachineArn",
        "StateMachineConsoleUrl", "DeadLetterQueueUrl", "OrdersTableName", "InventoryTableName", "PaymentsTableName");
    String stateMachine = stack.logicalId("AWS::StepFunctions::StateMachine", "WorkflowStateMachine");
    assertThat(stack.json.at("/Outputs/StateMachineArn/Value/Ref").asText()).isEqualTo(stateMachine);
    assertThat(stack.json.at("/Outputs/StateMachineConsoleUrl/Value").toString())
        .contains(".console.aws.amazon.com/states/home?region=").contains("#/statemachines/view/")
        .contains(stateMachine);
    assertThat(stack.json.at("/Outputs/ApiUrl/Value").toString()).contains("execute-api");
  }
}
