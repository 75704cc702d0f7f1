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
  /** Step Functions' maximum input/output/result size: 256 KiB of UTF-8. */
  static final int MAX_PAYLOAD_BYTES = 256 * 1024;
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Json() {}

  static String text(JsonNode node) {
    return node == null ? "null" : node.toString();
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
