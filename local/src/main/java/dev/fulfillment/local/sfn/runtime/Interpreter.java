package dev.fulfillment.local.sfn.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.local.sfn.EngineClock;
import dev.fulfillment.local.sfn.definition.Catcher;
import dev.fulfillment.local.sfn.definition.ChoiceBranch;
import dev.fulfillment.local.sfn.definition.Common;
import dev.fulfillment.local.sfn.definition.Retrier;
import dev.fulfillment.local.sfn.definition.State;
import dev.fulfillment.local.sfn.history.Details;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs states: one method per state type behind a pattern switch, plus the shared exit, Retry and Catch logic.
 * Every method runs under the execution's monitor; waiting (Wait, retry back-off, tasks) is a timer or a
 * callback, never a parked thread.
 */
final class Interpreter {
  private final EngineClock clock;
  private final DataFlow flow;
  private final ChoiceEvaluator choices;
  TaskStep tasks;
  ForkStep forks;

  Interpreter(EngineClock clock, DataFlow flow) {
    this.clock = clock;
    this.flow = flow;
    this.choices = new ChoiceEvaluator(flow);
  }

  DataFlow flow() {
    return flow;
  }

  EngineClock clock() {
    return clock;
  }

  /**
   * Steps after which a run of queued work hands the rest back to the clock's executor, so that one busy execution
   * cannot hold an engine thread (or its own monitor) for long and others get their turn.
   */
  static final int STEPS_PER_TURN = 1024;
  /** The run of work going on in this thread, null when none. */
  private static final ThreadLocal<Turn> TURN = new ThreadLocal<>();

  /** A piece of work for a frame, dropped if the frame or its run of the execution is over by then. */
  private record Step(Frame frame, Runnable work) {}

  /** One execution's queued work, run in order on one thread under the execution's monitor. */
  private record Turn(Execution execution, ArrayDeque<Step> queue) {}

  /**
   * Runs {@code work} for the frame's execution after the current step. Work of the execution already running on
   * this thread joins its queue (a trampoline: no thread hand-off, no lock traffic, flat stacks); otherwise it goes
   * to the clock's executor.
   */
  void later(Frame frame, Runnable work) {
    Turn turn = TURN.get();
    if (turn != null && turn.execution() == frame.execution) {
      turn.queue().add(new Step(frame, work));
      return;
    }
    ArrayDeque<Step> queue = new ArrayDeque<>();
    queue.add(new Step(frame, work));
    dispatch(frame.execution, queue);
  }

  /** Runs {@code work} for the frame's execution now, on this thread (a timer fired, a task returned). */
  void runNow(Frame frame, Runnable work) {
    ArrayDeque<Step> queue = new ArrayDeque<>();
    queue.add(new Step(frame, work));
    synchronized (frame.execution) {
      drain(frame.execution, queue);
    }
  }

  private void dispatch(Execution execution, ArrayDeque<Step> queue) {
    clock.execute(() -> {
      synchronized (execution) {
        drain(execution, queue);
      }
    });
  }

  /** Runs queued steps in order (the caller holds the monitor); after a turn's worth the rest goes to the executor. */
  private void drain(Execution execution, ArrayDeque<Step> queue) {
    Turn outer = TURN.get();
    TURN.set(new Turn(execution, queue));
    try {
      for (int done = 0; !queue.isEmpty(); done++) {
        if (done == STEPS_PER_TURN) {
          dispatch(execution, queue);
          return;
        }
        Step step = queue.poll();
        Frame frame = step.frame();
        if (execution.runs(frame.generation) && frame.live()) {
          try {
            step.work().run();
          } catch (RuntimeException | Error e) {
            // As when every step had a thread of its own: the failure is reported, the other queued steps run.
            Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
          }
        }
      }
    } finally {
      TURN.set(outer);
    }
  }

  void at(Frame frame, Instant when, Runnable work) {
    frame.execution.track(clock.schedule(when, () -> runNow(frame, work)));
  }

