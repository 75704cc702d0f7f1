package dev.fulfillment.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Items to put into tables at start-up, from a readable JSON file:
 *
 * <pre>{@code
 * {"tables": {"INVENTORY_TABLE": {"key": "sku", "items": [{"sku": "SKU-1", "available": 100, ...}]}}}
 * }</pre>
 *
 * A table is named by the environment variable through which the functions know it (docs/architecture.md), so the
 * file does not depend on generated names. Plain JSON becomes DynamoDB types: strings S, numbers N, booleans BOOL,
 * objects M, lists L, null NULL. Items that already exist (data kept on disk) are left as they are.
 */
public final class SeedData {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** Items for one table. */
  public record TableSeed(String tableVariable, String key, List<Map<String, AttributeValue>> items) {}

  private final List<TableSeed> tables;

  private SeedData(List<TableSeed> tables) {
    this.tables = tables;
  }

  public static SeedData load(Path file) throws IOException {
    JsonNode root = JSON.readTree(Files.readAllBytes(file));
    List<TableSeed> tables = new ArrayList<>();
    for (Map.Entry<String, JsonNode> table : root.path("tables").properties()) {
      String key = table.getValue().path("key").asText(null);
      if (key == null) {
        throw new IOException(file + ": tables." + table.getKey() + " needs \"key\" (the partition key's name)");
      }
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      for (JsonNode item : table.getValue().path("items")) {
        if (!item.has(key)) {
          throw new IOException(file + ": an item of " + table.getKey() + " has no \"" + key + "\"");
        }
        items.add(value(item).m());
      }
      tables.add(new TableSeed(table.getKey(), key, items));
    }
    return new SeedData(tables);
  }

  public List<TableSeed> tables() {
    return tables;
  }

  /**
   * Puts every item whose key is not in the table yet.
   *
   * @param tableNames environment variable -> physical table name
   * @return items written, per table variable
   */
  public Map<String, Integer> apply(DynamoDbClient dynamoDb, Map<String, String> tableNames) {
    Map<String, Integer> written = new LinkedHashMap<>();
    for (TableSeed table : tables) {
      String name = tableNames.get(table.tableVariable());
      if (name == null) {
        throw new IllegalArgumentException("the seed file names " + table.tableVariable()
            + ", but no function of the template has that environment variable");
      }
      int count = 0;
      for (Map<String, AttributeValue> item : table.items()) {
        try {
          dynamoDb.putItem(PutItemRequest.builder().tableName(name).item(item)
              .conditionExpression("attribute_not_exists(#k)")
              .expressionAttributeNames(Map.of("#k", table.key()))
              .build());
          count++;
        } catch (ConditionalCheckFailedException kept) {
          // already there from an earlier run on disk
        }
      }
      written.put(table.tableVariable(), count);
    }
    return written;
  }

  private static AttributeValue value(JsonNode node) {
    if (node.isTextual()) {
      return AttributeValue.fromS(node.textValue());
    }
    if (node.isNumber()) {
      return AttributeValue.fromN(node.asText());
    }
    if (node.isBoolean()) {
      return AttributeValue.fromBool(node.booleanValue());
    }
    if (node.isObject()) {
      Map<String, AttributeValue> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), value(e.getValue())));
      return AttributeValue.fromM(map);
    }
    if (node.isArray()) {
      List<AttributeValue> list = new ArrayList<>();
      node.forEach(e -> list.add(value(e)));
      return AttributeValue.fromL(list);
    }
    return AttributeValue.fromNul(true);
  }
}
