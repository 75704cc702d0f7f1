package dev.fulfillment.tasks.support;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Items a mocked DynamoDbClient answers GetItem with, by table and key value; unknown keys answer an
 * empty response, as DynamoDB does for a missing item.
 */
public final class StoredItems {

  private final Map<String, Map<String, AttributeValue>> items = new HashMap<>();

  public StoredItems put(String table, String key, Map<String, AttributeValue> item) {
    items.put(table + "/" + key, item);
    return this;
  }

  public GetItemResponse answer(GetItemRequest request) {
    String key = request.key().values().iterator().next().s();
    Map<String, AttributeValue> item = items.get(request.tableName() + "/" + key);
    return item == null ? GetItemResponse.builder().build() : GetItemResponse.builder().item(item).build();
  }
}
