package dev.fulfillment.api.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fulfillment.api.config.ApiConfig;
import dev.fulfillment.api.json.Json;
import dev.fulfillment.api.support.FakeStepFunctions;
import dev.fulfillment.api.support.Lambda;
import dev.fulfillment.api.support.OrdersTable;
import dev.fulfillment.tasks.order.DynamoDbOrderRepository;
import dev.fulfillment.testing.DynaliteExtension;
import dev.fulfillment.testing.DynaliteServer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The SQS intake through the real order repository on dynalite; Step Functions and the DLQ (SQS)
 * are the edges the tests stop at (Mockito clients).
 */
@ExtendWith(DynaliteExtension.class)
class SqsIntakeHandlerTest {

  private static final String DLQ_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/bulk-orders-dlq";
  private static final String FIFO_DLQ_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/bulk-orders-dlq.fifo";

  private FakeStepFunctions stepFunctions;
  private SqsClient sqs;
  private DynamoDbOrderRepository orders;
  private DynaliteServer dynalite;
  private String table;
  private Lambda.CapturedLog log;

  @BeforeEach
  void setUp(DynaliteServer dynalite) {
    this.dynalite = dynalite;
    table = OrdersTable.create(dynalite);
    stepFunctions = new FakeStepFunctions();
    sqs = mock(SqsClient.class);
    when(sqs.sendMessage(any(SendMessageRequest.class))).thenReturn(SendMessageResponse.builder().messageId("dlq-1").build());
    orders = new DynamoDbOrderRepository(dynalite.client(), table);
    log = Lambda.capturedLog();
  }

  @Test
  void reportsOnlyTheThrottledRecordOfAMixedBatchAndDeadLettersTheInvalidOnes() throws Exception {
    stepFunctions.throttle("ord_bulk-throttled");

    SQSBatchResponse response = handler(DLQ_URL).handleRequest(event("sqs/events/mixed-batch.json"), Lambda.context("req-sqs"));

    assertThat(failureIds(response)).containsExactlyElementsOf(expectedFailureIds("/sqs/responses/mixed-batch.json"));
    // Two valid distinct orders started once each; the duplicate of bulk-1 started nothing new.
    assertThat(stepFunctions.executions()).containsOnlyKeys("ord_bulk-1", "ord_sqs-0b0e1a52-0006-4c1a-9d3e-000000000006");
    assertThat(orders.find("ord_bulk-throttled")).as("stored, to be started on redelivery").isPresent();
    List<SendMessageRequest> deadLettered = sentToDlq(2);
    assertThat(deadLettered).extracting(request -> request.messageAttributes().get("sourceMessageId").stringValue())
        .containsExactly("0b0e1a52-0002-4c1a-9d3e-000000000002", "0b0e1a52-0005-4c1a-9d3e-000000000005");
    assertThat(deadLettered.get(0).messageAttributes().get("failureReason").stringValue())
        .contains("lines[0].quantity").contains("1 to 1000");
    assertThat(deadLettered.get(1).messageAttributes().get("failureReason").stringValue()).contains("not valid JSON");
    assertThat(deadLettered).allSatisfy(request -> {
      assertThat(request.queueUrl()).isEqualTo(DLQ_URL);
      assertThat(request.messageAttributes().get("sourceQueueArn").stringValue())
          .isEqualTo("arn:aws:sqs:eu-west-1:123456789012:bulk-orders");
      assertThat(request.messageGroupId()).isNull();
    });
    // The DLQ copy keeps the original body, so nothing is lost.
    assertThat(deadLettered.get(1).messageBody()).isEqualTo("{\"customerId\":\"c-5\",\"lines\":[{\"sku\":\"SKU-5\"");
  }

  @Test
  void aRedeliveredBatchStartsNothingTwiceAndTheRetriedRecordNowSucceeds() {
    stepFunctions.throttle("ord_bulk-throttled");
    SqsIntakeHandler handler = handler(DLQ_URL);
    handler.handleRequest(event("sqs/events/mixed-batch.json"), Lambda.context("req-1"));
    int callsBefore = stepFunctions.calls().size();

    stepFunctions.stopThrottling("ord_bulk-throttled");
    SQSBatchResponse redelivered = handler.handleRequest(event("sqs/events/mixed-batch.json"), Lambda.context("req-2"));

    assertThat(redelivered.getBatchItemFailures()).isEmpty();
    assertThat(stepFunctions.executions()).containsOnlyKeys("ord_bulk-1", "ord_bulk-throttled",
        "ord_sqs-0b0e1a52-0006-4c1a-9d3e-000000000006");
    // Every repeated StartExecution carried the same name and input as the first: a no-op for Step Functions.
    stepFunctions.calls().subList(callsBefore, stepFunctions.calls().size()).forEach(call ->
        assertThat(stepFunctions.calls().subList(0, callsBefore).stream()
            .filter(first -> first.name().equals(call.name()))
            .allMatch(first -> first.input().equals(call.input()))).isTrue());
  }

