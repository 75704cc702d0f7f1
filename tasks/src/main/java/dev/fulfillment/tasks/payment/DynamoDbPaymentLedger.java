package dev.fulfillment.tasks.payment;

import static dev.fulfillment.tasks.dynamodb.Attributes.n;
import static dev.fulfillment.tasks.dynamodb.Attributes.s;

import dev.fulfillment.tasks.dynamodb.Attributes;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** {@link PaymentLedger} on one DynamoDB table keyed by {@code orderId}. */
public final class DynamoDbPaymentLedger implements PaymentLedger {

  private final DynamoDbClient dynamoDb;
  private final String tableName;
  private final Clock clock;

  public DynamoDbPaymentLedger(DynamoDbClient dynamoDb, String tableName, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
    this.clock = clock;
  }

  public DynamoDbPaymentLedger(DynamoDbClient dynamoDb, String tableName) {
    this(dynamoDb, tableName, Clock.systemUTC());
  }

  @Override
  public Optional<LedgerEntry> find(String orderId) {
    Map<String, AttributeValue> item = dynamoDb.getItem(GetItemRequest.builder()
        .tableName(tableName)
        .key(Map.of("orderId", s(orderId)))
        .consistentRead(true)
        .build()).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toEntry(item));
  }

  @Override
  public LedgerEntry record(LedgerEntry entry) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("orderId", s(entry.orderId()));
    item.put("status", s(entry.status().name()));
    item.put("amount", n(entry.amount()));
    if (entry.currency() != null) {
      item.put("currency", s(entry.currency()));
    }
    item.put("createdAt", s(entry.createdAt().toString()));
    if (entry.chargeId() != null) {
      item.put("chargeId", s(entry.chargeId()));
    }
    if (entry.declineCode() != null) {
      item.put("declineCode", s(entry.declineCode()));
    }
    try {
      dynamoDb.putItem(PutItemRequest.builder()
          .tableName(tableName)
          .item(item)
          // The order id is the idempotency key: the first outcome recorded is the outcome.
          .conditionExpression("attribute_not_exists(orderId)")
          .build());
      return entry;
    } catch (ConditionalCheckFailedException recordedBefore) {
      return find(entry.orderId()).orElseThrow(
          () -> new IllegalStateException("payment of order " + entry.orderId() + " existed and vanished"));
    }
  }

  @Override
  public LedgerEntry markRefunded(String orderId) {
    Instant now = clock.instant();
    try {
      Map<String, AttributeValue> updated = dynamoDb.updateItem(UpdateItemRequest.builder()
          .tableName(tableName)
          .key(Map.of("orderId", s(orderId)))
          .updateExpression("SET #status = :refunded, refundedAt = :now")
          .conditionExpression("#status = :charged")
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(Map.of(
              ":refunded", s(PaymentStatus.REFUNDED.name()),
              ":charged", s(PaymentStatus.CHARGED.name()),
              ":now", s(now.toString())))
          .returnValues(ReturnValue.ALL_NEW)
          .build()).attributes();
      return toEntry(updated);
    } catch (ConditionalCheckFailedException notCharged) {
      LedgerEntry current = find(orderId).orElseThrow(
          () -> new IllegalStateException("no payment recorded for order " + orderId));
      if (current.status() == PaymentStatus.REFUNDED) {
        return current;
      }
      throw new IllegalStateException("payment of order " + orderId + " is " + current.status() + ", not CHARGED");
    }
  }

  private static LedgerEntry toEntry(Map<String, AttributeValue> item) {
    String refundedAt = Attributes.string(item, "refundedAt");
    return new LedgerEntry(
        Attributes.string(item, "orderId"),
        PaymentStatus.valueOf(Attributes.string(item, "status")),
        Attributes.number(item, "amount"),
        Attributes.string(item, "currency"),
        Attributes.string(item, "chargeId"),
        Attributes.string(item, "declineCode"),
        Instant.parse(Attributes.string(item, "createdAt")),
        refundedAt == null ? null : Instant.parse(refundedAt));
  }
}
