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
  /** The raw input's text when known: as the client sent it (the execution's first state), or the last output's. */
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
  /** The last Context object built, and what it was built from (it is rebuilt when any of these change). */
  private ObjectNode context;
  private int contextRetryCount;
  private int contextRedriveCount;
  private String contextToken;
  private JsonNode contextItem;

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

  /**
   * The Context object ({@code $$} / {@code $states.context}) as the developer guide lists its members. Built once
   * per state visit and shared while its inputs stay the same: like every payload tree in the engine it is never
   * modified once built (ResultPath works on a copy).
   */
  ObjectNode context() {
    Execution execution = frame.execution;
    int redriveCount = execution.redriveCount();
    JsonNode item = itemContext != null ? itemContext : frame.mapItem;
    if (context != null && contextRetryCount == retryCount && contextRedriveCount == redriveCount
        && contextToken == taskToken && contextItem == item) {
      return context;
    }
    ObjectNode context = JsonNodeFactory.instance.objectNode();
    context.set("Execution", execution.contextExecution(redriveCount));
    context.set("StateMachine", execution.contextStateMachine());
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
    if (item != null) {
      context.putObject("Map").set("Item", item);
    }
    this.context = context;
    contextRetryCount = retryCount;
    contextRedriveCount = redriveCount;
    contextToken = taskToken;
    contextItem = item;
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
