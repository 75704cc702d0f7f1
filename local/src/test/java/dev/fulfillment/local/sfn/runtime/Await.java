package dev.fulfillment.local.sfn.runtime;

import dev.fulfillment.local.sfn.ExecutionInfo;
import dev.fulfillment.local.sfn.ExecutionStatus;
import dev.fulfillment.local.sfn.LocalStepFunctions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/** Polls DescribeExecution with a deadline (tests never sleep for a fixed time). */
final class Await {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private Await() {}

  static ExecutionInfo terminal(LocalStepFunctions sfn, String executionArn) {
    return until(sfn, executionArn, info -> info.status() != ExecutionStatus.RUNNING, "a terminal status");
  }

  static ExecutionInfo until(LocalStepFunctions sfn, String executionArn, Predicate<ExecutionInfo> condition,
                             String what) {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (true) {
      ExecutionInfo info = sfn.describeExecution(executionArn);
      if (condition.test(info)) {
        return info;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("execution did not reach " + what + " within " + DEADLINE + ": " + info + "\n"
            + sfn.getExecutionHistory(executionArn));
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }
}
