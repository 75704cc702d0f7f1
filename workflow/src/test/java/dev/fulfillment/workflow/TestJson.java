package dev.fulfillment.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the JSON case tables under src/test/resources. */
final class TestJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private TestJson() {
  }

  static JsonNode resource(String path) {
    try (InputStream in = TestJson.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
