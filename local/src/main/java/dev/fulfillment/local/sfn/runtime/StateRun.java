package dev.fulfillment.local.sfn.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.local.sfn.definition.State;
import java.time.Instant;

/** One visit of a state: its raw input, where it was entered, and its retry bookkeeping. */
final class StateRun {
  final Frame frame;
  final State state;
  final JsonNode rawInput;
  /** The raw input as the client sent it (the execution's first state), else null. */
  String rawInputText;
  final long enteredId;
  final long enteredPrev;
  final Instant enteredTime;
  /** Retries done per retrier (ASL: each retrier counts its own attempts). */
  final int[] attempts;
  int retryCount;
  String taskToken;
  /** While a Map evaluates ItemSelector: {@code $$.Map.Item} for the item at hand. */
  JsonNode itemContext;
  /**
   * MapStateFailed/ParallelStateFailed once the state has failed in a way AWS records with that event; written only
   * when no retrier takes the failure (recorded histories: a retried Map/Parallel goes straight to its next
   * MapStateStarted/ParallelStateStarted).
   */
  String failedEvent;

  StateRun(Frame frame, State state, JsonNode rawInput, long enteredId, long enteredPrev, Instant enteredTime,
           int retriers) {
    this.frame = frame;
    this.state = state;
    this.rawInput = rawInput;
    this.enteredId = enteredId;
    this.enteredPrev = enteredPrev;
    this.enteredTime = enteredTime;
    this.attempts = new int[retriers];
  }

  /** The Context object ({@code $$} / {@code $states.context}) as the developer guide lists its members. */
  ObjectNode context() {
    Execution execution = frame.execution;
    ObjectNode context = JsonNodeFactory.instance.objectNode();
    ObjectNode exec = context.putObject("Execution");
    exec.put("Id", execution.arn);
    exec.set("Input", execution.input);
    exec.put("Name", execution.name);
    exec.put("RoleArn", execution.machine.roleArn());
    exec.put("StartTime", Json.timestamp(execution.startDate));
    exec.put("RedriveCount", execution.redriveCount());
    ObjectNode machine = context.putObject("StateMachine");
    machine.put("Id", execution.machine.arn());
    machine.put("Name", execution.machine.name());
    ObjectNode stateNode = context.putObject("State");
    stateNode.put("EnteredTime", Json.timestamp(enteredTime));
    stateNode.put("Name", state.name());
    if (retriable(state)) {
      // Recorded AWS histories: State.RetryCount is part of the Context object of states that can retry (Task,
      // Parallel, Map) and absent for the others, e.g. Pass.
      stateNode.put("RetryCount", retryCount);
    }
    if (taskToken != null) {
      context.putObject("Task").put("Token", taskToken);
    }
    JsonNode item = itemContext != null ? itemContext : frame.mapItem;
    if (item != null) {
      context.putObject("Map").set("Item", item);
    }
    return context;
  }

  private static boolean retriable(State state) {
    return state instanceof State.Task || state instanceof State.Parallel || state instanceof State.Map;
  }

  /** AWS's prefix of runtime error causes. */
  String causePrefix() {
    return "An error occurred while executing the state '" + state.name() + "' (entered at the event id #" + enteredId
        + "). ";
  }
}
