package dev.fulfillment.local.sfn.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulfillment.local.sfn.EngineClock;
import dev.fulfillment.local.sfn.ExecutionInfo;
import dev.fulfillment.local.sfn.ExecutionStatus;
import dev.fulfillment.local.sfn.HistoryEvent;
import dev.fulfillment.local.sfn.LocalStepFunctions;
import dev.fulfillment.local.sfn.MockConfig;
import dev.fulfillment.local.sfn.SfnException;
import dev.fulfillment.local.sfn.TaskInvoker;
import dev.fulfillment.local.sfn.clock.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Control-plane behaviour: idempotent start, stop, redrive, task tokens and the mock config Java API. */
class ExecutionControlTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/r";
  private static final String WAIT_AN_HOUR =
      "{\"StartAt\":\"Hold\",\"States\":{\"Hold\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}";

  @Test
  void startingTheSameNameAndInputWhileRunningReturnsTheSameExecution() {
    VirtualClock clock = new VirtualClock(Instant.parse("2024-01-01T00:00:00Z"), false);
    try (LocalStepFunctions sfn = LocalStepFunctions.builder().clock(clock).build()) {
      String arn = sfn.createStateMachine("m", WAIT_AN_HOUR, ROLE, "STANDARD", null).stateMachineArn();
      ExecutionInfo first = sfn.startExecution(arn, "order-1", "{\"a\":1}");
      ExecutionInfo again = sfn.startExecution(arn, "order-1", "{\"a\":1}");

      assertThat(again.executionArn()).isEqualTo(first.executionArn());
      assertThat(sfn.listExecutions(arn, null)).hasSize(1);
      assertThatThrownBy(() -> sfn.startExecution(arn, "order-1", "{\"a\":2}"))
          .isInstanceOfSatisfying(SfnException.class, e -> assertThat(e.code()).isEqualTo("ExecutionAlreadyExists"));
    }
  }

  @Test
  void rejectsExecutionNamesWithForbiddenCharacters() {
    try (LocalStepFunctions sfn = LocalStepFunctions.builder().clock(EngineClock.virtual()).build()) {
      String arn = sfn.createStateMachine("m", WAIT_AN_HOUR, ROLE, "STANDARD", null).stateMachineArn();
      assertThatThrownBy(() -> sfn.startExecution(arn, "order 1", "{}"))
          .isInstanceOfSatisfying(SfnException.class, e -> assertThat(e.code()).isEqualTo("InvalidName"));
    }
  }

  @Test
  void stoppingARunningExecutionAbortsItAndRedriveRunsTheStateAgain() {
    VirtualClock clock = new VirtualClock(Instant.parse("2024-01-01T00:00:00Z"), false);
    try (LocalStepFunctions sfn = LocalStepFunctions.builder().clock(clock).build()) {
      String arn = sfn.createStateMachine("m", WAIT_AN_HOUR, ROLE, "STANDARD", null).stateMachineArn();
      String exec = sfn.startExecution(arn, "e", "{}").executionArn();
      Await.until(sfn, exec, i -> sfn.getExecutionHistory(exec).size() == 2, "the Wait state");

      ExecutionInfo stopped = sfn.stopExecution(exec, "Cancelled", "by test");
      assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
      assertThat(types(sfn, exec)).endsWith("ExecutionAborted");

      ExecutionInfo redriven = sfn.redriveExecution(exec);
      assertThat(redriven.redriveCount()).isEqualTo(1);
      Await.until(sfn, exec, i -> sfn.getExecutionHistory(exec).size() == 5, "the Wait state again");
      clock.advance(Duration.ofHours(1));
      ExecutionInfo done = Await.terminal(sfn, exec);

      assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(types(sfn, exec)).containsExactly("ExecutionStarted", "WaitStateEntered", "ExecutionAborted",
          "ExecutionRedriven", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded");
      assertThatThrownBy(() -> sfn.redriveExecution(exec))
          .isInstanceOfSatisfying(SfnException.class, e -> assertThat(e.code()).isEqualTo("ExecutionNotRedrivable"));
    }
  }

  @Test
  void waitForTaskTokenResumesWithTheOutputSentBack() {
    AtomicReference<String> token = new AtomicReference<>();
    TaskInvoker invoker = (function, payload) -> {
      token.set(payload.get("token").asText());
      return new TaskInvoker.Returned(payload);
    };
    String definition = "{\"StartAt\":\"Approve\",\"States\":{\"Approve\":{\"Type\":\"Task\","
        + "\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\",\"TimeoutSeconds\":600,"
        + "\"Parameters\":{\"FunctionName\":\"approve\",\"Payload\":{\"token.$\":\"$$.Task.Token\"}},\"End\":true}}}";
    VirtualClock clock = new VirtualClock(Instant.parse("2024-01-01T00:00:00Z"), false);
    try (LocalStepFunctions sfn = LocalStepFunctions.builder().clock(clock).taskInvoker(invoker).build()) {
      String arn = sfn.createStateMachine("m", definition, ROLE, "STANDARD", null).stateMachineArn();
      String exec = sfn.startExecution(arn, "e", "{}").executionArn();
      Await.until(sfn, exec, i -> types(sfn, exec).contains("TaskSubmitted"), "TaskSubmitted");

      sfn.sendTaskSuccess(token.get(), "{\"approved\":true}");
      ExecutionInfo done = Await.terminal(sfn, exec);

      assertThat(done.output()).isEqualTo("{\"approved\":true}");
      // API Reference, SendTaskSuccess: a token whose task has already been closed is TaskTimedOut.
      assertThatThrownBy(() -> sfn.sendTaskSuccess(token.get(), "{}"))
          .isInstanceOfSatisfying(SfnException.class, e -> assertThat(e.code()).isEqualTo("TaskTimedOut"));
    }
  }

  @Test
  void waitForTaskTokenTimesOutOnVirtualTimeWhenNobodyAnswers() {
    String definition = "{\"StartAt\":\"Approve\",\"States\":{\"Approve\":{\"Type\":\"Task\","
        + "\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\",\"HeartbeatSeconds\":30,"
        + "\"Parameters\":{\"FunctionName\":\"approve\",\"Payload\":{}},\"End\":true}}}";
    TaskInvoker invoker = (function, payload) -> new TaskInvoker.Returned(payload);
    try (LocalStepFunctions sfn = LocalStepFunctions.builder().clock(EngineClock.virtual()).taskInvoker(invoker)
        .build()) {
      String arn = sfn.createStateMachine("m", definition, ROLE, "STANDARD", null).stateMachineArn();
      ExecutionInfo done = Await.terminal(sfn, sfn.startExecution(arn, "e", "{}").executionArn());

      assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(done.error()).isEqualTo("States.HeartbeatTimeout");
      assertThat(Duration.between(done.startDate(), done.stopDate())).isEqualTo(Duration.ofSeconds(30));
    }
  }

  @Test
  void mockConfigBuiltInJavaAnswersTheTestCasesStatesInCallOrder() {
    String definition = "{\"StartAt\":\"Reserve\",\"States\":{\"Reserve\":{\"Type\":\"Task\","
        + "\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:reserve\","
        + "\"Retry\":[{\"ErrorEquals\":[\"Busy\"],\"IntervalSeconds\":1}],\"End\":true}}}";
    MockConfig mocks = MockConfig.builder().stateMachine("m").testCase("Busy")
        .state("Reserve", MockConfig.throwing("Busy", "try later"), MockConfig.returning("{\"ok\":true}"))
        .build();
    try (LocalStepFunctions sfn = LocalStepFunctions.builder().clock(EngineClock.virtual()).mockConfig(mocks).build()) {
      String arn = sfn.createStateMachine("m", definition, ROLE, "STANDARD", null).stateMachineArn();
      ExecutionInfo done = Await.terminal(sfn, sfn.startExecution(arn + "#Busy", "e", "{}").executionArn());

      assertThat(done.output()).isEqualTo("{\"ok\":true}");
      assertThat(types(sfn, done.executionArn())).containsSubsequence("LambdaFunctionFailed",
          "LambdaFunctionSucceeded");
    }
  }

  private static List<String> types(LocalStepFunctions sfn, String exec) {
    return sfn.getExecutionHistory(exec).stream().map(HistoryEvent::type).toList();
  }
}
