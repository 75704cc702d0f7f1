package dev.fulfillment.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the JSON case tables under src/test/resources and small JSON helpers. */
final class TestJson {

  private TestJson() {
  }

  static JsonNode resource(String path) {
    try (InputStream in = TestJson.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return StackFixture.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Field names, leaving out "_comment"-style keys. */
  static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(name -> {
      if (!name.startsWith("_")) {
        names.add(name);
      }
    });
    return names;
  }

  /** A string or an array of strings, as IAM writes Action. */
  static List<String> texts(JsonNode node) {
    List<String> texts = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(item -> texts.add(item.asText()));
    } else {
      texts.add(node.asText());
    }
    return texts;
  }
}