  /** Enters {@code name}: StateEntered event, then the state's work. */
  void enter(Frame frame, String name, JsonNode input) {
    enter(frame, name, input, null);
  }

  /**
   * Enters {@code name}; {@code inputText}, when given, is the input's text: exactly as the client sent it for the
   * execution's first state (AWS echoes the StartExecution input text in its StateEntered event, as in
   * ExecutionStarted), else the previous state's serialized output.
   */
  void enter(Frame frame, String name, JsonNode input, String inputText) {
    if (!frame.live()) {
      return;
    }
    State state = frame.definition.state(name);
    long prev = frame.cursor;
    if (frame.parent == null) {
      // Redrive restarts from the top-level state that was running when the execution ended.
      frame.execution.failedState = name;
      frame.execution.failedStateInput = input;
    }
    String text = inputText != null ? inputText : Json.text(input);
    long id = frame.execution.appendLazy(frame, state.common().type() + "StateEntered", "stateEnteredEventDetails",
        () -> Details.stateEntered(name, text));
    StateRun run = new StateRun(frame, state, input, id, prev, clock.now(), retriers(state).size());
    run.rawInputText = inputText;
    frame.current = run;
    step(run);
  }

  void step(StateRun run) {
    try {
      switch (run.state) {
        case State.Pass pass -> pass(run, pass);
        case State.Succeed succeed -> succeed(run);
        case State.Fail fail -> failState(run, fail);
        case State.Choice choice -> choice(run, choice);
        case State.Wait wait -> waitState(run, wait);
        case State.Task task -> tasks.start(run, task);
        case State.Parallel parallel -> forks.parallel(run, parallel);
        case State.Map map -> forks.map(run, map);
      }
    } catch (StateFailure e) {
      fail(run, e);
    } catch (RuntimeException e) {
      // An engine or evaluator bug must end the execution visibly, never leave it RUNNING forever.
      fail(run, new Failure(Failure.RUNTIME, run.causePrefix() + "Internal error of the local engine: " + e), false,
          null);
    }
  }

  private void pass(StateRun run, State.Pass pass) {
    Common c = pass.common();
    if (c.jsonata()) {
      Map<String, JsonNode> assigned = flow.assign(run, c.assign(), null, null, null);
      JsonNode output = c.output() == null ? run.rawInput : flow.jsonataTemplate(run, c.output(), null, null, "Output");
      exit(run, output, assigned, c.next());
      return;
    }
    JsonNode effective = flow.effectiveInput(run, null);
    JsonNode result = pass.result() != null ? pass.result() : effective;
    Map<String, JsonNode> assigned = flow.assign(run, c.assign(), result, result, null);
    exit(run, flow.output(run, result), assigned, c.next());
  }

  private void succeed(StateRun run) {
    Common c = run.state.common();
    if (c.jsonata()) {
      JsonNode output = c.output() == null ? run.rawInput : flow.jsonataTemplate(run, c.output(), null, null, "Output");
      exit(run, output, Map.of(), null);
    } else {
      exit(run, flow.outputPath(run, flow.selectInput(run)), Map.of(), null);
    }
  }

  /** Fail: no StateExited; the flow fails with the state's Error and Cause (ASL "Fail State"). */
  private void failState(StateRun run, State.Fail fail) {
    String error = fail.error();
    String cause = fail.cause();
    if (fail.common().jsonata()) {
      error = textOrNull(flow.jsonataValue(run, fail.error() == null ? null : text(fail.error()), "Error"));
      cause = textOrNull(flow.jsonataValue(run, fail.cause() == null ? null : text(fail.cause()), "Cause"));
    } else {
      if (fail.errorPath() != null) {
        error = textOrNull(flow.pathOrIntrinsic(run, fail.errorPath(), run.rawInput, "ErrorPath"));
      }
      if (fail.causePath() != null) {
        cause = textOrNull(flow.pathOrIntrinsic(run, fail.causePath(), run.rawInput, "CausePath"));
      }
    }
    // A Fail state ends at once: nothing of it is left running to be aborted.
    run.frame.current = null;
    fail(run, new Failure(error, cause), false, null);
  }

