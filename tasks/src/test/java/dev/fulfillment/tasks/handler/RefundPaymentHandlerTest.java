package dev.fulfillment.tasks.handler;

import static dev.fulfillment.tasks.support.Items.item;
import static dev.fulfillment.tasks.support.Items.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.tasks.payment.PaymentProvider;
import dev.fulfillment.tasks.support.Items;
import dev.fulfillment.tasks.support.StoredItems;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

@ExtendWith(MockitoExtension.class)
class RefundPaymentHandlerTest {

  private static final TableNames TABLES = new TableNames("orders", "inventory", "payments");

  @Mock
  private DynamoDbClient dynamoDb;
  @Mock
  private PaymentProvider provider;

  @ParameterizedTest
  @Event(value = "refund-payment/events/charged-order.json", type = RefundPaymentRequest.class)
  void refundsAChargedPaymentOnceGuardedByItsStatus(RefundPaymentRequest request) {
    StoredItems stored = new StoredItems()
        .put("orders", "ord_1", Items.order("ord_1", "PAID"))
        .put("payments", "ord_1", item("orderId", "ord_1", "status", "CHARGED", "amount", 2899, "currency", "EUR",
            "chargeId", "ch_1", "createdAt", "2025-01-01T00:00:00Z"));
    when(dynamoDb.getItem(any(GetItemRequest.class))).thenAnswer(call -> stored.answer(call.getArgument(0)));
    when(dynamoDb.updateItem(any(UpdateItemRequest.class))).thenReturn(UpdateItemResponse.builder()
        .attributes(item("orderId", "ord_1", "status", "REFUNDED", "amount", 2899, "currency", "EUR",
            "chargeId", "ch_1", "createdAt", "2025-01-01T00:00:00Z", "refundedAt", "2025-01-01T00:01:00Z"))
        .build());

    RefundPaymentResponse response = new RefundPaymentHandler(dynamoDb, TABLES, provider).handleRequest(request, null);

    verify(provider).refund("ord_1", "ch_1", 2899, "EUR");
    ArgumentCaptor<UpdateItemRequest> update = ArgumentCaptor.forClass(UpdateItemRequest.class);
    verify(dynamoDb).updateItem(update.capture());
    assertThat(update.getValue().tableName()).isEqualTo("payments");
    assertThat(update.getValue().updateExpression()).isEqualTo("SET #status = :refunded, refundedAt = :now");
    assertThat(update.getValue().conditionExpression()).isEqualTo("#status = :charged");
    assertThat(update.getValue().expressionAttributeNames()).containsEntry("#status", "status");
    assertThat(update.getValue().expressionAttributeValues()).containsEntry(":refunded", s("REFUNDED"))
        .containsEntry(":charged", s("CHARGED"));
    assertThat(response).isEqualTo(new RefundPaymentResponse("ord_1", true, 2899));
  }

  @ParameterizedTest
  @Event(value = "refund-payment/events/charged-order.json", type = RefundPaymentRequest.class)
  void answersNotRefundedWhenNothingWasCharged(RefundPaymentRequest request) {
    StoredItems stored = new StoredItems().put("orders", "ord_1", Items.order("ord_1", "RESERVED"));
    when(dynamoDb.getItem(any(GetItemRequest.class))).thenAnswer(call -> stored.answer(call.getArgument(0)));

    RefundPaymentResponse response = new RefundPaymentHandler(dynamoDb, TABLES, provider).handleRequest(request, null);

    assertThat(response).isEqualTo(new RefundPaymentResponse("ord_1", false, 0));
    verifyNoInteractions(provider);
  }
}
