package dev.fulfillment.local.sfn.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the members of one request body the way the service model describes them. A member of the wrong JSON type is
 * a {@code SerializationException} at once (the body cannot be deserialized into the input shape); constraint
 * violations (required, length, range, enum) are collected and reported together by {@link #check()} as one
 * {@code ValidationException}, before any of the operation's own checks run. JSON {@code null} counts as absent.
 * Values of sensitive members (definition, input, output, error, cause) are never echoed in messages.
 */
final class RequestMembers {
  private final ObjectNode body;
  private final List<String> violations = new ArrayList<>();

  RequestMembers(ObjectNode body) {
    this.body = body;
  }

  /** A string member; null when absent. {@code min}/{@code max} are lengths in characters. */
  String string(String member, boolean required, int min, int max) {
    return string(member, required, min, max, false);
  }

  /** A sensitive string member (its value is not echoed); {@code max} counts UTF-8 bytes when {@code bytes}. */
  String sensitive(String member, boolean required, int min, int max, boolean bytes) {
    String value = string(member, required, min, -1, true);
    if (value != null && max >= 0 && (bytes ? utf8Length(value) : value.length()) > max) {
      violations.add("Value at '" + member + "' failed to satisfy constraint: Member must have length less than or"
          + " equal to " + max);
    }
    return value;
  }

  private String string(String member, boolean required, int min, int max, boolean sensitive) {
    JsonNode node = body.get(member);
    if (node == null || node.isNull()) {
      if (required) {
        violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
      }
      return null;
    }
    if (!node.isTextual()) {
      throw ApiException.serialization("Expected a string for '" + member + "', got " + node.getNodeType());
    }
    String value = node.textValue();
    String shown = sensitive ? "Value at '" + member + "'" : "Value '" + value + "' at '" + member + "'";
    if (value.length() < min) {
      violations.add(shown + " failed to satisfy constraint: Member must have length greater than or equal to " + min);
    } else if (max >= 0 && value.length() > max) {
      violations.add(shown + " failed to satisfy constraint: Member must have length less than or equal to " + max);
    }
    return value;
  }

  /** A string member restricted to an enum; null when absent. */
  String enumeration(String member, boolean required, List<String> allowed) {
    String value = string(member, required, 0, -1);
    if (value != null && !allowed.contains(value)) {
      violations.add("Value '" + value + "' at '" + member + "' failed to satisfy constraint: Member must satisfy"
          + " enum value set: [" + String.join(", ", allowed) + "]");
    }
    return value;
  }

  /** An integer member within [min, max]; null when absent. */
  Integer integer(String member, int min, int max) {
    JsonNode node = body.get(member);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw ApiException.serialization("Expected an integer for '" + member + "', got " + node.getNodeType());
    }
    int value = node.intValue();
    if (value < min) {
      violations.add("Value '" + value + "' at '" + member + "' failed to satisfy constraint: Member must have value"
          + " greater than or equal to " + min);
    } else if (value > max) {
      violations.add("Value '" + value + "' at '" + member + "' failed to satisfy constraint: Member must have value"
          + " less than or equal to " + max);
    }
    return value;
  }

  /** A boolean member; null when absent. */
  Boolean bool(String member) {
    JsonNode node = body.get(member);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isBoolean()) {
      throw ApiException.serialization("Expected a boolean for '" + member + "', got " + node.getNodeType());
    }
    return node.booleanValue();
  }

  /** A structure member; null when absent. */
  ObjectNode structure(String member) {
    JsonNode node = body.get(member);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw ApiException.serialization("Expected an object for '" + member + "', got " + node.getNodeType());
    }
    return (ObjectNode) node;
  }

  /** A list member; null when absent. */
  ArrayNode list(String member, boolean required) {
    JsonNode node = body.get(member);
    if (node == null || node.isNull()) {
      if (required) {
        violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
      }
      return null;
    }
    if (!node.isArray()) {
      throw ApiException.serialization("Expected a list for '" + member + "', got " + node.getNodeType());
    }
    return (ArrayNode) node;
  }

  /** Records a violation found while reading nested members (for example one tag of a list). */
  void violation(String message) {
    violations.add(message);
  }

  /** Throws the collected constraint violations as one ValidationException. */
  void check() {
    if (!violations.isEmpty()) {
      throw ApiException.validation(violations);
    }
  }

  static int utf8Length(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }
}
