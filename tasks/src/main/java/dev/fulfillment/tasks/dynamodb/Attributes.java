package dev.fulfillment.tasks.dynamodb;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small conversions between DynamoDB attribute values and Java values, shared by the repositories. */
public final class Attributes {

  private Attributes() {
  }

  public static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  public static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  public static AttributeValue m(Map<String, AttributeValue> value) {
    return AttributeValue.fromM(value);
  }

  public static AttributeValue l(List<AttributeValue> value) {
    return AttributeValue.fromL(value);
  }

  /** The string attribute {@code name}, or null when absent. */
  public static String string(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  /** The number attribute {@code name} as a long, or null when absent. */
  public static Long number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? null : Long.valueOf(value.n());
  }

  /** The map attribute {@code name}, or an empty map when absent. */
  public static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || !value.hasM() ? Map.of() : value.m();
  }

  /** The list attribute {@code name}, or an empty list when absent. */
  public static List<AttributeValue> list(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || !value.hasL() ? List.of() : value.l();
  }
}
