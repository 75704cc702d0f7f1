package dev.fulfillment.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulfillment.workflow.StateNames;
import dev.fulfillment.workflow.testing.AslValidator;
import dev.fulfillment.workflow.testing.SynthesizedDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** The workflow as deployed by the stack: wired to the aliases, valid ASL, alarmed. */
class WorkflowInStackTest {

  private final StackFixture stack = StackFixture.iam();
  private final JsonNode definition = SynthesizedDefinition.of(stack.template);

  @Test
  void everyTaskInvokesTheLiveAliasOfItsOwnFunction() {
    for (String task : List.of(StateNames.RESERVE_STOCK, StateNames.CHARGE_PAYMENT, StateNames.CONFIRM_ORDER,
        StateNames.RELEASE_STOCK, StateNames.REFUND_PAYMENT, StateNames.MARK_ORDER_FAILED)) {
      String alias = stack.logicalId("AWS::Lambda::Alias", task + "Alias");
      assertThat(definition.at("/States/" + task + "/Arguments/FunctionName").asText())
          .as(task).endsWith(":function:" + alias);
    }
  }

  @Test
  void theDeployedDefinitionIsValidAmazonStatesLanguage() throws Exception {
    AslValidator.Result result = AslValidator.validate(definition);
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void theApiFunctionsKnowTheStateMachine() {
    String stateMachine = stack.logicalId("AWS::StepFunctions::StateMachine", "WorkflowStateMachine");
    for (String function : List.of("HttpApiFunction", "SqsIntakeFunction")) {
      assertThat(stack.resource(stack.logicalId("AWS::Lambda::Function", function))
          .at("/Properties/Environment/Variables/STATE_MACHINE_ARN/Ref").asText()).isEqualTo(stateMachine);
    }
  }

  @Test
  void alarmsOnFailedAndTimedOutExecutionsAndOnEveryFunctionsErrors() {
    String stateMachine = stack.logicalId("AWS::StepFunctions::StateMachine", "WorkflowStateMachine");
    for (String metric : List.of("ExecutionsFailed", "ExecutionsTimedOut")) {
      stack.template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
          "Namespace", "AWS/States",
          "MetricName", metric,
          "Dimensions", List.of(Map.of("Name", "StateMachineArn", "Value", Map.of("Ref", stateMachine))),
          "Threshold", 1)));
    }
    for (String function : List.of("ReserveStock", "ChargePayment", "ConfirmOrder", "ReleaseStock", "RefundPayment",
        "MarkOrderFailed", "HttpApi", "SqsIntake")) {
      stack.template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
          "Namespace", "AWS/Lambda",
          "MetricName", "Errors",
          "Dimensions", List.of(Map.of("Name", "FunctionName",
              "Value", Map.of("Ref", stack.logicalId("AWS::Lambda::Function", function + "Function")))))));
    }
    // The compensation-failed alarm comes with the workflow.
    stack.template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "MetricName", "CompensationFailed", "Namespace", "Fulfillment")));
  }
}
