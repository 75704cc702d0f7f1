package dev.fulfillment.local.sfn.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulfillment.local.sfn.query.Variables;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Workflow variables of one flow. The developer guide's scoping rules: a Map iteration or Parallel branch starts
 * a new scope that can read the outer scope's variables; what it assigns stays inside it and is gone when the
 * iteration or branch ends (only the state output leaves it).
 */
final class Scope implements Variables {
  private final Scope outer;
  private final Map<String, JsonNode> own = new ConcurrentHashMap<>();

  Scope(Scope outer) {
    this.outer = outer;
  }

  @Override
  public JsonNode get(String name) {
    JsonNode value = own.get(name);
    if (value == null && outer != null) {
      return outer.get(name);
    }
    return value;
  }

  void assign(Map<String, JsonNode> values) {
    own.putAll(values);
  }
}
