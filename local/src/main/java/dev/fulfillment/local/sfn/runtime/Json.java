package dev.fulfillment.local.sfn.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** JSON helpers: compact text (as AWS writes payloads), parsing, and the 256 KiB payload limit. */
final class Json {
  static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final com.fasterxml.jackson.databind.ObjectWriter COMPACT = MAPPER.writer();
  /** Step Functions' maximum input/output/result size: 256 KiB of UTF-8. */
  static final int MAX_PAYLOAD_BYTES = 256 * 1024;
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Json() {}

  /**
   * Compact JSON text of {@code node}, as AWS writes payloads. One writer is reused: the engine serializes every
   * state's input and output for the history, and setting up a writer per call cost more than the writing.
   */
  static String text(JsonNode node) {
    if (node == null) {
      return "null";
    }
    try {
      return COMPACT.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  static boolean tooLarge(String text) {
    return text.length() > MAX_PAYLOAD_BYTES / 4 && text.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES;
  }

  /** Context object timestamps: ISO 8601 with milliseconds, UTC. */
  static String timestamp(Instant instant) {
    return MILLIS.format(instant);
  }
}
