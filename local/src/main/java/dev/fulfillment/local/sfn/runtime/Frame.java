package dev.fulfillment.local.sfn.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulfillment.local.sfn.definition.StateMachineDefinition;
import java.util.function.Consumer;

/**
 * One flow of states: the execution's top level, a Parallel branch or a Map iteration. It has its own variable
 * scope and its own history cursor (the id the next event names as previousEventId), and reports its end to
 * {@code onEnd}.
 */
final class Frame {
  final Execution execution;
  final StateMachineDefinition definition;
  final Scope scope;
  /** Map iteration context ({@code $$.Map.Item}), null outside Map iterations. */
  final JsonNode mapItem;
  private final Consumer<Outcome> onEnd;
  final Frame parent;
  /** Distributed Map children: their events belong to child executions, not to this history. */
  final boolean silent;
  /** The execution run (generation) this frame belongs to; callbacks of an older run are dropped. */
  final int generation;
  long cursor;
  /** The state this flow is in (entered, not yet exited), null between states. */
  StateRun current;
  boolean ended;
  private boolean cancelled;

  Frame(Execution execution, Frame parent, StateMachineDefinition definition, Scope scope, JsonNode mapItem,
        boolean silent, long cursor, Consumer<Outcome> onEnd) {
    this.execution = execution;
    this.parent = parent;
    this.silent = silent;
    this.generation = execution.generation();
    this.definition = definition;
    this.scope = scope;
    this.mapItem = mapItem;
    this.cursor = cursor;
    this.onEnd = onEnd;
  }

  /** Stops this flow (a sibling branch failed, or its Map state ended): later steps are dropped. */
  void cancel() {
    cancelled = true;
  }

  boolean live() {
    return !cancelled && !ended && (parent == null || parent.live());
  }

  void end(Outcome outcome) {
    if (!ended) {
      ended = true;
      onEnd.accept(outcome);
    }
  }

  /** How a frame ended. */
  sealed interface Outcome {
    record Succeeded(JsonNode output) implements Outcome {}

    record Failed(Failure failure) implements Outcome {}
  }
}
