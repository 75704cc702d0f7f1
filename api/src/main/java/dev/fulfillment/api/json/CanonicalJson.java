package dev.fulfillment.api.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One text per JSON value: object keys sorted (by UTF-16 code units, as {@link String#compareTo}),
 * no insignificant whitespace. Step Functions treats StartExecution with the same name and the same
 * input as idempotent, so a retried request must produce byte-identical input; the request hash
 * stored with the order is computed over the same form, so key order or spacing never makes a retry
 * look like a different order.
 */
public final class CanonicalJson {

  private CanonicalJson() {
  }

  public static String write(JsonNode value) {
    try {
      return Json.mapper().writeValueAsString(sorted(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /** Lower-case hex SHA-256 of the canonical text (UTF-8). */
  public static String sha256(JsonNode value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(value).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static JsonNode sorted(JsonNode value) {
    if (value.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(value.properties());
      fields.sort(Map.Entry.comparingByKey());
      ObjectNode out = Json.mapper().createObjectNode();
      fields.forEach(field -> out.set(field.getKey(), sorted(field.getValue())));
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = Json.mapper().createArrayNode();
      value.forEach(element -> out.add(sorted(element)));
      return out;
    }
    return value;
  }
}
