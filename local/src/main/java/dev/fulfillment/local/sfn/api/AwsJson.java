package dev.fulfillment.local.sfn.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/** JSON for the AWS JSON 1.0 protocol: the request/response mapper and the timestamp encoding. */
final class AwsJson {
  /** Deepest JSON nesting accepted in a request body or an execution input; deeper is answered with an error. */
  static final int MAX_NESTING_DEPTH = 512;

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxStringLength(64 * 1024 * 1024)
        .build());
  }

  private AwsJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * Timestamps travel as epoch seconds, a JSON number with the milliseconds as fraction (the protocol's
   * {@code unixTimestamp} format, e.g. {@code 1700000000.123}); AWS keeps millisecond precision.
   */
  static BigDecimal epochSeconds(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli(), 3);
  }

  static void putTimestamp(ObjectNode node, String member, Instant instant) {
    if (instant != null) {
      node.put(member, epochSeconds(instant));
    }
  }

  static void putIfNotNull(ObjectNode node, String member, String value) {
    if (value != null) {
      node.put(member, value);
    }
  }

  /** Parses JSON text under the same limits as request bodies; throws {@link JsonProcessingException} when it is not. */
  static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  static byte[] write(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a JSON tree", e);
    }
  }
}
