package dev.fulfillment.statemachine.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulfillment.local.sfn.ExecutionStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Assertions on a finished execution that read like the scenario: {@code assertThat(run).failedWith(error)
 * .enteredStates(...).invoked("ReleaseStock", 1)}. Every failure message ends with the execution's path, so a
 * broken scenario shows what did happen.
 */
public final class ExecutionAssert {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ExecutionRun run;

  private ExecutionAssert(ExecutionRun run) {
    this.run = run;
  }

  public static ExecutionAssert assertThatExecution(ExecutionRun run) {
    return new ExecutionAssert(run);
  }

  private String context(String what) {
    return what + "\n--- what happened ---\n" + run.path();
  }

  public ExecutionAssert succeeded() {
    assertThat(run.status()).as(context("status")).isEqualTo(ExecutionStatus.SUCCEEDED);
    return this;
  }

  /** Ended FAILED with exactly this error. */
  public ExecutionAssert failedWith(String error) {
    assertThat(run.status()).as(context("status")).isEqualTo(ExecutionStatus.FAILED);
    assertThat(run.error()).as(context("error")).isEqualTo(error);
    return this;
  }

  /** Ended TIMED_OUT (the state machine's own TimeoutSeconds). */
  public ExecutionAssert timedOut() {
    assertThat(run.status()).as(context("status")).isEqualTo(ExecutionStatus.TIMED_OUT);
    return this;
  }

  public ExecutionAssert causeContains(String... parts) {
    assertThat(run.cause()).as(context("cause")).contains(parts);
    return this;
  }

  /** The states entered, in this order and no others. */
  public ExecutionAssert enteredStates(String... states) {
    assertThat(run.statesEntered()).as(context("states entered")).containsExactly(states);
    return this;
  }

  public ExecutionAssert neverEntered(String state) {
    assertThat(run.statesEntered()).as(context("states entered")).doesNotContain(state);
    return this;
  }

  /** The task state called its function this many times (first attempt plus retries). */
  public ExecutionAssert invoked(String state, int times) {
    assertThat(run.invocations(state)).as(context("invocations of " + state)).isEqualTo(times);
    return this;
  }

  /** Every call of the task state sent exactly this Lambda payload (JSON, compared as trees). */
  public ExecutionAssert invokedWith(String state, String payloadJson) {
    JsonNode expected = parse(payloadJson);
    List<JsonNode> payloads = run.payloads(state);
    assertThat(payloads).as(context("calls of " + state)).isNotEmpty();
    assertThat(payloads).as(context("payloads of " + state)).allSatisfy(p -> assertThat(p).isEqualTo(expected));
    return this;
  }

  /** The output holds these fields with these values (other fields may exist). */
  public ExecutionAssert outputContains(String json) {
    JsonNode output = run.output();
    parse(json).properties().forEach(field -> assertThat(output.path(field.getKey()))
        .as(context("output field " + field.getKey())).isEqualTo(field.getValue()));
    return this;
  }

  /** Retries waited exactly these (virtual) intervals: back-off without jitter. */
  public ExecutionAssert retriedAfter(String state, Duration... intervals) {
    assertThat(run.retryIntervals(state)).as(context("retry intervals of " + state)).containsExactly(intervals);
    return this;
  }

  /**
   * Retries waited within these bounds: with {@code JitterStrategy: FULL} each wait is random between 0 and the
   * back-off interval (capped by MaxDelaySeconds), so the n-th wait must lie in {@code [0, bounds[n]]}.
   */
  public ExecutionAssert retriedWithinJitterBounds(String state, Duration... bounds) {
    List<Duration> intervals = run.retryIntervals(state);
    assertThat(intervals).as(context("number of retries of " + state)).hasSize(bounds.length);
    for (int i = 0; i < bounds.length; i++) {
      assertThat(intervals.get(i)).as(context("retry " + (i + 1) + " of " + state))
          .isBetween(Duration.ZERO, bounds[i]);
    }
    return this;
  }

  public ExecutionRun run() {
    return run;
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }
}
