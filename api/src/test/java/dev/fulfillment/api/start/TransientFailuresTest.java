package dev.fulfillment.api.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.fulfillment.api.config.ApiConfig;
import dev.fulfillment.api.http.HttpApiHandler;
import dev.fulfillment.api.intake.SqsIntakeHandler;
import dev.fulfillment.api.support.FakeStepFunctions;
import dev.fulfillment.api.support.Lambda;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** DynamoDB throttling and Step Functions misconfiguration, seen from both handlers. */
class TransientFailuresTest {

  private static final ApiConfig CONFIG = new ApiConfig("orders", FakeStepFunctions.STATE_MACHINE_ARN,
      "https://sqs.eu-west-1.amazonaws.com/123456789012/dlq", 32 * 1024);

  private final DynamoDbClient dynamoDb = mock(DynamoDbClient.class);
  private final SfnClient sfn = mock(SfnClient.class);
  private final Lambda.CapturedLog log = Lambda.capturedLog();

  @Test
  void answers503WhenDynamoDbThrottlesTheWriteOrTheRead() {
    ProvisionedThroughputExceededException throttled = ProvisionedThroughputExceededException.builder()
        .message("throughput exceeded").statusCode(400).build();
    when(dynamoDb.putItem(any(PutItemRequest.class))).thenThrow(throttled);
    when(dynamoDb.getItem(any(GetItemRequest.class))).thenThrow(throttled);
    HttpApiHandler handler = new HttpApiHandler(CONFIG, dynamoDb, sfn, log.logger());

    APIGatewayV2HTTPResponse post = handler.handleRequest(
        EventLoader.loadApiGatewayHttpEvent("http/events/post-order.json"), Lambda.context("r"));
    APIGatewayV2HTTPResponse get = handler.handleRequest(
        EventLoader.loadApiGatewayHttpEvent("http/events/get-order.json"), Lambda.context("r"));

    assertThat(post.getStatusCode()).isEqualTo(503);
    assertThat(get.getStatusCode()).isEqualTo(503);
  }

  @Test
  void reportsEveryRecordForRetryWhenDynamoDbThrottlesAndDeadLettersOnlyTheInvalid() {
    when(dynamoDb.putItem(any(PutItemRequest.class))).thenThrow(ProvisionedThroughputExceededException.builder()
        .message("throughput exceeded").statusCode(400).build());
    SqsClient sqs = mock(SqsClient.class);
    SqsIntakeHandler handler = new SqsIntakeHandler(CONFIG, dynamoDb, sfn, sqs, log.logger());

    SQSBatchResponse response = handler.handleRequest(EventLoader.loadSQSEvent("sqs/events/mixed-batch.json"),
        Lambda.context("r"));

    assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("0b0e1a52-0001-4c1a-9d3e-000000000001", "0b0e1a52-0003-4c1a-9d3e-000000000003",
            "0b0e1a52-0004-4c1a-9d3e-000000000004", "0b0e1a52-0006-4c1a-9d3e-000000000006");
  }

  @Test
  void answers500NotAStartedOrderWhenTheStateMachineDoesNotExist() {
    when(dynamoDb.putItem(any(PutItemRequest.class))).thenReturn(null);
    when(sfn.startExecution(any(StartExecutionRequest.class)))
        .thenThrow(StateMachineDoesNotExistException.builder().message("no such state machine").statusCode(400).build());
    HttpApiHandler handler = new HttpApiHandler(CONFIG, dynamoDb, sfn, log.logger());

    APIGatewayV2HTTPResponse response = handler.handleRequest(
        EventLoader.loadApiGatewayHttpEvent("http/events/post-order.json"), Lambda.context("r-500"));

    assertThat(response.getStatusCode()).isEqualTo(500);
    assertThat(response.getBody()).contains("r-500").doesNotContain("StateMachineDoesNotExist");
    assertThat(log.text()).contains("StateMachineDoesNotExistException");
  }
}
