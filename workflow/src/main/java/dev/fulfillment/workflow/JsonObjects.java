package dev.fulfillment.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

/** Insertion-ordered maps for state fields, so the synthesized definition is the same on every run. */
final class JsonObjects {

  private JsonObjects() {
  }

  /** {@code object("a", 1, "b", 2)} is {@code {"a":1,"b":2}} in that order ({@code Map.of} order varies per JVM). */
  static Map<String, Object> object(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return object;
  }
}
