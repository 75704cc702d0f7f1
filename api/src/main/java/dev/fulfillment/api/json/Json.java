package dev.fulfillment.api.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The api's one ObjectMapper: strict on input, because every byte of a request is untrusted. */
public final class Json {

  /**
   * Deepest nesting a request may have. A valid order is three levels deep (body, lines, line);
   * the limit leaves room for a clear "unexpected field" error instead of a parser stack overflow.
   */
  public static final int MAX_NESTING_DEPTH = 8;

  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(MAX_NESTING_DEPTH)
              // No valid field is longer than a few hundred characters; the body limit bounds the rest.
              .maxNumberLength(64)
              .build())
          .build())
      // {"quantity":1,"quantity":1000} must not silently mean either one.
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      // "{...} garbage" is malformed, not an order followed by noise.
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private Json() {
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
