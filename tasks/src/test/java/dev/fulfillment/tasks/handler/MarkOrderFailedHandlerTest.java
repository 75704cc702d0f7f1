package dev.fulfillment.tasks.handler;

import static dev.fulfillment.tasks.support.Items.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.tasks.domain.OrderStatus;
import dev.fulfillment.tasks.error.InvalidOrderTransitionException;
import dev.fulfillment.tasks.support.Items;
import dev.fulfillment.tasks.support.StoredItems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

@ExtendWith(MockitoExtension.class)
class MarkOrderFailedHandlerTest {

  private static final TableNames TABLES = new TableNames("orders", "inventory", "payments");

  @Mock
  private DynamoDbClient dynamoDb;

  @ParameterizedTest
  @Event(value = "mark-order-failed/events/lambda-error-cause.json", type = MarkOrderFailedRequest.class)
  void failsAnyNonTerminalOrderAndKeepsOnlyTheMaskedErrorMessage(MarkOrderFailedRequest request) {
    when(dynamoDb.updateItem(any(UpdateItemRequest.class)))
        .thenReturn(UpdateItemResponse.builder().attributes(Items.order("ord_1", "FAILED")).build());

    MarkOrderFailedResponse response = new MarkOrderFailedHandler(dynamoDb, TABLES).handleRequest(request, null);

    ArgumentCaptor<UpdateItemRequest> update = ArgumentCaptor.forClass(UpdateItemRequest.class);
    verify(dynamoDb).updateItem(update.capture());
    assertThat(update.getValue().conditionExpression())
        .isEqualTo("attribute_exists(orderId) AND #status IN (:fromRECEIVED, :fromRESERVED, :fromPAID)");
    assertThat(update.getValue().updateExpression()).endsWith(", #failureReason = :reason");
    assertThat(update.getValue().expressionAttributeValues())
        .containsEntry(":to", s("FAILED"))
        .containsEntry(":reason", s("dev.fulfillment.tasks.error.PaymentDeclinedException: "
            + "the card was declined (card [REDACTED-PAN])"));
    assertThat(response).isEqualTo(new MarkOrderFailedResponse("ord_1", OrderStatus.FAILED));
  }

  @ParameterizedTest
  @Event(value = "mark-order-failed/events/lambda-error-cause.json", type = MarkOrderFailedRequest.class)
  void refusesToFailAConfirmedOrder(MarkOrderFailedRequest request) {
    when(dynamoDb.updateItem(any(UpdateItemRequest.class)))
        .thenThrow(ConditionalCheckFailedException.builder().message("The conditional request failed").build());
    StoredItems stored = new StoredItems().put("orders", "ord_1", Items.order("ord_1", "CONFIRMED"));
    when(dynamoDb.getItem(any(GetItemRequest.class))).thenAnswer(call -> stored.answer(call.getArgument(0)));

    assertThatThrownBy(() -> new MarkOrderFailedHandler(dynamoDb, TABLES).handleRequest(request, null))
        .isInstanceOf(InvalidOrderTransitionException.class)
        .hasMessage("order ord_1 is CONFIRMED and cannot move to FAILED");
  }

  /** A Java Lambda's failure reaches the saga as Step Functions' Cause: the whole error object as JSON. */
  @Test
  void keepsOnlyTheErrorMessageOfAJavaErrorObjectAsTheReason() {
    assertThat(MarkOrderFailedHandler.failureReason("Err",
        "{\"errorMessage\":\"no stock for A\",\"errorType\":\"x.Y\",\"stackTrace\":[\"a\",{\"b\":1}]}"))
        .isEqualTo("Err: no stock for A");
    assertThat(MarkOrderFailedHandler.failureReason("Err", "{\"errorMessage\":{\"nested\":true}}")).isEqualTo("Err");
    assertThat(MarkOrderFailedHandler.failureReason("Err", "{\"errorType\":\"x.Y\"}")).isEqualTo("Err: {\"errorType\":\"x.Y\"}");
    // Not one whole JSON object: kept as the text it is (and still redacted).
    assertThat(MarkOrderFailedHandler.failureReason("Err", "{\"errorMessage\":\"a\"} trailing"))
        .isEqualTo("Err: {\"errorMessage\":\"a\"} trailing");
    assertThat(MarkOrderFailedHandler.failureReason("Err", "{broken 4242424242424242"))
        .isEqualTo("Err: {broken [REDACTED-PAN]");
    assertThat(MarkOrderFailedHandler.failureReason("Err", null)).isEqualTo("Err");
  }
}