  private void choice(StateRun run, State.Choice choice) {
    Common c = choice.common();
    JsonNode input = c.jsonata() ? run.rawInput : flow.selectInput(run);
    for (ChoiceBranch branch : choice.choices()) {
      if (choices.matches(run, branch.rule(), input)) {
        leaveChoice(run, input, branch.assign(), branch.output(), branch.next());
        return;
      }
    }
    if (choice.defaultNext() == null) {
      throw new StateFailure(new Failure(Failure.NO_CHOICE_MATCHED,
          "No Matches!"));
    }
    leaveChoice(run, input, c.assign(), c.output(), choice.defaultNext());
  }

  private void leaveChoice(StateRun run, JsonNode input, JsonNode assign, JsonNode output, String next) {
    Common c = run.state.common();
    Map<String, JsonNode> assigned = flow.assign(run, assign, input, null, null);
    JsonNode out = c.jsonata()
        ? (output == null ? run.rawInput : flow.jsonataTemplate(run, output, null, null, "Output"))
        : flow.outputPath(run, input);
    exit(run, out, assigned, next);
  }

  private void waitState(StateRun run, State.Wait wait) {
    Common c = wait.common();
    JsonNode input = c.jsonata() ? run.rawInput : flow.selectInput(run);
    Instant until;
    if (wait.seconds() != null) {
      JsonNode seconds = c.jsonata() ? flow.jsonataValue(run, wait.seconds(), "Seconds") : wait.seconds();
      until = clock.now().plusSeconds(seconds(run, seconds, "Seconds", null));
    } else if (wait.secondsPath() != null) {
      JsonNode seconds = flow.read(run, wait.secondsPath(), input, "SecondsPath");
      until = clock.now().plusSeconds(seconds(run, seconds, "SecondsPath", wait.secondsPath()));
    } else {
      JsonNode stamp = wait.timestamp() != null
          ? (c.jsonata() ? flow.jsonataValue(run, wait.timestamp(), "Timestamp") : wait.timestamp())
          : flow.read(run, wait.timestampPath(), input, "TimestampPath");
      until = timestamp(run, stamp, wait.timestamp() != null ? "Timestamp" : "TimestampPath");
    }
    at(run.frame, until, () -> {
      try {
        JsonNode out = c.jsonata()
            ? (c.output() == null ? run.rawInput : flow.jsonataTemplate(run, c.output(), null, null, "Output"))
            : flow.outputPath(run, input);
        exit(run, out, flow.assign(run, c.assign(), input, null, null), c.next());
      } catch (StateFailure e) {
        fail(run, e);
      }
    });
  }

  /** Wait seconds must be a non-negative whole number (a long), as AWS checks SecondsPath values. */
  private static long seconds(StateRun run, JsonNode value, String field, String path) {
    if (value == null || !value.isNumber() || value.decimalValue().stripTrailingZeros().scale() > 0
        || value.decimalValue().compareTo(BigDecimal.ZERO) < 0) {
      String shown = path == null ? Json.text(value) : path + " == " + Json.text(value);
      throw new StateFailure(new Failure(Failure.RUNTIME,
          run.causePrefix() + "The " + field + " parameter cannot be parsed as a long value: " + shown), field);
    }
    return value.longValue();
  }

  private static Instant timestamp(StateRun run, JsonNode value, String field) {
    try {
      return OffsetDateTime.parse(value.asText()).toInstant();
    } catch (RuntimeException e) {
      throw new StateFailure(new Failure(Failure.RUNTIME, run.causePrefix() + "The " + field
          + " parameter does not reference a valid ISO-8601 extended offset date-time format string: "
          + Json.text(value)), field);
    }
  }

