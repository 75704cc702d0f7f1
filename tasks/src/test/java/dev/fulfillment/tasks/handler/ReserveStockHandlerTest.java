package dev.fulfillment.tasks.handler;

import static dev.fulfillment.tasks.support.Items.item;
import static dev.fulfillment.tasks.support.Items.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.tasks.error.OutOfStockException;
import dev.fulfillment.tasks.support.Items;
import dev.fulfillment.tasks.support.StoredItems;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

@ExtendWith(MockitoExtension.class)
class ReserveStockHandlerTest {

  private static final TableNames TABLES = new TableNames("orders", "inventory", "payments");
  private static final Map<String, Long> PRICES = Map.of("SKU-1", 1250L, "SKU-2", 399L);

  @Mock
  private DynamoDbClient dynamoDb;
  private final StoredItems stored = new StoredItems();

  @BeforeEach
  void storeTheOrder() {
    stored.put("orders", "ord_1", Items.order("ord_1", "RECEIVED"));
    when(dynamoDb.getItem(any(GetItemRequest.class))).thenAnswer(call -> stored.answer(call.getArgument(0)));
  }

  @ParameterizedTest
  @Event(value = "reserve-stock/events/two-lines.json", type = ReserveStockRequest.class)
  void holdsEachLineUnderTheDocumentedConditionAndPricesFromTheInventory(ReserveStockRequest request) {
    when(dynamoDb.updateItem(any(UpdateItemRequest.class))).thenAnswer(call -> {
      UpdateItemRequest update = call.getArgument(0);
      if (update.tableName().equals("inventory")) {
        String sku = update.key().get("sku").s();
        return UpdateItemResponse.builder().attributes(item("sku", sku, "available", 5, "price", PRICES.get(sku),
            "currency", "EUR")).build();
      }
      return UpdateItemResponse.builder().attributes(Items.order("ord_1", "RESERVED")).build();
    });

    ReserveStockResponse response = new ReserveStockHandler(dynamoDb, TABLES).handleRequest(request, null);

    ArgumentCaptor<UpdateItemRequest> updates = ArgumentCaptor.forClass(UpdateItemRequest.class);
    verify(dynamoDb, times(3)).updateItem(updates.capture());
    List<UpdateItemRequest> sent = updates.getAllValues();
    for (int i = 0; i < 2; i++) {
      UpdateItemRequest hold = sent.get(i);
      assertThat(hold.tableName()).isEqualTo("inventory");
      assertThat(hold.key()).containsEntry("sku", Items.s(request.lines().get(i).sku()));
      assertThat(hold.updateExpression()).isEqualTo("SET available = available - :q, holds.#order = :q");
      assertThat(hold.conditionExpression()).isEqualTo("available >= :q AND attribute_not_exists(holds.#order)");
      assertThat(hold.expressionAttributeNames()).containsExactlyEntriesOf(Map.of("#order", "ord_1"));
      assertThat(hold.expressionAttributeValues())
          .containsExactlyEntriesOf(Map.of(":q", n(request.lines().get(i).quantity())));
      assertThat(hold.returnValues()).isEqualTo(ReturnValue.ALL_NEW);
    }
    UpdateItemRequest reserved = sent.get(2);
    assertThat(reserved.tableName()).isEqualTo("orders");
    assertThat(reserved.conditionExpression()).isEqualTo("attribute_exists(orderId) AND #status IN (:fromRECEIVED)");
    assertThat(reserved.expressionAttributeValues()).containsEntry(":to", Items.s("RESERVED"))
        .containsEntry(":fromRECEIVED", Items.s("RECEIVED"));
    assertThat(reserved.updateExpression()).contains("#a0 = :a0", "#a1 = :a1", "#a2 = :a2");
    assertThat(reserved.expressionAttributeNames()).containsEntry("#a1", "total").containsEntry("#a2", "currency");
    assertThat(reserved.expressionAttributeValues()).containsEntry(":a1", n(2 * 1250 + 399))
        .containsEntry(":a2", Items.s("EUR"));

    ReserveStockResponse expected = EventLoader.loadEvent("reserve-stock/responses/two-lines.json",
        ReserveStockResponse.class);
    assertThat(response).isEqualTo(expected);
  }

  @ParameterizedTest
  @Event(value = "reserve-stock/events/two-lines.json", type = ReserveStockRequest.class)
  void givesBackTheFirstLineWhenTheSecondIsShortAndNamesTheShortSku(ReserveStockRequest request) {
    when(dynamoDb.updateItem(any(UpdateItemRequest.class))).thenAnswer(call -> {
      UpdateItemRequest update = call.getArgument(0);
      if (update.conditionExpression().startsWith("available >=") && update.key().get("sku").s().equals("SKU-2")) {
        throw ConditionalCheckFailedException.builder().message("The conditional request failed").build();
      }
      return UpdateItemResponse.builder().attributes(item("sku", "SKU-1", "available", 3, "price", 1250,
          "currency", "EUR")).build();
    });
    stored.put("inventory", "SKU-1", item("sku", "SKU-1", "available", 3, "price", 1250, "currency", "EUR",
        "holds", Items.map("ord_1", 2), "sold", Items.map()));
    stored.put("inventory", "SKU-2", item("sku", "SKU-2", "available", 0, "price", 399, "currency", "EUR",
        "holds", Items.map(), "sold", Items.map()));

    assertThatThrownBy(() -> new ReserveStockHandler(dynamoDb, TABLES).handleRequest(request, null))
        .isInstanceOf(OutOfStockException.class)
        .hasMessage("out of stock: SKU-2");

    ArgumentCaptor<UpdateItemRequest> updates = ArgumentCaptor.forClass(UpdateItemRequest.class);
    verify(dynamoDb, times(3)).updateItem(updates.capture());
    UpdateItemRequest release = updates.getAllValues().get(2);
    assertThat(release.key()).containsEntry("sku", Items.s("SKU-1"));
    assertThat(release.updateExpression()).isEqualTo("SET available = available + :n REMOVE holds.#order");
    assertThat(release.conditionExpression()).isEqualTo("holds.#order = :h AND attribute_not_exists(sold.#order)");
    assertThat(release.expressionAttributeValues()).containsExactlyInAnyOrderEntriesOf(
        Map.<String, AttributeValue>of(":n", n(2), ":h", n(2)));
    verify(dynamoDb, never()).putItem(any(software.amazon.awssdk.services.dynamodb.model.PutItemRequest.class));
  }
}
