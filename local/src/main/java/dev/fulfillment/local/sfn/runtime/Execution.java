package dev.fulfillment.local.sfn.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.local.sfn.EngineClock;
import dev.fulfillment.local.sfn.ExecutionInfo;
import dev.fulfillment.local.sfn.ExecutionStatus;
import dev.fulfillment.local.sfn.history.History;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One execution: identity, status and history. All state transitions of an execution happen while holding its
 * monitor ({@link #locked}), so its flows (branches, iterations) can run on any engine thread.
 */
final class Execution {
  final String arn;
  final String name;
  final Machine machine;
  final String inputText;
  final JsonNode input;
  final Instant startDate;
  /** Mock config test case ({@code arn#TestCase}), null when none. */
  final String testCase;
  final History history = new History();
  final CompletableFuture<ExecutionInfo> finished = new CompletableFuture<>();
  private final EngineClock clock;
  private final Set<EngineClock.Timer> timers = new HashSet<>();
  private final Map<String, Integer> mockInvocations = new HashMap<>();

  private ExecutionStatus status = ExecutionStatus.RUNNING;
  private Instant stopDate;
  private String output;
  private String error;
  private String cause;
  private int redriveCount;
  private Instant redriveDate;
  /** Bumped on stop and redrive so callbacks of an earlier run are dropped. */
  private int generation;
  /** The Context object's Execution and StateMachine members, shared by every state (never modified). */
  private ObjectNode contextExecution;
  private ObjectNode contextStateMachine;
  /** Where the top-level flow failed, for redrive: state name and its input. */
  String failedState;
  JsonNode failedStateInput;

  Execution(String arn, String name, Machine machine, String inputText, JsonNode input, Instant startDate,
            String testCase, EngineClock clock) {
    this.arn = arn;
    this.name = name;
    this.machine = machine;
    this.inputText = inputText;
    this.input = input;
    this.startDate = startDate;
    this.testCase = testCase;
    this.clock = clock;
  }

  /** Appends an event chained to the frame's cursor and moves the cursor to it. */
  synchronized long append(Frame frame, String type, String detailsKey, ObjectNode details) {
    if (frame != null && frame.silent) {
      return frame.cursor;
    }
    long id = history.append(frame == null ? lastId() : frame.cursor, clock.now(), type, detailsKey, details);
    if (frame != null) {
      frame.cursor = id;
    }
    return id;
  }

  /** As {@link #append(Frame, String, String, ObjectNode)}, the details built when the history is first read. */
  synchronized long appendLazy(Frame frame, String type, String detailsKey, Supplier<ObjectNode> details) {
    if (frame.silent) {
      return frame.cursor;
    }
    long id = history.appendLazy(frame.cursor, clock.now(), type, detailsKey, details);
    frame.cursor = id;
    return id;
  }

  /** Appends an event with an explicit previousEventId, leaving cursors alone (AWS's side events). */
  synchronized long appendAfter(Frame frame, long previousEventId, String type, String detailsKey, ObjectNode details) {
    if (frame != null && frame.silent) {
      return previousEventId;
    }
    return history.append(previousEventId, clock.now(), type, detailsKey, details);
  }

  synchronized long lastId() {
    return history.lastId();
  }

  synchronized boolean running() {
    return status == ExecutionStatus.RUNNING;
  }

  synchronized int generation() {
    return generation;
  }

  /** True while the execution is RUNNING in run {@code expectedGeneration}; the caller holds the monitor. */
  boolean runs(int expectedGeneration) {
    return status == ExecutionStatus.RUNNING && generation == expectedGeneration;
  }

  /** Runs {@code work} under the execution's monitor unless the execution ended or moved to a new run meanwhile. */
  void locked(int expectedGeneration, Runnable work) {
    synchronized (this) {
      if (status == ExecutionStatus.RUNNING && generation == expectedGeneration) {
        work.run();
      }
    }
  }

  /** The Context object's {@code Execution} member for a run with {@code redrives} redrives. */
  synchronized ObjectNode contextExecution(int redrives) {
    if (contextExecution == null || contextExecution.get("RedriveCount").intValue() != redrives) {
      ObjectNode exec = JsonNodeFactory.instance.objectNode();
      exec.put("Id", arn);
      exec.set("Input", input);
      exec.put("Name", name);
      exec.put("RoleArn", machine.roleArn());
      exec.put("StartTime", Json.timestamp(startDate));
      exec.put("RedriveCount", redrives);
      contextExecution = exec;
    }
    return contextExecution;
  }

  /** The Context object's {@code StateMachine} member. */
  synchronized ObjectNode contextStateMachine() {
    if (contextStateMachine == null) {
      contextStateMachine = JsonNodeFactory.instance.objectNode().put("Id", machine.arn()).put("Name", machine.name());
    }
    return contextStateMachine;
  }

  synchronized void track(EngineClock.Timer timer) {
    timers.add(timer);
  }

  synchronized int nextMockInvocation(String stateName) {
    return mockInvocations.merge(stateName, 1, Integer::sum) - 1;
  }

  synchronized void close(ExecutionStatus finalStatus, String outputText, String errorName, String causeText) {
    status = finalStatus;
    stopDate = clock.now();
    output = outputText;
    error = errorName;
    cause = causeText;
    generation++;
    timers.forEach(EngineClock.Timer::cancel);
    timers.clear();
    finished.complete(info());
  }

  /** Back to RUNNING for a redrive; returns the new generation. */
  synchronized int reopen() {
    status = ExecutionStatus.RUNNING;
    stopDate = null;
    error = null;
    cause = null;
    redriveCount++;
    redriveDate = clock.now();
    generation++;
    return generation;
  }

  synchronized ExecutionStatus status() {
    return status;
  }

  synchronized int redriveCount() {
    return redriveCount;
  }

  synchronized ExecutionInfo info() {
    String redriveStatus = null;
    if (!machine.express() && status != ExecutionStatus.RUNNING) {
      redriveStatus = status == ExecutionStatus.SUCCEEDED ? "NOT_REDRIVABLE" : "REDRIVABLE";
    }
    return new ExecutionInfo(arn, machine.arn(), name, status, startDate, stopDate, inputText, output, error, cause,
        redriveCount, redriveDate, redriveStatus);
  }
}
