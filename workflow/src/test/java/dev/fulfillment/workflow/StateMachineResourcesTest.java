package dev.fulfillment.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The resources around the definition: machine type, logging, tracing, the invoke grants, the alarm. */
class StateMachineResourcesTest {

  private final Template template = WorkflowFixture.shared().template;

  @Test
  void isAStandardMachineThatLogsEverythingWithExecutionDataAndTraces() {
    template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of(
        "StateMachineType", "STANDARD",
        "TracingConfiguration", Map.of("Enabled", true),
        "LoggingConfiguration", Match.objectLike(Map.of(
            "Level", "ALL",
            "IncludeExecutionData", true,
            "Destinations", List.of(Map.of("CloudWatchLogsLogGroup", Map.of(
                "LogGroupArn", Map.of("Fn::GetAtt", List.of(logGroupId(), "Arn")))))))));
  }

  @Test
  void logsToAVendedLogsGroupWithRetention() {
    template.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
        "LogGroupName", "/aws/vendedlogs/states/" + WorkflowFixture.STACK_NAME + "-Fulfillment",
        "RetentionInDays", 30));
  }

  @Test
  void mayInvokeEachTaskFunctionAndNothingElse() {
    Map<String, Map<String, Object>> policies = template.findResources("AWS::IAM::Policy");
    String policiesJson = TestJson.MAPPER.valueToTree(policies).toString();
    for (String task : List.of("ReserveStock", "ChargePayment", "ConfirmOrder", "ReleaseStock", "RefundPayment",
        "MarkOrderFailed")) {
      template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(
          Map.of("Statement", Match.arrayWith(List.of(Map.of(
              "Action", "lambda:InvokeFunction",
              "Effect", "Allow",
              "Resource", Match.arrayWith(List.of(WorkflowFixture.functionArn(task)))))))))));
    }
    assertThat(policiesJson).doesNotContain("lambda:*").doesNotContain("\"Action\":\"*\"");
  }

  @Test
  void countsCompensationFailuresFromTheExecutionLogAndAlarmsOnTheFirst() {
    template.hasResourceProperties("AWS::Logs::MetricFilter", Map.of(
        "LogGroupName", Map.of("Ref", logGroupId()),
        "FilterPattern",
        "{ ($.type = \"ExecutionFailed\") && ($.details.error = \"Fulfillment.CompensationFailed\") }",
        "MetricTransformations", List.of(Map.of(
            "MetricName", FulfillmentWorkflow.COMPENSATION_FAILED_METRIC,
            "MetricNamespace", FulfillmentWorkflow.METRIC_NAMESPACE,
            "MetricValue", "1"))));
    template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "MetricName", FulfillmentWorkflow.COMPENSATION_FAILED_METRIC,
        "Namespace", FulfillmentWorkflow.METRIC_NAMESPACE,
        "Statistic", "Sum",
        "Threshold", 1,
        "ComparisonOperator", "GreaterThanOrEqualToThreshold",
        "TreatMissingData", "notBreaching")));
  }

  private String logGroupId() {
    return template.findResources("AWS::Logs::LogGroup").keySet().iterator().next();
  }
}
