package dev.fulfillment.tasks.stock;

import static dev.fulfillment.tasks.dynamodb.Attributes.m;
import static dev.fulfillment.tasks.dynamodb.Attributes.n;
import static dev.fulfillment.tasks.dynamodb.Attributes.s;

import dev.fulfillment.tasks.dynamodb.Attributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link InventoryRepository} on one DynamoDB table keyed by {@code sku}. Holds are per order inside the
 * SKU item, so reserving is one conditional UpdateItem: DynamoDB evaluates the condition and applies
 * the update atomically on the item, which is what makes concurrent reservations unable to oversell,
 * without transactions (which dynalite lacks and which conflict on hot items).
 */
public final class DynamoDbInventoryRepository implements InventoryRepository {

  static final String RESERVE_UPDATE = "SET available = available - :q, holds.#order = :q";
  static final String RESERVE_CONDITION = "available >= :q AND attribute_not_exists(holds.#order)";
  /** A write whose condition saw a concurrent change of the same order's entries is re-read and retried. */
  private static final int ATTEMPTS = 5;

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbInventoryRepository(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public ReserveOutcome reserve(String orderId, String sku, int quantity) {
    try {
      return reserveOnce(orderId, sku, quantity);
    } catch (ConditionalCheckFailedException notTaken) {
      return explainRefusal(orderId, sku);
    } catch (DynamoDbException e) {
      if (!isMissingMap(e)) {
        throw e;
      }
      // "SET holds.#order" needs the holds map to exist (a document path into a missing map is a
      // ValidationException, DynamoDB guide "Update expressions: SET"); items written by put() have it,
      // items written by other tools may not. Create the maps once, then try again.
      if (!addMissingMaps(sku)) {
        return new ReserveOutcome.Unknown(sku);
      }
      try {
        return reserveOnce(orderId, sku, quantity);
      } catch (ConditionalCheckFailedException notTaken) {
        return explainRefusal(orderId, sku);
      }
    }
  }

  private ReserveOutcome reserveOnce(String orderId, String sku, int quantity) {
    Map<String, AttributeValue> item = dynamoDb.updateItem(UpdateItemRequest.builder()
        .tableName(tableName)
        .key(key(sku))
        .updateExpression(RESERVE_UPDATE)
        .conditionExpression(RESERVE_CONDITION)
        .expressionAttributeNames(Map.of("#order", orderId))
        .expressionAttributeValues(Map.of(":q", n(quantity)))
        .returnValues(ReturnValue.ALL_NEW)
        .build()).attributes();
    return priced(sku, quantity, item);
  }

  /** The condition failed: a consistent read says whether the SKU is unknown, already held (a repeat), or short. */
  private ReserveOutcome explainRefusal(String orderId, String sku) {
    Optional<Map<String, AttributeValue>> item = getItem(sku);
    if (item.isEmpty()) {
      return new ReserveOutcome.Unknown(sku);
    }
    Long held = longEntry(item.get(), "holds", orderId);
    Long sold = longEntry(item.get(), "sold", orderId);
    if (held != null || sold != null) {
      return priced(sku, Math.toIntExact(held != null ? held : sold), item.get());
    }
    return new ReserveOutcome.Short(sku);
  }

  private static ReserveOutcome priced(String sku, int quantity, Map<String, AttributeValue> item) {
    Long price = Attributes.number(item, "price");
    String currency = Attributes.string(item, "currency");
    if (price == null || currency == null) {
      return new ReserveOutcome.Unpriced(sku);
    }
    return new ReserveOutcome.Reserved(sku, quantity, price, currency);
  }

  @Override
  public long release(String orderId, String sku) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Map<String, AttributeValue>> item = getItem(sku);
      if (item.isEmpty()) {
        return 0;
      }
      Long held = longEntry(item.get(), "holds", orderId);
      Long sold = longEntry(item.get(), "sold", orderId);
      if (held == null && sold == null) {
        return 0;
      }
      long units = (held == null ? 0 : held) + (sold == null ? 0 : sold);
      Map<String, AttributeValue> values = new HashMap<>();
      values.put(":n", n(units));
      List<String> removals = new ArrayList<>();
      List<String> conditions = new ArrayList<>();
      // The condition pins the exact entries read, so a concurrent change of this order's entries makes
      // the write fail (and be re-read) instead of returning the wrong number of units.
      expect("holds", held, ":h", removals, conditions, values);
      expect("sold", sold, ":s", removals, conditions, values);
      try {
        dynamoDb.updateItem(UpdateItemRequest.builder()
            .tableName(tableName)
            .key(key(sku))
            .updateExpression("SET available = available + :n REMOVE " + String.join(", ", removals))
            .conditionExpression(String.join(" AND ", conditions))
            .expressionAttributeNames(Map.of("#order", orderId))
            .expressionAttributeValues(values)
            .build());
        return units;
      } catch (ConditionalCheckFailedException changed) {
        // re-read and try again
      }
    }
    throw new IllegalStateException("could not release " + sku + " for order " + orderId + ": it kept changing");
  }

  private static void expect(String map, Long value, String placeholder, List<String> removals,
      List<String> conditions, Map<String, AttributeValue> values) {
    if (value == null) {
      conditions.add("attribute_not_exists(" + map + ".#order)");
    } else {
      removals.add(map + ".#order");
      conditions.add(map + ".#order = " + placeholder);
      values.put(placeholder, n(value));
    }
  }

  @Override
  public ConfirmOutcome confirm(String orderId, String sku) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Map<String, AttributeValue>> item = getItem(sku);
      Long held = item.map(found -> longEntry(found, "holds", orderId)).orElse(null);
      Long sold = item.map(found -> longEntry(found, "sold", orderId)).orElse(null);
      if (held == null) {
        return sold == null ? ConfirmOutcome.NOTHING_HELD : ConfirmOutcome.ALREADY_SOLD;
      }
      Map<String, AttributeValue> values = new HashMap<>();
      values.put(":h", n(held));
      values.put(":sold", n(held + (sold == null ? 0 : sold)));
      String soldCondition = sold == null ? "attribute_not_exists(sold.#order)" : "sold.#order = :s";
      if (sold != null) {
        values.put(":s", n(sold));
      }
      try {
        dynamoDb.updateItem(UpdateItemRequest.builder()
            .tableName(tableName)
            .key(key(sku))
            .updateExpression("SET sold.#order = :sold REMOVE holds.#order")
            .conditionExpression("holds.#order = :h AND " + soldCondition)
            .expressionAttributeNames(Map.of("#order", orderId))
            .expressionAttributeValues(values)
            .build());
        return ConfirmOutcome.SOLD;
      } catch (ConditionalCheckFailedException changed) {
        // re-read and try again
      }
    }
    throw new IllegalStateException("could not confirm " + sku + " for order " + orderId + ": it kept changing");
  }

  @Override
  public void put(StockItem stock) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("sku", s(stock.sku()));
    item.put("available", n(stock.available()));
    item.put("price", n(stock.price()));
    item.put("currency", s(stock.currency()));
    if (stock.name() != null) {
      item.put("name", s(stock.name()));
    }
    item.put("holds", m(Map.of()));
    item.put("sold", m(Map.of()));
    dynamoDb.putItem(PutItemRequest.builder().tableName(tableName).item(item).build());
  }

  @Override
  public Optional<StockLevel> find(String sku) {
    return getItem(sku).map(item -> new StockLevel(sku,
        Optional.ofNullable(Attributes.number(item, "available")).orElse(0L),
        Attributes.number(item, "price"),
        Attributes.string(item, "currency"),
        longs(Attributes.map(item, "holds")),
        longs(Attributes.map(item, "sold"))));
  }

  private boolean addMissingMaps(String sku) {
    try {
      dynamoDb.updateItem(UpdateItemRequest.builder()
          .tableName(tableName)
          .key(key(sku))
          .updateExpression("SET holds = if_not_exists(holds, :empty), sold = if_not_exists(sold, :empty)")
          .conditionExpression("attribute_exists(sku)")
          .expressionAttributeValues(Map.of(":empty", m(Map.of())))
          .build());
      return true;
    } catch (ConditionalCheckFailedException noSuchSku) {
      return false;
    }
  }

  private static boolean isMissingMap(DynamoDbException e) {
    return e.awsErrorDetails() != null
        && "ValidationException".equals(e.awsErrorDetails().errorCode())
        && e.awsErrorDetails().errorMessage() != null
        && e.awsErrorDetails().errorMessage().contains("document path");
  }

  private Optional<Map<String, AttributeValue>> getItem(String sku) {
    Map<String, AttributeValue> item = dynamoDb.getItem(GetItemRequest.builder()
        .tableName(tableName)
        .key(key(sku))
        .consistentRead(true)
        .build()).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  private static Long longEntry(Map<String, AttributeValue> item, String map, String orderId) {
    AttributeValue value = Attributes.map(item, map).get(orderId);
    return value == null || value.n() == null ? null : Long.valueOf(value.n());
  }

  private static Map<String, Long> longs(Map<String, AttributeValue> map) {
    Map<String, Long> result = new HashMap<>();
    map.forEach((key, value) -> result.put(key, Long.valueOf(value.n())));
    return result;
  }

  private static Map<String, AttributeValue> key(String sku) {
    return Map.of("sku", s(sku));
  }
}
