package dev.fulfillment.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.assertions.Match;

/** Tables, the intake queue with its DLQ, and the SQS event source of the intake function. */
class DataAndIntakeTest {

  private final StackFixture stack = StackFixture.iam();

  @ParameterizedTest(name = "{0} keyed by {1}")
  @CsvSource({"Orders,orderId", "Inventory,sku", "Payments,orderId"})
  void tablesAreOnDemandRecoverableEncryptedAndRetained(String table, String key) {
    JsonNode resource = stack.resource(stack.logicalId("AWS::DynamoDB::Table", "Tables" + table));
    JsonNode properties = resource.get("Properties");
    assertThat(properties.at("/KeySchema/0/AttributeName").asText()).isEqualTo(key);
    assertThat(properties.at("/KeySchema/0/KeyType").asText()).isEqualTo("HASH");
    assertThat(properties.get("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
    assertThat(properties.at("/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled").asBoolean()).isTrue();
    assertThat(properties.at("/SSESpecification/SSEEnabled").asBoolean()).isTrue();
    assertThat(resource.get("DeletionPolicy").asText()).isEqualTo("Retain");
    assertThat(resource.get("UpdateReplacePolicy").asText()).isEqualTo("Retain");
  }

  @Test
  void theIntakeQueueRedrivesToAnEncryptedDeadLetterQueueAfterFiveReceives() {
    String dlq = stack.logicalId("AWS::SQS::Queue", "IntakeDeadLetterQueue");
    JsonNode queue = stack.resource(stack.logicalId("AWS::SQS::Queue", "IntakeQueue")).get("Properties");

    assertThat(queue.at("/RedrivePolicy/maxReceiveCount").asInt()).isEqualTo(5);
    assertThat(queue.at("/RedrivePolicy/deadLetterTargetArn/Fn::GetAtt/0").asText()).isEqualTo(dlq);
    assertThat(queue.get("SqsManagedSseEnabled").asBoolean()).isTrue();
    // Six times the intake function's 30 s timeout (Lambda developer guide, SQS event sources).
    assertThat(queue.get("VisibilityTimeout").asInt()).isEqualTo(180);
    JsonNode deadLetters = stack.resource(dlq).get("Properties");
    assertThat(deadLetters.get("SqsManagedSseEnabled").asBoolean()).isTrue();
    assertThat(deadLetters.get("MessageRetentionPeriod").asInt()).isEqualTo(14 * 24 * 3600);
  }

  @Test
  void bothQueuesRefuseUnencryptedTransport() {
    for (String queue : List.of("IntakeQueue", "IntakeDeadLetterQueue")) {
      stack.template.hasResourceProperties("AWS::SQS::QueuePolicy", Match.objectLike(Map.of(
          "Queues", List.of(Map.of("Ref", stack.logicalId("AWS::SQS::Queue", queue))),
          "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
              "Effect", "Deny",
              "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
    }
  }

  @Test
  void alarmsAsSoonAsAMessageReachesTheDeadLetterQueue() {
    String dlq = stack.logicalId("AWS::SQS::Queue", "IntakeDeadLetterQueue");
    stack.template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "MetricName", "ApproximateNumberOfMessagesVisible",
        "Namespace", "AWS/SQS",
        "Dimensions", List.of(Map.of("Name", "QueueName", "Value", Map.of("Fn::GetAtt", List.of(dlq, "QueueName")))),
        "Threshold", 1,
        "ComparisonOperator", "GreaterThanOrEqualToThreshold")));
  }

  @Test
  void theIntakeAliasReadsBatchesReportingItemFailuresWithBoundedConcurrency() {
    stack.template.resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
    String alias = stack.logicalId("AWS::Lambda::Alias", "SqsIntakeAlias");
    stack.template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
        "EventSourceArn", Map.of("Fn::GetAtt", List.of(stack.logicalId("AWS::SQS::Queue", "IntakeQueue"), "Arn")),
        // "<function name>:live", the name taken from the alias ARN: the mapping invokes the alias, not $LATEST.
        "FunctionName", Map.of("Fn::Join", List.of("", List.of(
            Map.of("Fn::Select", List.of(6, Map.of("Fn::Split", List.of(":", Map.of("Ref", alias))))), ":live"))),
        "BatchSize", 10,
        "MaximumBatchingWindowInSeconds", 5,
        "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
        "ScalingConfig", Map.of("MaximumConcurrency", 5)));
  }
}
