package dev.fulfillment.benchmarks.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.local.sfn.EngineClock;
import dev.fulfillment.local.sfn.ExecutionInfo;
import dev.fulfillment.local.sfn.ExecutionStatus;
import dev.fulfillment.local.sfn.LocalStepFunctions;
import dev.fulfillment.local.sfn.TaskInvoker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * Throughput of the local Step Functions engine on three workloads, each next to a baseline measured in
 * the same run: the same JSON work written by hand in plain Jackson, with no interpreter. The ratio is
 * the interpreter's cost per unit of work (history, scheduling, expression evaluation), and it stays
 * meaningful on a shared, noisy machine where absolute rates drift.
 *
 * <p>Usage: {@code java -cp ... EngineBenchmark [rounds] [chain|tasks|map]}: the optional second argument runs
 * one workload only (for profiling). Executions run on the virtual clock, so nothing waits.
 */
public final class EngineBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROLE = "arn:aws:iam::123456789012:role/bench";

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    TaskInvoker tasks = (function, payload) -> {
      ObjectNode result = payload.deepCopy();
      result.put(function.substring(function.lastIndexOf(':') + 1), true);
      return new TaskInvoker.Returned(result);
    };
    try (LocalStepFunctions engine = LocalStepFunctions.builder().clock(EngineClock.virtual()).taskInvoker(tasks).build()) {
      String chain = engine.createStateMachine("chain50", chainDefinition(50), ROLE, "STANDARD", null).stateMachineArn();
      String fiveTasks = engine.createStateMachine("tasks5", taskDefinition(5), ROLE, "STANDARD", null).stateMachineArn();
      String map = engine.createStateMachine("map10k", mapDefinition(), ROLE, "STANDARD", null).stateMachineArn();
      String mapInput = mapInput(10_000);

      String only = args.length > 1 ? args[1] : "";
      List<String> rows = new ArrayList<>();
      if (only.isEmpty() || only.equals("chain")) {
        rows.add(measure("transitions/s, 50-state Pass/Choice chain (200 executions)", rounds,
            () -> runAll(engine, chain, "{\"n\":1}", 200) * 50, () -> chainBaseline(200) * 50));
      }
      if (only.isEmpty() || only.equals("tasks")) {
        rows.add(measure("executions/s, 5-task machine, in-process tasks (200 executions)", rounds,
            () -> runAll(engine, fiveTasks, "{\"orderId\":\"o-1\"}", 200), () -> taskBaseline(tasks, 200)));
      }
      if (only.isEmpty() || only.equals("map")) {
        rows.add(measure("items/s, one inline Map over 10,000 items", rounds,
            () -> runAll(engine, map, mapInput, 1) * 10_000, () -> mapBaseline(mapInput) * 10_000));
      }

      System.out.printf(Locale.ROOT, "%n| workload | engine | hand-written baseline | engine/baseline |%n|---|---:|---:|---:|%n");
      rows.forEach(System.out::println);
      System.out.printf(Locale.ROOT, "%n%d measured rounds after 2 warm-up rounds, medians; java %s, %d cores, engine "
          + "carrier threads %s%n", rounds, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
          System.getProperty("jdk.virtualThreadScheduler.parallelism", "default"));
    }
  }

  /** Alternates engine and baseline rounds; returns a table row of median rates and their ratio. */
  private static String measure(String name, int rounds, IntSupplier engineWork, IntSupplier baselineWork) {
    for (int i = 0; i < 2; i++) {
      engineWork.getAsInt();
      baselineWork.getAsInt();
    }
    List<Double> engineRates = new ArrayList<>();
    List<Double> baselineRates = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      engineRates.add(rate(engineWork));
      baselineRates.add(rate(baselineWork));
    }
    double engine = median(engineRates);
    double baseline = median(baselineRates);
    return String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.3f |", name, engine, baseline, engine / baseline);
  }

  private static double rate(IntSupplier work) {
    long start = System.nanoTime();
    int units = work.getAsInt();
    return units / ((System.nanoTime() - start) / 1e9);
  }

  /** Starts {@code count} executions and waits for all; fails loudly if one does not succeed. */
  private static int runAll(LocalStepFunctions engine, String machine, String input, int count) {
    List<String> arns = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      arns.add(engine.startExecution(machine, null, input).executionArn());
    }
    long deadline = System.nanoTime() + 120_000_000_000L;
    for (String arn : arns) {
      ExecutionInfo info = engine.describeExecution(arn);
      while (info.status() == ExecutionStatus.RUNNING) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(arn + " still running after 120 s");
        }
        // A short park, not a spin: a polling loop that keeps a core busy (and the execution's lock) would compete
        // with the engine's threads on a 2-core machine and measure the poller, not the engine.
        LockSupport.parkNanos(200_000);
        info = engine.describeExecution(arn);
      }
      if (info.status() != ExecutionStatus.SUCCEEDED) {
        throw new IllegalStateException(arn + " ended " + info.status() + ": " + info.error() + " " + info.cause());
      }
    }
    return count;
  }

  // --- the workloads -------------------------------------------------------------------------

  /** Even states are Pass states writing a result into the input; odd ones are Choice states. */
  static String chainDefinition(int states) {
    ObjectNode definition = JSON.createObjectNode().put("StartAt", "S0");
    ObjectNode all = definition.putObject("States");
    for (int i = 0; i < states; i++) {
      String next = i + 1 < states ? "S" + (i + 1) : "Done";
      ObjectNode state = all.putObject("S" + i);
      if (i % 2 == 0) {
        state.put("Type", "Pass").put("ResultPath", "$.last").put("Result", i).put("Next", next);
      } else {
        state.put("Type", "Choice").put("Default", "Broken");
        state.putArray("Choices").addObject().put("Variable", "$.n").put("NumericGreaterThanEquals", 0).put("Next", next);
      }
    }
    all.putObject("Done").put("Type", "Succeed");
    all.putObject("Broken").put("Type", "Fail").put("Error", "Bench.Broken");
    return definition.toString();
  }

  static String taskDefinition(int tasks) {
    ObjectNode definition = JSON.createObjectNode().put("StartAt", "T0");
    ObjectNode all = definition.putObject("States");
    for (int i = 0; i < tasks; i++) {
      ObjectNode state = all.putObject("T" + i).put("Type", "Task")
          .put("Resource", "arn:aws:lambda:us-east-1:123456789012:function:step" + i);
      if (i + 1 < tasks) {
        state.put("Next", "T" + (i + 1));
      } else {
        state.put("End", true);
      }
    }
    return definition.toString();
  }

  static String mapDefinition() {
    return """
        {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":0,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Touch",
            "States":{"Touch":{"Type":"Pass","Parameters":{"id.$":"$","seen":true},"End":true}}},
          "ResultPath":null,"End":true}}}""";
  }

  static String mapInput(int items) {
    ObjectNode input = JSON.createObjectNode();
    var array = input.putArray("items");
    for (int i = 0; i < items; i++) {
      // Plain numbers keep 10,000 items under the 256 KiB input limit (States.DataLimitExceeded).
      array.add(i);
    }
    return input.toString();
  }

  // --- the baselines: the same JSON work, by hand ----------------------------------------------

  private static int chainBaseline(int executions) {
    int succeeded = 0;
    for (int e = 0; e < executions; e++) {
      JsonNode state = parse("{\"n\":1}");
      for (int i = 0; i < 50; i++) {
        if (i % 2 == 0) {
          ObjectNode next = state.deepCopy();
          next.put("last", i);
          state = next;
        } else if (state.path("n").asDouble() < 0) {
          throw new IllegalStateException("broken");
        }
      }
      succeeded += state.toString().isEmpty() ? 0 : 1;
    }
    return succeeded;
  }

  private static int taskBaseline(TaskInvoker tasks, int executions) {
    int succeeded = 0;
    for (int e = 0; e < executions; e++) {
      JsonNode state = parse("{\"orderId\":\"o-1\"}");
      for (int i = 0; i < 5; i++) {
        state = ((TaskInvoker.Returned) tasks.invoke("arn:aws:lambda:us-east-1:123456789012:function:step" + i, state)).payload();
      }
      succeeded += state.toString().isEmpty() ? 0 : 1;
    }
    return succeeded;
  }

  private static int mapBaseline(String input) {
    JsonNode items = parse(input).path("items");
    var results = JSON.createArrayNode();
    for (JsonNode item : items) {
      results.addObject().put("id", item.asInt()).put("seen", true);
    }
    return results.isEmpty() ? 0 : 1;
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
