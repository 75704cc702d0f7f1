package dev.fulfillment.tasks.handler;

import static dev.fulfillment.tasks.support.Items.item;
import static dev.fulfillment.tasks.support.Items.n;
import static dev.fulfillment.tasks.support.Items.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.tasks.domain.OrderStatus;
import dev.fulfillment.tasks.error.InvalidOrderTransitionException;
import dev.fulfillment.tasks.support.Items;
import dev.fulfillment.tasks.support.StoredItems;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

@ExtendWith(MockitoExtension.class)
class ConfirmOrderHandlerTest {

  private static final TableNames TABLES = new TableNames("orders", "inventory", "payments");

  @Mock
  private DynamoDbClient dynamoDb;
  private final StoredItems stored = new StoredItems();

  @BeforeEach
  void answerReads() {
    when(dynamoDb.getItem(any(GetItemRequest.class))).thenAnswer(call -> stored.answer(call.getArgument(0)));
    stored.put("inventory", "SKU-1", item("sku", "SKU-1", "available", 3, "holds", Items.map("ord_1", 2),
        "sold", Items.map("ord_other", 4)));
    stored.put("inventory", "SKU-2", item("sku", "SKU-2", "available", 0, "holds", Items.map("ord_1", 1),
        "sold", Items.map()));
  }

  @ParameterizedTest
  @Event(value = "confirm-order/events/two-lines.json", type = ConfirmOrderRequest.class)
  void turnsEachHoldIntoSoldUnitsAndMovesThePaidOrderToConfirmed(ConfirmOrderRequest request) {
    stored.put("orders", "ord_1", Items.order("ord_1", "PAID"));
    when(dynamoDb.updateItem(any(UpdateItemRequest.class))).thenAnswer(call -> {
      UpdateItemRequest update = call.getArgument(0);
      return update.tableName().equals("orders")
          ? UpdateItemResponse.builder().attributes(Items.order("ord_1", "CONFIRMED")).build()
          : UpdateItemResponse.builder().build();
    });

    ConfirmOrderResponse response = new ConfirmOrderHandler(dynamoDb, TABLES).handleRequest(request, null);

    ArgumentCaptor<UpdateItemRequest> updates = ArgumentCaptor.forClass(UpdateItemRequest.class);
    verify(dynamoDb, times(3)).updateItem(updates.capture());
    UpdateItemRequest first = updates.getAllValues().get(0);
    assertThat(first.key()).containsEntry("sku", s("SKU-1"));
    assertThat(first.updateExpression()).isEqualTo("SET sold.#order = :sold REMOVE holds.#order");
    assertThat(first.conditionExpression()).isEqualTo("holds.#order = :h AND attribute_not_exists(sold.#order)");
    assertThat(first.expressionAttributeNames()).containsExactlyEntriesOf(Map.of("#order", "ord_1"));
    assertThat(first.expressionAttributeValues())
        .containsExactlyInAnyOrderEntriesOf(Map.<String, AttributeValue>of(":h", n(2), ":sold", n(2)));
    UpdateItemRequest confirmed = updates.getAllValues().get(2);
    assertThat(confirmed.conditionExpression()).isEqualTo("attribute_exists(orderId) AND #status IN (:fromPAID)");
    assertThat(confirmed.expressionAttributeValues()).containsEntry(":to", s("CONFIRMED"));
    assertThat(response).isEqualTo(new ConfirmOrderResponse("ord_1", OrderStatus.CONFIRMED));
  }

  @ParameterizedTest
  @Event(value = "confirm-order/events/two-lines.json", type = ConfirmOrderRequest.class)
  void refusesToConfirmAnOrderThatWasNotPaid(ConfirmOrderRequest request) {
    stored.put("orders", "ord_1", Items.order("ord_1", "RESERVED"));

    assertThatThrownBy(() -> new ConfirmOrderHandler(dynamoDb, TABLES).handleRequest(request, null))
        .isInstanceOf(InvalidOrderTransitionException.class)
        .hasMessageContaining("RESERVED");
    verify(dynamoDb, never()).updateItem(any(UpdateItemRequest.class));
  }
}
