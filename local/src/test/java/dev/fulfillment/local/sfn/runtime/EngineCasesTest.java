package dev.fulfillment.local.sfn.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.fulfillment.local.sfn.EngineClock;
import dev.fulfillment.local.sfn.ExecutionInfo;
import dev.fulfillment.local.sfn.ExecutionStatus;
import dev.fulfillment.local.sfn.HistoryEvent;
import dev.fulfillment.local.sfn.LocalStepFunctions;
import dev.fulfillment.local.sfn.MockConfig;
import dev.fulfillment.local.sfn.TaskInvoker;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's case table: one JSON file per case under {@code src/test/resources/sfn/cases}, written from the
 * ASL specification and the Step Functions developer guide. A case gives a definition, an input, stand-in Lambda
 * functions ({@code lambdas}: name -> {@code "echo"}, {@code {"return": v}}, {@code {"throw": {errorType, cause}}},
 * {@code {"repeat": {"text": t, "times": n}}} (a string of n copies of t) or a list of those, one per call),
 * optionally a mock config and the input as exact text ({@code inputText}), and the expected status, output, error,
 * cause, event types, previous event ids, details of single events ({@code eventDetails}: event id -> members
 * expected in its {@code *EventDetails}) and virtual duration. {@code comment} names the documented rule.
 */
class EngineCasesTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  static Stream<Arguments> cases() throws IOException, URISyntaxException {
    Path dir = Path.of(EngineCasesTest.class.getResource("/sfn/cases").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted()
          .map(f -> Arguments.of(f.getFileName().toString().replace(".json", ""), f)).toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void runsAsSpecified(String name, Path file) throws Exception {
    JsonNode spec = JSON.readTree(file.toFile());
    StandIns lambdas = new StandIns(spec.path("lambdas"));
    LocalStepFunctions.Builder builder = LocalStepFunctions.builder().clock(EngineClock.virtual(START))
        .taskInvoker(lambdas);
    if (spec.has("mockConfig")) {
      builder.mockConfig(MockConfig.parse(spec.get("mockConfig").toString()));
    }
    try (LocalStepFunctions sfn = builder.build()) {
      String type = spec.path("type").asText("STANDARD");
      String machineName = spec.path("machineName").asText("m");
      String arn = sfn.createStateMachine(machineName, spec.get("definition").toString(),
          "arn:aws:iam::123456789012:role/r", type, null).stateMachineArn();
      String startArn = spec.has("testCase") ? arn + "#" + spec.get("testCase").asText() : arn;
      String inputText = spec.has("inputText") ? spec.get("inputText").asText() : spec.path("input").toString();
      ExecutionInfo started = sfn.startExecution(startArn, "e", inputText);
      ExecutionInfo done = Await.terminal(sfn, started.executionArn());
      JsonNode expected = spec.get("expected");

      assertThat(done.status()).as("status").isEqualTo(ExecutionStatus.valueOf(expected.get("status").asText()));
      if (expected.has("output")) {
        assertThat(JSON.readTree(done.output())).as("output").isEqualTo(expected.get("output"));
      }
      if (expected.has("error")) {
        assertThat(done.error()).as("error").isEqualTo(expected.get("error").asText());
      }
      if (expected.has("cause")) {
        assertThat(done.cause()).as("cause").isEqualTo(expected.get("cause").asText());
      }
      List<HistoryEvent> history = sfn.getExecutionHistory(done.executionArn());
      if (expected.has("events")) {
        List<String> types = history.stream().map(HistoryEvent::type).toList();
        assertThat(types).as("event types").containsExactlyElementsOf(
            JSON.convertValue(expected.get("events"), JSON.getTypeFactory().constructCollectionType(List.class,
                String.class)));
      }
      if (expected.has("previousEventIds")) {
        List<Long> previous = history.stream().map(HistoryEvent::previousEventId).toList();
        assertThat(previous).as("previousEventIds").containsExactlyElementsOf(
            JSON.convertValue(expected.get("previousEventIds"), JSON.getTypeFactory().constructCollectionType(
                List.class, Long.class)));
      }
      if (expected.has("eventDetails")) {
        for (var entry : expected.get("eventDetails").properties()) {
          HistoryEvent event = history.get(Integer.parseInt(entry.getKey()) - 1);
          for (var member : entry.getValue().properties()) {
            assertThat(event.details() == null ? null : event.details().get(member.getKey()))
                .as("event #" + entry.getKey() + " " + event.type() + " " + member.getKey())
                .isEqualTo(member.getValue());
          }
        }
      }
      if (expected.has("virtualSeconds")) {
        assertThat(Duration.between(done.startDate(), done.stopDate()))
            .as("virtual duration").isEqualTo(Duration.ofSeconds(expected.get("virtualSeconds").asLong()));
      }
      if (expected.has("calls")) {
        assertThat(lambdas.calls()).as("lambda calls").isEqualTo(expected.get("calls").asInt());
      }
    }
  }

  /** Stand-in Lambda functions described by the case file. */
  static final class StandIns implements TaskInvoker {
    private final JsonNode functions;
    private final java.util.Map<String, Integer> callsByFunction = new java.util.concurrent.ConcurrentHashMap<>();

    StandIns(JsonNode functions) {
      this.functions = functions;
    }

    int calls() {
      return callsByFunction.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public LambdaResult invoke(String functionName, JsonNode payload) {
      String name = functionName.substring(functionName.lastIndexOf(':') + 1);
      if (functionName.contains(":function:") && functionName.split(":").length > 7) {
        String[] parts = functionName.split(":");
        name = parts[6];
      }
      JsonNode behaviour = functions.get(name);
      if (behaviour == null) {
        return new Raised("Lambda.ResourceNotFoundException", "Function not found: " + functionName);
      }
      int call = callsByFunction.merge(name, 1, Integer::sum) - 1;
      if (behaviour.isArray()) {
        behaviour = behaviour.get(Math.min(call, behaviour.size() - 1));
      }
      if (behaviour.isTextual() && behaviour.asText().equals("echo")) {
        return new Returned(payload);
      }
      if (behaviour.has("repeat")) {
        JsonNode repeat = behaviour.get("repeat");
        return new Returned(JSON.getNodeFactory().textNode(repeat.get("text").asText().repeat(repeat.get("times")
            .asInt())));
      }
      if (behaviour.has("throw")) {
        JsonNode thrown = behaviour.get("throw");
        return new Raised(thrown.get("errorType").asText(), thrown.get("cause").asText());
      }
      return new Returned(behaviour.get("return"));
    }
  }
}
