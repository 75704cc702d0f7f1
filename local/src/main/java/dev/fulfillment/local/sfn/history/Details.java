package dev.fulfillment.local.sfn.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Builders for the {@code *EventDetails} members, spelled as GetExecutionHistory spells them. Payload members
 * ({@code input}, {@code output}, {@code parameters}) are JSON text, as in the API, each serialized once.
 */
public final class Details {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Details() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** Adds {@code field} as JSON text plus its {@code fieldDetails: {truncated: false}} companion. */
  public static ObjectNode payload(ObjectNode details, String field, String jsonText) {
    details.put(field, jsonText);
    details.putObject(field + "Details").put("truncated", false);
    return details;
  }

  public static ObjectNode stateEntered(String name, String input) {
    ObjectNode details = object().put("name", name);
    return payload(details, "input", input);
  }

  public static ObjectNode stateExited(String name, String output, Map<String, JsonNode> assigned) {
    ObjectNode details = object().put("name", name);
    payload(details, "output", output);
    if (assigned != null && !assigned.isEmpty()) {
      ObjectNode vars = details.putObject("assignedVariables");
      assigned.forEach((k, v) -> vars.put(k, v.toString()));
      details.putObject("assignedVariablesDetails").put("truncated", false);
    }
    return details;
  }

  /** Error and cause; either may be absent, as AWS leaves them out when unknown. */
  public static ObjectNode failure(String error, String cause) {
    ObjectNode details = object();
    if (error != null) {
      details.put("error", error);
    }
    if (cause != null) {
      details.put("cause", cause);
    }
    return details;
  }

  public static ObjectNode mapIteration(String name, int index) {
    return object().put("name", name).put("index", index);
  }
}
