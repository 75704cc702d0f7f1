package dev.fulfillment.tasks.order;

import static dev.fulfillment.tasks.dynamodb.Attributes.l;
import static dev.fulfillment.tasks.dynamodb.Attributes.n;
import static dev.fulfillment.tasks.dynamodb.Attributes.s;

import dev.fulfillment.tasks.domain.Order;
import dev.fulfillment.tasks.domain.OrderStatus;
import dev.fulfillment.tasks.domain.PricedLine;
import dev.fulfillment.tasks.dynamodb.Attributes;
import dev.fulfillment.tasks.error.InvalidOrderTransitionException;
import dev.fulfillment.tasks.error.OrderNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** {@link OrderRepository} on one DynamoDB table keyed by {@code orderId}. */
public final class DynamoDbOrderRepository implements OrderRepository {

  /** Failure reasons are for people; the order item stays small whatever a caller passes. */
  static final int MAX_REASON_LENGTH = 500;

  private final DynamoDbClient dynamoDb;
  private final String tableName;
  private final Clock clock;

  public DynamoDbOrderRepository(DynamoDbClient dynamoDb, String tableName, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
    this.clock = clock;
  }

  public DynamoDbOrderRepository(DynamoDbClient dynamoDb, String tableName) {
    this(dynamoDb, tableName, Clock.systemUTC());
  }

  @Override
  public CreateOutcome create(NewOrder order) {
    Map<String, AttributeValue> item = OrderItems.newItem(order, clock.instant());
    try {
      dynamoDb.putItem(PutItemRequest.builder()
          .tableName(tableName)
          .item(item)
          // Never overwrite: a second request with the same key must find the first order intact.
          .conditionExpression("attribute_not_exists(orderId)")
          .build());
      return new CreateOutcome.Created(OrderItems.toOrder(item));
    } catch (ConditionalCheckFailedException exists) {
      Map<String, AttributeValue> stored = getItem(order.orderId())
          .orElseThrow(() -> new IllegalStateException("order " + order.orderId() + " existed and vanished"));
      return new CreateOutcome.AlreadyExists(OrderItems.toOrder(stored), Attributes.string(stored, OrderItems.REQUEST_HASH));
    }
  }

  @Override
  public Optional<Order> find(String orderId) {
    return getItem(orderId).map(OrderItems::toOrder);
  }

  @Override
  public Optional<String> findPaymentToken(String orderId) {
    return getItem(orderId).map(item -> Attributes.string(item, OrderItems.PAYMENT_TOKEN));
  }

  @Override
  public Order transition(String orderId, Set<OrderStatus> from, OrderStatus to, String reason) {
    return update(orderId, from, to, reason, Map.of());
  }

  @Override
  public Order markReserved(String orderId, List<PricedLine> lines, long total, String currency) {
    Map<String, AttributeValue> extra = new LinkedHashMap<>();
    extra.put(OrderItems.LINES, OrderItems.pricedLines(lines));
    extra.put(OrderItems.TOTAL, n(total));
    extra.put(OrderItems.CURRENCY, s(currency));
    return update(orderId, EnumSet.of(OrderStatus.RECEIVED), OrderStatus.RESERVED, null, extra);
  }

  /**
   * One UpdateItem whose condition admits only the allowed source statuses, so two racing steps can
   * never both move the order, and it never moves backwards. When the condition fails, a consistent
   * read tells "already there" (idempotent success) from "elsewhere" (an error).
   */
  private Order update(String orderId, Set<OrderStatus> from, OrderStatus to, String reason,
      Map<String, AttributeValue> extra) {
    if (from.isEmpty() || from.stream().anyMatch(status -> !status.canMoveTo(to))) {
      throw new IllegalArgumentException("not a forward transition: " + from + " -> " + to);
    }
    Instant now = clock.instant();
    String boundedReason = bound(reason);
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    names.put("#status", OrderItems.STATUS);
    names.put("#updatedAt", OrderItems.UPDATED_AT);
    names.put("#history", OrderItems.HISTORY);
    values.put(":to", s(to.name()));
    values.put(":now", s(now.toString()));
    values.put(":entry", l(List.of(OrderItems.historyEntry(to, now, boundedReason))));
    values.put(":noHistory", l(List.of()));
    StringBuilder set = new StringBuilder(
        "SET #status = :to, #updatedAt = :now, #history = list_append(if_not_exists(#history, :noHistory), :entry)");
    if (to == OrderStatus.FAILED && boundedReason != null) {
      names.put("#failureReason", OrderItems.FAILURE_REASON);
      values.put(":reason", s(boundedReason));
      set.append(", #failureReason = :reason");
    }
    int index = 0;
    for (Map.Entry<String, AttributeValue> attribute : extra.entrySet()) {
      names.put("#a" + index, attribute.getKey());
      values.put(":a" + index, attribute.getValue());
      set.append(", #a").append(index).append(" = :a").append(index);
      index++;
    }
    List<String> fromPlaceholders = new ArrayList<>();
    for (OrderStatus status : EnumSet.copyOf(from)) {
      String placeholder = ":from" + status.name();
      fromPlaceholders.add(placeholder);
      values.put(placeholder, s(status.name()));
    }
    try {
      Map<String, AttributeValue> updated = dynamoDb.updateItem(UpdateItemRequest.builder()
          .tableName(tableName)
          .key(Map.of(OrderItems.ORDER_ID, s(orderId)))
          .updateExpression(set.toString())
          .conditionExpression("attribute_exists(orderId) AND #status IN (" + String.join(", ", fromPlaceholders) + ")")
          .expressionAttributeNames(names)
          .expressionAttributeValues(values)
          .returnValues(ReturnValue.ALL_NEW)
          .build()).attributes();
      return OrderItems.toOrder(updated);
    } catch (ConditionalCheckFailedException notAllowed) {
      Order current = find(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
      if (current.status() == to) {
        return current;
      }
      throw new InvalidOrderTransitionException(
          "order " + orderId + " is " + current.status() + " and cannot move to " + to);
    }
  }

  private Optional<Map<String, AttributeValue>> getItem(String orderId) {
    Map<String, AttributeValue> item = dynamoDb.getItem(GetItemRequest.builder()
        .tableName(tableName)
        .key(Map.of(OrderItems.ORDER_ID, s(orderId)))
        .consistentRead(true)
        .build()).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  private static String bound(String reason) {
    if (reason == null) {
      return null;
    }
    return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
  }
}
