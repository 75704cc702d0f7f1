package dev.fulfillment.statemachine.support;

import dev.fulfillment.local.sfn.EngineClock;
import dev.fulfillment.local.sfn.ExecutionInfo;
import dev.fulfillment.local.sfn.ExecutionStatus;
import dev.fulfillment.local.sfn.LocalStepFunctions;
import dev.fulfillment.local.sfn.MockConfig;
import dev.fulfillment.local.sfn.TaskInvoker;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * A state machine definition loaded into the local engine on virtual time: Wait states, retry back-off and
 * timeouts take no wall-clock time. Executions are awaited by polling DescribeExecution until a terminal status,
 * with a wall-clock deadline.
 */
public final class LocalWorkflow implements AutoCloseable {
  /** The local name of the state machine, and the machine name in the mock configs. */
  public static final String MACHINE_NAME = "Fulfillment";
  /** Wall-clock limit for one execution to finish under virtual time. */
  public static final Duration DEADLINE = Duration.ofSeconds(20);

  private final LocalStepFunctions engine;
  private final String stateMachineArn;

  private LocalWorkflow(String definition, TaskInvoker invoker, MockConfig mocks) {
    LocalStepFunctions.Builder builder = LocalStepFunctions.builder().clock(EngineClock.virtual());
    if (invoker != null) {
      builder.taskInvoker(invoker);
    }
    if (mocks != null) {
      builder.mockConfig(mocks);
    }
    this.engine = builder.build();
    this.stateMachineArn = engine.createStateMachine(MACHINE_NAME, definition,
        "arn:aws:iam::123456789012:role/local", "STANDARD", null).stateMachineArn();
  }

  /** Every task answered by the mock config's test case; nothing is ever invoked. */
  public static LocalWorkflow mocked(String definition, MockConfig mocks) {
    return new LocalWorkflow(definition, null, mocks);
  }

  /** Every task invoked through {@code invoker}. */
  public static LocalWorkflow invoking(String definition, TaskInvoker invoker) {
    return new LocalWorkflow(definition, invoker, null);
  }

  public LocalStepFunctions engine() {
    return engine;
  }

  public String stateMachineArn() {
    return stateMachineArn;
  }

  /** Starts an execution using the mock config's {@code testCase} and waits for it to end. */
  public ExecutionRun runTestCase(String testCase, String executionName, String input) {
    return await(start(stateMachineArn + "#" + testCase, executionName, input));
  }

  /** Starts an execution (tasks invoked for real) and waits for it to end. */
  public ExecutionRun run(String executionName, String input) {
    return await(start(stateMachineArn, executionName, input));
  }

  /** Starts an execution without waiting; returns its ARN. */
  public String start(String arn, String executionName, String input) {
    return engine.startExecution(arn, executionName, input).executionArn();
  }

  /** Polls DescribeExecution until the execution leaves RUNNING, failing after {@link #DEADLINE}. */
  public ExecutionRun await(String executionArn) {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (true) {
      ExecutionInfo info = engine.describeExecution(executionArn);
      if (info.status() != ExecutionStatus.RUNNING) {
        return new ExecutionRun(info, engine.getExecutionHistory(executionArn));
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("execution still RUNNING after " + DEADLINE + " of wall-clock time:\n"
            + new ExecutionRun(info, engine.getExecutionHistory(executionArn)).path());
      }
      LockSupport.parkNanos(Duration.ofMillis(2).toNanos()); // one poll interval, not a wait for a result
    }
  }

  @Override
  public void close() {
    engine.close();
  }
}