  /**
   * Leaves a state: assigns its variables, records StateExited and moves on (or ends the flow). Outputs over
   * 256 KiB fail the state with States.DataLimitExceeded, as AWS's payload quota does.
   */
  void exit(StateRun run, JsonNode output, Map<String, JsonNode> assigned, String next) {
    exit(run, output, assigned, next, null, null);
  }

  /** As above; {@code knownText} is the text of {@code known}, reused when the output is that same tree. */
  private void exit(StateRun run, JsonNode output, Map<String, JsonNode> assigned, String next, JsonNode known,
                    String knownText) {
    String text = known != null && output == known ? knownText : Json.text(output);
    if (Json.tooLarge(text)) {
      fail(run, new Failure(Failure.DATA_LIMIT_EXCEEDED, "The state/task '" + run.state.name()
          + "' returned a result with a size exceeding the maximum number of bytes service limit."), false, null);
      return;
    }
    Frame frame = run.frame;
    frame.scope.assign(assigned);
    frame.current = null;
    String name = run.state.name();
    if (assigned == null || assigned.isEmpty()) {
      frame.execution.appendLazy(frame, run.state.common().type() + "StateExited", "stateExitedEventDetails",
          () -> Details.stateExited(name, text, null));
    } else {
      frame.execution.append(frame, run.state.common().type() + "StateExited", "stateExitedEventDetails",
          Details.stateExited(name, text, assigned));
    }
    if (next != null) {
      // The output's text is the next state's input text: serialized once for both events.
      later(frame, () -> enter(frame, next, output, text));
    } else {
      frame.end(new Frame.Outcome.Succeeded(output));
    }
  }

  /** A state failed while evaluating one of its fields (or with another {@link StateFailure}). */
  void fail(StateRun run, StateFailure e) {
    fail(run, e.failure(), false, e.location(), e.evaluation());
  }

  void fail(StateRun run, Failure failure, boolean raisedByTask, String location) {
    fail(run, failure, raisedByTask, location, location != null);
  }

  /**
   * A state raised {@code failure}: the first retrier whose ErrorEquals matches decides (retry after its delay
   * while attempts are left); otherwise the first matching catcher leads on; otherwise the flow fails.
   */
  void fail(StateRun run, Failure failure, boolean raisedByTask, String location, boolean evaluation) {
    if (!run.frame.live()) {
      return;
    }
    List<Retrier> retriers = retriers(run.state);
    for (int i = 0; i < retriers.size(); i++) {
      Retrier retrier = retriers.get(i);
      if (failure.matches(retrier.errorEquals(), raisedByTask)) {
        if (run.attempts[i] < retrier.maxAttempts()) {
          Duration delay = delay(retrier, run.attempts[i]);
          run.attempts[i]++;
          run.retryCount++;
          // Recorded AWS histories: a Map or Parallel that is retried writes no MapStateFailed/ParallelStateFailed.
          run.failedEvent = null;
          at(run.frame, clock.now().plus(delay), () -> step(run));
          return;
        }
        break;
      }
    }
    for (Catcher catcher : catchers(run.state)) {
      if (failure.matches(catcher.errorEquals(), raisedByTask)) {
        writeFailedEvent(run);
        try {
          caught(run, catcher, failure);
        } catch (StateFailure e) {
          endFailed(run, e.failure(), e.location(), e.evaluation());
        }
        return;
      }
    }
    endFailed(run, failure, location, evaluation);
  }

  /** MapStateFailed/ParallelStateFailed, when the state has one pending, chained to the frame's last event. */
  private static void writeFailedEvent(StateRun run) {
    if (run.failedEvent != null) {
      run.frame.execution.append(run.frame, run.failedEvent, null, null);
      run.failedEvent = null;
    }
  }

