package dev.fulfillment.workflow;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Evaluates one JSONata field of the definition ({@code "{% expression %}"}) the way Step Functions does: with
 * {@code $states} and the workflow variables bound, and {@code $parse} (a Step Functions addition to JSONata).
 */
final class JsonataField {

  private JsonataField() {
  }

  static Object evaluate(String field, Map<String, Object> states, Map<String, Object> variables) {
    if (!field.startsWith("{%") || !field.endsWith("%}")) {
      throw new IllegalArgumentException("not a JSONata field: " + field);
    }
    Jsonata expression = Jsonata.jsonata(field.substring(2, field.length() - 2));
    expression.registerFunction("parse", (String text) -> parse(text));
    expression.assign("states", states);
    variables.forEach(expression::assign);
    return expression.evaluate(null);
  }

  static Object json(JsonNode node) {
    return TestJson.MAPPER.convertValue(node, Object.class);
  }

  private static Object parse(String text) {
    try {
      return TestJson.MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
