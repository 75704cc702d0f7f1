package dev.fulfillment.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step Functions Local's MockConfigFile: {@code StateMachines.<machine>.TestCases.<case>.<state> -> response name}
 * and {@code MockedResponses.<name>.<"0" | "1-3">: {Return | Throw}}. An execution uses a test case when it is
 * started with {@code stateMachineArn#TestCaseName}. Unknown top-level keys are ignored, so annotated files load
 * as they are. {@link #builder()} offers the same thing from Java.
 */
public final class MockConfig {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** One mocked outcome of a Task state. */
  public sealed interface Response permits Return, Throw {}

  /** The task returns {@code value} (for {@code lambda:invoke}: the whole Invoke response, Payload included). */
  public record Return(JsonNode value) implements Response {}

  /** The task fails with {@code error} and {@code cause} (cause may be null). */
  public record Throw(String error, String cause) implements Response {}

  /** Responses for invocations {@code from..to} (both inclusive, zero-based, counted per state and execution). */
  private record Ranged(int from, int to, Response response) {}

  // machine -> test case -> state -> response name
  private final Map<String, Map<String, Map<String, String>>> testCases;
  private final Map<String, List<Ranged>> responses;

  private MockConfig(Map<String, Map<String, Map<String, String>>> testCases, Map<String, List<Ranged>> responses) {
    this.testCases = testCases;
    this.responses = responses;
  }

  public static MockConfig load(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read mock config " + file, e);
    }
  }

  public static MockConfig parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("mock config is not valid JSON: " + e.getMessage(), e);
    }
    Map<String, Map<String, Map<String, String>>> cases = new LinkedHashMap<>();
    root.path("StateMachines").properties().forEach(machine -> {
      Map<String, Map<String, String>> byCase = new LinkedHashMap<>();
      machine.getValue().path("TestCases").properties().forEach(testCase -> {
        Map<String, String> byState = new LinkedHashMap<>();
        testCase.getValue().properties().forEach(state -> byState.put(state.getKey(), state.getValue().asText()));
        byCase.put(testCase.getKey(), byState);
      });
      cases.put(machine.getKey(), byCase);
    });
    Map<String, List<Ranged>> responses = new LinkedHashMap<>();
    root.path("MockedResponses").properties().forEach(named -> {
      List<Ranged> ranged = new ArrayList<>();
      named.getValue().properties().forEach(entry -> ranged.add(ranged(named.getKey(), entry.getKey(), entry.getValue())));
      responses.put(named.getKey(), ranged);
    });
    return new MockConfig(cases, responses);
  }

  private static Ranged ranged(String name, String key, JsonNode body) {
    int from;
    int to;
    try {
      int dash = key.indexOf('-');
      from = Integer.parseInt(dash < 0 ? key : key.substring(0, dash).trim());
      to = dash < 0 ? from : Integer.parseInt(key.substring(dash + 1).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("mocked response " + name + ": key '" + key + "' is not a number or range");
    }
    Response response;
    if (body.has("Return")) {
      response = new Return(body.get("Return"));
    } else if (body.has("Throw")) {
      JsonNode thrown = body.get("Throw");
      response = new Throw(thrown.path("Error").asText(), thrown.hasNonNull("Cause") ? thrown.get("Cause").asText() : null);
    } else {
      throw new IllegalArgumentException("mocked response " + name + "." + key + " has neither Return nor Throw");
    }
    return new Ranged(from, to, response);
  }

  /** Whether the machine has a test case of that name. */
  public boolean hasTestCase(String machineName, String testCase) {
    return testCases.getOrDefault(machineName, Map.of()).containsKey(testCase);
  }

  /** Whether the test case mocks that state (then the engine never calls the real service for it). */
  public boolean mocks(String machineName, String testCase, String stateName) {
    return testCases.getOrDefault(machineName, Map.of()).getOrDefault(testCase, Map.of()).containsKey(stateName);
  }

  /**
   * The response for the {@code invocation}-th call (zero-based) of a mocked state; empty when the response
   * list has no entry for that call number.
   */
  public Optional<Response> response(String machineName, String testCase, String stateName, int invocation) {
    String name = testCases.getOrDefault(machineName, Map.of()).getOrDefault(testCase, Map.of()).get(stateName);
    if (name == null) {
      return Optional.empty();
    }
    for (Ranged ranged : responses.getOrDefault(name, List.of())) {
      if (invocation >= ranged.from && invocation <= ranged.to) {
        return Optional.of(ranged.response);
      }
    }
    return Optional.empty();
  }

  /** The response name a test case gives a state, for error messages. */
  public String responseName(String machineName, String testCase, String stateName) {
    return testCases.getOrDefault(machineName, Map.of()).getOrDefault(testCase, Map.of()).get(stateName);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a mock config in Java: {@code MockConfig.builder().stateMachine("m").testCase("T")
   * .state("ReserveStock", MockConfig.returning(json)).state("Charge", throwing(...), returning(...)).build()}.
   * Responses given to {@code state} answer calls 0, 1, 2, ... in order.
   */
  public static final class Builder {
    private final Map<String, Map<String, Map<String, String>>> testCases = new LinkedHashMap<>();
    private final Map<String, List<Ranged>> responses = new LinkedHashMap<>();

    private Builder() {}

    public MachineBuilder stateMachine(String name) {
      return new MachineBuilder(this, name);
    }

    public MockConfig build() {
      return new MockConfig(copy(testCases), Map.copyOf(responses));
    }

    private static Map<String, Map<String, Map<String, String>>> copy(Map<String, Map<String, Map<String, String>>> in) {
      Map<String, Map<String, Map<String, String>>> out = new LinkedHashMap<>();
      in.forEach((machine, cases) -> {
        Map<String, Map<String, String>> byCase = new LinkedHashMap<>();
        cases.forEach((name, states) -> byCase.put(name, Map.copyOf(states)));
        out.put(machine, byCase);
      });
      return out;
    }
  }

  /** Builder step for one state machine. */
  public static final class MachineBuilder {
    private final Builder root;
    private final String machine;

    private MachineBuilder(Builder root, String machine) {
      this.root = root;
      this.machine = machine;
      root.testCases.computeIfAbsent(machine, m -> new LinkedHashMap<>());
    }

    public TestCaseBuilder testCase(String name) {
      return new TestCaseBuilder(root, this, machine, name);
    }
  }

  /** Builder step for one test case. */
  public static final class TestCaseBuilder {
    private final Builder root;
    private final MachineBuilder machineBuilder;
    private final String machine;
    private final String testCase;

    private TestCaseBuilder(Builder root, MachineBuilder machineBuilder, String machine, String testCase) {
      this.root = root;
      this.machineBuilder = machineBuilder;
      this.machine = machine;
      this.testCase = testCase;
      root.testCases.get(machine).computeIfAbsent(testCase, t -> new LinkedHashMap<>());
    }

    /** Mocks {@code state}: the n-th call gets {@code responses[n]}. */
    public TestCaseBuilder state(String state, Response... responses) {
      if (responses.length == 0) {
        throw new IllegalArgumentException("state " + state + " needs at least one response");
      }
      String name = machine + "." + testCase + "." + state;
      List<Ranged> ranged = new ArrayList<>();
      for (int i = 0; i < responses.length; i++) {
        ranged.add(new Ranged(i, i, responses[i]));
      }
      root.responses.put(name, List.copyOf(ranged));
      root.testCases.get(machine).get(testCase).put(state, name);
      return this;
    }

    public TestCaseBuilder testCase(String name) {
      return machineBuilder.testCase(name);
    }

    public MachineBuilder stateMachine(String name) {
      return root.stateMachine(name);
    }

    public MockConfig build() {
      return root.build();
    }
  }

  public static Return returning(JsonNode value) {
    return new Return(value);
  }

  public static Return returning(String json) {
    try {
      return new Return(JSON.readTree(json));
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  public static Throw throwing(String error, String cause) {
    return new Throw(error, cause);
  }
}
