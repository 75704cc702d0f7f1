package dev.fulfillment.tasks.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonLoggerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:15:30Z"), ZoneOffset.UTC);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private JsonLogger logger(JsonLogger.Level threshold) {
    return JsonLogger.create("ReserveStock", new PrintStream(out, true, StandardCharsets.UTF_8), CLOCK, threshold);
  }

  private List<JsonNode> lines() throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  record RedactionCase(String name, String key, JsonNode value, String secret, String kept, boolean alsoAsMessage) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<RedactionCase> redactionCases() throws IOException {
    try (InputStream in = JsonLoggerTest.class.getResourceAsStream("/logging/redaction-cases.json")) {
      List<RedactionCase> cases = new ArrayList<>();
      for (JsonNode node : JSON.readTree(in)) {
        cases.add(new RedactionCase(node.get("name").asText(), node.get("key").asText(), node.get("value"),
            node.path("secret").asText(null), node.path("kept").asText(null),
            node.path("alsoAsMessage").asBoolean(false)));
      }
      return cases.stream();
    }
  }

  @Test
  void writesOneJsonObjectPerLineWithTheInvocationFields() throws IOException {
    Context context = mock(Context.class);
    when(context.getAwsRequestId()).thenReturn("req-1");
    when(context.getFunctionName()).thenReturn("fulfillment-ReserveStock");

    JsonLogger log = logger(JsonLogger.Level.INFO).withContext(context).withOrderId("ord_1");
    log.info("stock reserved", Map.of("lines", 2));
    log.info("multi\nline \"message\"");

    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(2);
    JsonNode first = lines.get(0);
    assertThat(first.get("timestamp").asText()).isEqualTo("2025-03-01T10:15:30Z");
    assertThat(first.get("level").asText()).isEqualTo("INFO");
    assertThat(first.get("message").asText()).isEqualTo("stock reserved");
    assertThat(first.get("requestId").asText()).isEqualTo("req-1");
    assertThat(first.get("orderId").asText()).isEqualTo("ord_1");
    assertThat(first.get("function").asText()).isEqualTo("fulfillment-ReserveStock");
    assertThat(first.get("lines").asInt()).isEqualTo(2);
    assertThat(lines.get(1).get("message").asText()).isEqualTo("multi\nline \"message\"");
  }

  @Test
  void writesNestedValuesNumbersAndNonFiniteNumbersAsJson() throws IOException {
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("nested", Map.of("list", List.of(1, 2.5, true, "text")));
    fields.put("long", 4_000_000_000L); // beyond int; 13+ digits would be masked as card-like
    fields.put("decimal", new java.math.BigDecimal("12.50"));
    fields.put("nan", Double.NaN);
    fields.put("array", new String[] {"a", "b"});
    fields.put("missing", null);
    logger(JsonLogger.Level.INFO).info("shapes", fields);

    JsonNode line = lines().get(0);
    assertThat(line.at("/nested/list/0").asInt()).isEqualTo(1);
    assertThat(line.at("/nested/list/1").asDouble()).isEqualTo(2.5);
    assertThat(line.at("/nested/list/2").asBoolean()).isTrue();
    assertThat(line.at("/nested/list/3").asText()).isEqualTo("text");
    assertThat(line.get("long").asLong()).isEqualTo(4_000_000_000L);
    assertThat(line.get("decimal").decimalValue()).isEqualByComparingTo("12.50");
    assertThat(line.get("nan").asText()).isEqualTo("NaN");
    assertThat(line.get("array").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(line.get("missing").isNull()).isTrue();
  }

  @Test
  void aCallerCannotOverwriteTheFixedFields() throws IOException {
    logger(JsonLogger.Level.INFO).withOrderId("ord_1").info("m", Map.of("requestId", "forged", "level", "DEBUG"));

    JsonNode line = lines().get(0);
    assertThat(line.get("level").asText()).isEqualTo("INFO");
    assertThat(line.get("requestId").isNull()).isTrue();
    assertThat(line.get("extra_requestId").asText()).isEqualTo("forged");
  }

  @Test
  void dropsLinesBelowTheThresholdAndDescribesErrors() throws IOException {
    JsonLogger log = logger(JsonLogger.Level.WARN);
    log.info("quiet");
    log.error("boom", new IllegalStateException("card 4242424242424242 failed"), Map.of());

    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(lines.get(0).get("errorMessage").asText()).isEqualTo("card [REDACTED-PAN] failed");
    assertThat(lines.get(0).get("stackTrace").size()).isPositive();
  }

  @Test
  void readsTheThresholdFromLambdasLogLevelNames() {
    assertThat(JsonLogger.levelFrom(null)).isEqualTo(JsonLogger.Level.INFO);
    assertThat(JsonLogger.levelFrom("TRACE")).isEqualTo(JsonLogger.Level.DEBUG);
    assertThat(JsonLogger.levelFrom("warn")).isEqualTo(JsonLogger.Level.WARN);
    assertThat(JsonLogger.levelFrom("FATAL")).isEqualTo(JsonLogger.Level.ERROR);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("redactionCases")
  void neverPrintsSecretsOrPersonalData(RedactionCase testCase) {
    Object value = JSON.convertValue(testCase.value(), Object.class);
    JsonLogger log = logger(JsonLogger.Level.DEBUG);
    log.info("field", Map.of(testCase.key(), value));
    if (testCase.alsoAsMessage()) {
      // A secret recognisable by its shape is masked in the message too, whatever field it came from.
      log.info(String.valueOf(value));
    }

    String printed = out.toString(StandardCharsets.UTF_8);
    if (testCase.secret() != null) {
      assertThat(printed).doesNotContain(testCase.secret());
    }
    if (testCase.kept() != null) {
      assertThat(printed).contains(testCase.kept());
    }
  }
}