  private void caught(StateRun run, Catcher catcher, Failure failure) {
    ObjectNode errorOutput = JsonNodeFactory.instance.objectNode();
    errorOutput.put("Error", failure.error());
    errorOutput.put("Cause", failure.cause());
    if (run.state.common().jsonata()) {
      Map<String, JsonNode> assigned = flow.assign(run, catcher.assign(), null, null, errorOutput);
      JsonNode output = catcher.output() == null ? errorOutput
          : flow.jsonataTemplate(run, catcher.output(), null, errorOutput, "Output");
      exit(run, output, assigned, catcher.next());
    } else {
      Map<String, JsonNode> assigned = flow.assign(run, catcher.assign(), errorOutput, null, errorOutput);
      // ASL "Catch": the state's output is its raw input with the error output placed at the catcher's ResultPath.
      exit(run, flow.resultPath(run, catcher.resultPath(), run.rawInput, errorOutput), assigned, catcher.next());
    }
  }

  private void endFailed(StateRun run, Failure failure, String location, boolean evaluation) {
    Frame frame = run.frame;
    if (evaluation && run.state.common().jsonata()) {
      // API Reference, EvaluationFailedEventDetails: "This event will only be present in state machines that have
      // QueryLanguage set to JSONata, or individual states set to JSONata." Recorded AWS histories: it points back
      // to the event before the state was entered; JSONPath states fail without it.
      ObjectNode details = Details.failure(failure.error(), failure.cause());
      if (location != null) {
        details.put("location", location);
      }
      details.put("state", run.state.name());
      frame.cursor = frame.execution.appendAfter(frame, run.enteredPrev, "EvaluationFailed",
          "evaluationFailedEventDetails", details);
    }
    writeFailedEvent(run);
    frame.end(new Frame.Outcome.Failed(failure));
  }

  /**
   * Retry delay (ASL "Retrying after error"): IntervalSeconds * BackoffRate^attempt, capped by MaxDelaySeconds;
   * JitterStrategy FULL picks a random delay between zero and that value.
   */
  static Duration delay(Retrier retrier, int attempt) {
    double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), attempt);
    if (retrier.maxDelaySeconds() != null) {
      seconds = Math.min(seconds, retrier.maxDelaySeconds());
    }
    if (retrier.fullJitter()) {
      seconds = ThreadLocalRandom.current().nextDouble() * seconds;
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  private static List<Retrier> retriers(State state) {
    return switch (state) {
      case State.Task t -> t.retry();
      case State.Parallel p -> p.retry();
      case State.Map m -> m.retry();
      default -> List.of();
    };
  }

  private static List<Catcher> catchers(State state) {
    return switch (state) {
      case State.Task t -> t.catchers();
      case State.Parallel p -> p.catchers();
      case State.Map m -> m.catchers();
      default -> List.of();
    };
  }

  private static JsonNode text(String value) {
    return JsonNodeFactory.instance.textNode(value);
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
  }

  /** Shared tail of Task, Parallel and Map: ResultSelector/Assign/ResultPath/OutputPath or Output, then exit. */
  void finishWithResult(StateRun run, JsonNode result) {
    finishWithResult(run, result, null);
  }

  /** As above; {@code resultText}, when given, is the result's text (reused if the result is the output). */
  void finishWithResult(StateRun run, JsonNode result, String resultText) {
    try {
      Common c = run.state.common();
      JsonNode known = resultText == null ? null : result;
      if (c.jsonata()) {
        Map<String, JsonNode> assigned = flow.assign(run, c.assign(), null, result, null);
        exit(run, flow.output(run, result), assigned, c.next(), known, resultText);
      } else {
        JsonNode selected = flow.selectResult(run, result);
        Map<String, JsonNode> assigned = flow.assign(run, c.assign(), selected, selected, null);
        exit(run, flow.output(run, selected), assigned, c.next(), known, resultText);
      }
    } catch (StateFailure e) {
      fail(run, e);
    } catch (RuntimeException e) {
      fail(run, new Failure(Failure.RUNTIME, run.causePrefix() + "Internal error of the local engine: " + e), false,
          null);
    }
  }
}
