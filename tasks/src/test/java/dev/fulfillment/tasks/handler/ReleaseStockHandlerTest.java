package dev.fulfillment.tasks.handler;

import static dev.fulfillment.tasks.support.Items.item;
import static dev.fulfillment.tasks.support.Items.n;
import static dev.fulfillment.tasks.support.Items.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.tasks.support.Items;
import dev.fulfillment.tasks.support.StoredItems;
import java.util.List;
import java.util.Map;
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
class ReleaseStockHandlerTest {

  private static final TableNames TABLES = new TableNames("orders", "inventory", "payments");

  @Mock
  private DynamoDbClient dynamoDb;

  @ParameterizedTest
  @Event(value = "release-stock/events/two-lines.json", type = ReleaseStockRequest.class)
  void returnsHeldAndSoldUnitsPinningTheExactEntriesItRead(ReleaseStockRequest request) {
    StoredItems stored = new StoredItems()
        .put("orders", "ord_1", Items.order("ord_1", "PAID"))
        .put("inventory", "SKU-1", item("sku", "SKU-1", "available", 3, "holds", Items.map("ord_1", 2),
            "sold", Items.map()))
        .put("inventory", "SKU-2", item("sku", "SKU-2", "available", 0, "holds", Items.map(),
            "sold", Items.map("ord_1", 1)));
    when(dynamoDb.getItem(any(GetItemRequest.class))).thenAnswer(call -> stored.answer(call.getArgument(0)));
    when(dynamoDb.updateItem(any(UpdateItemRequest.class))).thenReturn(UpdateItemResponse.builder().build());

    ReleaseStockResponse response = new ReleaseStockHandler(dynamoDb, TABLES).handleRequest(request, null);

    ArgumentCaptor<UpdateItemRequest> updates = ArgumentCaptor.forClass(UpdateItemRequest.class);
    verify(dynamoDb, times(2)).updateItem(updates.capture());
    UpdateItemRequest held = updates.getAllValues().get(0);
    assertThat(held.updateExpression()).isEqualTo("SET available = available + :n REMOVE holds.#order");
    assertThat(held.conditionExpression()).isEqualTo("holds.#order = :h AND attribute_not_exists(sold.#order)");
    assertThat(held.expressionAttributeNames()).containsExactlyEntriesOf(Map.of("#order", "ord_1"));
    assertThat(held.expressionAttributeValues())
        .containsExactlyInAnyOrderEntriesOf(Map.<String, AttributeValue>of(":n", n(2), ":h", n(2)));
    UpdateItemRequest sold = updates.getAllValues().get(1);
    assertThat(sold.key()).containsEntry("sku", s("SKU-2"));
    assertThat(sold.updateExpression()).isEqualTo("SET available = available + :n REMOVE sold.#order");
    assertThat(sold.conditionExpression()).isEqualTo("attribute_not_exists(holds.#order) AND sold.#order = :s");
    assertThat(sold.expressionAttributeValues())
        .containsExactlyInAnyOrderEntriesOf(Map.<String, AttributeValue>of(":n", n(1), ":s", n(1)));
    assertThat(response).isEqualTo(new ReleaseStockResponse("ord_1", List.of("SKU-1", "SKU-2")));
  }

  @ParameterizedTest
  @Event(value = "release-stock/events/two-lines.json", type = ReleaseStockRequest.class)
  void writesNothingWhenTheOrderHoldsNothing(ReleaseStockRequest request) {
    StoredItems stored = new StoredItems()
        .put("inventory", "SKU-1", item("sku", "SKU-1", "available", 3, "holds", Items.map("ord_other", 2),
            "sold", Items.map()));
    when(dynamoDb.getItem(any(GetItemRequest.class))).thenAnswer(call -> stored.answer(call.getArgument(0)));

    ReleaseStockResponse response = new ReleaseStockHandler(dynamoDb, TABLES).handleRequest(request, null);

    assertThat(response.released()).isEmpty();
    verify(dynamoDb, times(0)).updateItem(any(UpdateItemRequest.class));
  }
}
