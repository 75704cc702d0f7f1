package dev.fulfillment.tasks.handler;

import static dev.fulfillment.tasks.support.Items.n;
import static dev.fulfillment.tasks.support.Items.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.tasks.error.InvalidTaskInputException;
import dev.fulfillment.tasks.error.PaymentDeclinedException;
import dev.fulfillment.tasks.payment.SandboxPaymentProvider;
import dev.fulfillment.tasks.support.Items;
import dev.fulfillment.tasks.support.StoredItems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

@ExtendWith(MockitoExtension.class)
class ChargePaymentHandlerTest {

  private static final TableNames TABLES = new TableNames("orders", "inventory", "payments");

  @Mock
  private DynamoDbClient dynamoDb;
  private final StoredItems stored = new StoredItems();

  @BeforeEach
  void answerReads() {
    when(dynamoDb.getItem(any(GetItemRequest.class))).thenAnswer(call -> stored.answer(call.getArgument(0)));
  }

  private ChargePaymentHandler handler() {
    return new ChargePaymentHandler(dynamoDb, TABLES, new SandboxPaymentProvider());
  }

  @ParameterizedTest
  @Event(value = "charge-payment/events/reserved-order.json", type = ChargePaymentRequest.class)
  void recordsOneLedgerItemKeyedByTheOrderAndMovesTheOrderToPaid(ChargePaymentRequest request) {
    stored.put("orders", "ord_1", Items.order("ord_1", "RESERVED", "total", 2899, "currency", "EUR"));
    when(dynamoDb.putItem(any(PutItemRequest.class))).thenReturn(PutItemResponse.builder().build());
    when(dynamoDb.updateItem(any(UpdateItemRequest.class)))
        .thenReturn(UpdateItemResponse.builder().attributes(Items.order("ord_1", "PAID")).build());

    ChargePaymentResponse response = handler().handleRequest(request, null);

    ArgumentCaptor<PutItemRequest> put = ArgumentCaptor.forClass(PutItemRequest.class);
    verify(dynamoDb).putItem(put.capture());
    assertThat(put.getValue().tableName()).isEqualTo("payments");
    assertThat(put.getValue().conditionExpression()).isEqualTo("attribute_not_exists(orderId)");
    assertThat(put.getValue().item())
        .containsEntry("orderId", s("ord_1"))
        .containsEntry("status", s("CHARGED"))
        .containsEntry("amount", n(2899))
        .containsEntry("currency", s("EUR"))
        .containsEntry("chargeId", s(response.chargeId()))
        .doesNotContainKey("paymentToken");
    assertThat(put.getValue().item().toString()).doesNotContain("tok_visa");

    ArgumentCaptor<UpdateItemRequest> update = ArgumentCaptor.forClass(UpdateItemRequest.class);
    verify(dynamoDb).updateItem(update.capture());
    assertThat(update.getValue().conditionExpression())
        .isEqualTo("attribute_exists(orderId) AND #status IN (:fromRESERVED)");
    assertThat(update.getValue().expressionAttributeValues()).containsEntry(":to", s("PAID"));
    assertThat(response).isEqualTo(new ChargePaymentResponse("ord_1", response.chargeId(), 2899, "EUR", "CHARGED"));
    assertThat(response.chargeId()).startsWith("ch_sandbox_");
  }

  @ParameterizedTest
  @Event(value = "charge-payment/events/reserved-order.json", type = ChargePaymentRequest.class)
  void refusesToChargeAnAmountOtherThanTheOrderTotal(ChargePaymentRequest request) {
    stored.put("orders", "ord_1", Items.order("ord_1", "RESERVED", "total", 1, "currency", "EUR"));

    assertThatThrownBy(() -> handler().handleRequest(request, null))
        .isInstanceOf(InvalidTaskInputException.class)
        .hasMessageContaining("does not match the total");
    verify(dynamoDb, never()).putItem(any(PutItemRequest.class));
  }

  @ParameterizedTest
  @Event(value = "charge-payment/events/reserved-order.json", type = ChargePaymentRequest.class)
  void declinesARawCardNumberStoredAsTokenWithoutRecordingIt(ChargePaymentRequest request) {
    stored.put("orders", "ord_1", Items.order("ord_1", "RESERVED", "total", 2899, "currency", "EUR",
        "paymentToken", "4242-4242-4242-4242"));
    when(dynamoDb.putItem(any(PutItemRequest.class))).thenReturn(PutItemResponse.builder().build());

    assertThatThrownBy(() -> handler().handleRequest(request, null))
        .isInstanceOf(PaymentDeclinedException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("4242"));

    ArgumentCaptor<PutItemRequest> put = ArgumentCaptor.forClass(PutItemRequest.class);
    verify(dynamoDb).putItem(put.capture());
    assertThat(put.getValue().item()).containsEntry("status", s("DECLINED"))
        .containsEntry("declineCode", s("raw_card_number"));
    assertThat(put.getValue().item().toString()).doesNotContain("4242");
    verify(dynamoDb, never()).updateItem(any(UpdateItemRequest.class));
  }
}