  @Test
  void onAFifoQueueStopsAtTheFirstFailureAndReportsItAndEveryRecordAfterIt() throws Exception {
    stepFunctions.throttle("ord_bulk-throttled");

    SQSBatchResponse response = handler(FIFO_DLQ_URL).handleRequest(event("sqs/events/fifo-batch.json"),
        Lambda.context("req-fifo"));

    assertThat(failureIds(response)).containsExactlyElementsOf(expectedFailureIds("/sqs/responses/fifo-batch.json"));
    assertThat(stepFunctions.calls()).extracting(call -> call.name()).containsExactly("ord_fifo-1", "ord_bulk-throttled");
    assertThat(orders.find("ord_fifo-4")).as("records after the failure are not touched").isEmpty();
    SendMessageRequest deadLettered = sentToDlq(1).get(0);
    // A FIFO DLQ needs a group id and, without content-based deduplication, a deduplication id.
    assertThat(deadLettered.messageGroupId()).isEqualTo("g-1");
    assertThat(deadLettered.messageDeduplicationId()).isEqualTo("f1f0a000-0002-4000-8000-000000000002");
  }

  @Test
  void deadLettersAReusedIdempotencyKeyWithADifferentOrderInsteadOfStartingASecondOrder() {
    SQSBatchResponse response = handler(DLQ_URL).handleRequest(event("sqs/events/reused-key-batch.json"),
        Lambda.context("req-reuse"));

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(stepFunctions.executions()).containsOnlyKeys("ord_reused");
    assertThat(orders.find("ord_reused").orElseThrow().lines().get(0).quantity()).isEqualTo(1);
    SendMessageRequest deadLettered = sentToDlq(1).get(0);
    assertThat(deadLettered.messageAttributes().get("sourceMessageId").stringValue())
        .isEqualTo("a0000000-0002-4000-8000-000000000002");
    assertThat(deadLettered.messageAttributes().get("failureReason").stringValue())
        .contains("idempotencyKey already used for a different order");
  }

  @Test
  void masksCardNumbersInTheDeadLetterCopyAndNeverLogsThem() {
    handler(DLQ_URL).handleRequest(event("sqs/events/card-number-batch.json"), Lambda.context("req-card"));

    SendMessageRequest deadLettered = sentToDlq(1).get(0);
    assertThat(deadLettered.messageBody()).doesNotContain("4111 1111 1111 1111").contains("**** **** **** 1111");
    assertThat(deadLettered.messageAttributes().get("failureReason").stringValue())
        .contains("card number").doesNotContain("4111");
    assertThat(log.text()).doesNotContain("4111");
  }

  @Test
  void retriesAnInvalidRecordWhenTheDeadLetterQueueRefusesIt() {
    when(sqs.sendMessage(any(SendMessageRequest.class)))
        .thenThrow(SqsException.builder().message("Service Unavailable").statusCode(503).build());

    SQSBatchResponse response = handler(DLQ_URL).handleRequest(event("sqs/events/reused-key-batch.json"),
        Lambda.context("req-dlq-down"));

    assertThat(failureIds(response)).containsExactly("a0000000-0002-4000-8000-000000000002");
  }

  @Test
  void leavesInvalidRecordsToTheRedrivePolicyWhenNoDeadLetterQueueIsConfigured() {
    SQSBatchResponse response = handler(null).handleRequest(event("sqs/events/card-number-batch.json"),
        Lambda.context("req-no-dlq"));

    assertThat(failureIds(response)).containsExactly("c0c0c0c0-0001-4000-8000-000000000001");
    verify(sqs, never()).sendMessage(any(SendMessageRequest.class));
  }

  @Test
  void failsTheWholeBatchRatherThanReportAnEmptyItemIdentifier() {
    stepFunctions.throttle("ord_bulk-throttled");
    SQSEvent event = event("sqs/events/mixed-batch.json");
    event.getRecords().get(3).setMessageId("");

    assertThatThrownBy(() -> handler(DLQ_URL).handleRequest(event, Lambda.context("req-empty-id")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("messageId");
  }

  @Test
  void answersAnEmptyBatchWithNoFailures() {
    SQSEvent empty = new SQSEvent();
    empty.setRecords(List.of());

    assertThat(handler(DLQ_URL).handleRequest(empty, Lambda.context("req-empty")).getBatchItemFailures()).isEmpty();
  }

  private SqsIntakeHandler handler(String dlqUrl) {
    return new SqsIntakeHandler(new ApiConfig(table, FakeStepFunctions.STATE_MACHINE_ARN, dlqUrl, 32 * 1024),
        dynalite.client(), stepFunctions.client(), sqs, log.logger());
  }

  private List<SendMessageRequest> sentToDlq(int expected) {
    ArgumentCaptor<SendMessageRequest> sent = ArgumentCaptor.forClass(SendMessageRequest.class);
    verify(sqs, times(expected)).sendMessage(sent.capture());
    return sent.getAllValues();
  }

  private static SQSEvent event(String fixture) {
    return EventLoader.loadSQSEvent(fixture);
  }

  private static List<String> failureIds(SQSBatchResponse response) {
    return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
  }

  private static List<String> expectedFailureIds(String resource) throws Exception {
    JsonNode expected = Json.mapper().readTree(SqsIntakeHandlerTest.class.getResourceAsStream(resource));
    return expected.get("batchItemFailures").findValuesAsText("itemIdentifier");
  }
}
