package dev.fulfillment.statemachine.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulfillment.local.sfn.ExecutionInfo;
import dev.fulfillment.local.sfn.ExecutionStatus;
import dev.fulfillment.local.sfn.HistoryEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished execution: its DescribeExecution view and its history, read the way a person reads the console
 * (states entered, task calls, failures, retry waits). {@link #path()} is the compact history printed with every
 * failed assertion.
 */
public final class ExecutionRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ExecutionInfo info;
  private final List<HistoryEvent> history;

  ExecutionRun(ExecutionInfo info, List<HistoryEvent> history) {
    this.info = info;
    this.history = List.copyOf(history);
  }

  public ExecutionInfo info() {
    return info;
  }

  public ExecutionStatus status() {
    return info.status();
  }

  public String error() {
    return info.error();
  }

  public String cause() {
    return info.cause();
  }

  /** The execution's output (SUCCEEDED only), or a missing node. */
  public JsonNode output() {
    return info.output() == null ? JSON.missingNode() : parse(info.output());
  }

  public List<HistoryEvent> history() {
    return history;
  }

  /** The names of the states entered, in order (a retried task is entered once). */
  public List<String> statesEntered() {
    return history.stream().filter(e -> e.type().endsWith("StateEntered"))
        .map(e -> e.details().path("name").asText()).toList();
  }

  /** How many times the task state called its function (first attempt and every retry). */
  public int invocations(String state) {
    return scheduled(state).size();
  }

  /** The Lambda payload of each call of the task state, in order. */
  public List<JsonNode> payloads(String state) {
    return scheduled(state).stream()
        .map(e -> parse(e.details().path("parameters").asText()).path("Payload")).toList();
  }

  /** The virtual time between each failed attempt of the state and the retry that followed it. */
  public List<Duration> retryIntervals(String state) {
    List<Duration> intervals = new ArrayList<>();
    Instant failedAt = null;
    for (Step step : steps()) {
      if (!step.state.equals(state)) {
        continue;
      }
      if (step.event.type().equals("TaskScheduled") && failedAt != null) {
        intervals.add(Duration.between(failedAt, step.event.timestamp()));
      }
      if (step.event.type().equals("TaskFailed") || step.event.type().equals("TaskTimedOut")) {
        failedAt = step.event.timestamp();
      } else if (step.event.type().equals("TaskScheduled")) {
        failedAt = null;
      }
    }
    return intervals;
  }

  /** The virtual time from start to end of the execution. */
  public Duration duration() {
    return Duration.between(info.startDate(), info.stopDate() == null ? info.startDate() : info.stopDate());
  }

  /**
   * The history as a compact path, one event a line: id, virtual seconds since the start, event type, state,
   * and for failures the error and (shortened) cause.
   */
  public String path() {
    StringBuilder out = new StringBuilder("execution ").append(info.name()).append(" ").append(info.status());
    if (info.error() != null) {
      out.append(" error=").append(info.error());
    }
    out.append('\n');
    Instant start = history.isEmpty() ? info.startDate() : history.get(0).timestamp();
    for (Step step : steps()) {
      HistoryEvent e = step.event;
      double seconds = Duration.between(start, e.timestamp()).toMillis() / 1000.0;
      out.append(String.format("  %3d %+9.3fs  %-22s %-16s", e.id(), seconds, e.type(), step.state));
      JsonNode details = e.details();
      if (details != null && details.has("error")) {
        out.append(' ').append(details.path("error").asText());
        String cause = details.path("cause").asText("");
        if (!cause.isEmpty()) {
          out.append(": ").append(shorten(cause));
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return path();
  }

  private List<HistoryEvent> scheduled(String state) {
    return steps().stream().filter(s -> s.state.equals(state) && s.event.type().equals("TaskScheduled"))
        .map(s -> s.event).toList();
  }

  private record Step(String state, HistoryEvent event) {}

  /** Each event with the state it belongs to (the last state entered; executions here have no branches). */
  private List<Step> steps() {
    List<Step> steps = new ArrayList<>();
    String current = "";
    for (HistoryEvent e : history) {
      if (e.type().endsWith("StateEntered")) {
        current = e.details().path("name").asText();
      }
      steps.add(new Step(e.type().startsWith("Execution") ? "" : current, e));
    }
    return steps;
  }

  private static String shorten(String cause) {
    String flat = cause.replace('\n', ' ');
    return flat.length() <= 400 ? flat : flat.substring(0, 397) + "...";
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + json, e);
    }
  }
}
