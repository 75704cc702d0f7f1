package dev.fulfillment.tasks.support;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Terse builders for items as DynamoDB stores them, for tests that mock the client. */
public final class Items {

  private Items() {
  }

  public static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  public static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  public static Map<String, AttributeValue> item(Object... keyValues) {
    Map<String, AttributeValue> item = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      Object value = keyValues[i + 1];
      item.put((String) keyValues[i], switch (value) {
        case AttributeValue attribute -> attribute;
        case String text -> s(text);
        case Number number -> n(number.longValue());
        default -> throw new IllegalArgumentException("unsupported " + value);
      });
    }
    return item;
  }

  public static AttributeValue map(Object... keyValues) {
    return AttributeValue.fromM(item(keyValues));
  }

  public static AttributeValue list(AttributeValue... values) {
    return AttributeValue.fromL(List.copyOf(Arrays.asList(values)));
  }

  /** An order item as the api stores it, in the given status. */
  public static Map<String, AttributeValue> order(String orderId, String status, Object... extra) {
    Map<String, AttributeValue> item = item("orderId", orderId, "status", status, "customerId", "c-1",
        "paymentToken", "tok_visa", "requestHash", "h-1", "createdAt", "2025-01-01T00:00:00Z",
        "updatedAt", "2025-01-01T00:00:00Z",
        "lines", list(map("sku", "SKU-1", "quantity", 2), map("sku", "SKU-2", "quantity", 1)),
        "history", list(map("status", "RECEIVED", "at", "2025-01-01T00:00:00Z")));
    item.putAll(item(extra));
    return item;
  }
}
