package dev.fulfillment.workflow;

import java.util.List;
import java.util.stream.Stream;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.stepfunctions.JitterType;
import software.amazon.awscdk.services.stepfunctions.RetryProps;

/**
 * The Retry rules of the task states, beside CDK's default Lambda service-error retrier that every task keeps.
 *
 * <p>Only transient errors are retried; business errors go straight to a Catch. Every rule uses exponential back-off
 * with FULL jitter (each wait is random between 0 and the back-off value, so retries from many executions spread
 * out) and a MaxDelaySeconds cap on the wait, as described under "Retrying after an error" in the Step Functions
 * developer guide.
 */
public final class RetryPolicies {

  private RetryPolicies() {
  }

  /**
   * A forward step hit throttling, a task-declared transient failure or its Lambda timeout: a few quick tries. A
   * timeout is retried because every forward handler is idempotent on the order id (a timed-out ConfirmOrder may
   * have confirmed the order; caught instead of retried, it would send a confirmed order to the refund).
   */
  public static RetryProps transientErrors() {
    return RetryProps.builder()
        .errors(errors(ErrorNames.TRANSIENT, ErrorNames.LAMBDA_TOO_MANY_REQUESTS, ErrorNames.LAMBDA_TIMED_OUT))
        .interval(Duration.seconds(1))
        .backoffRate(2)
        .maxAttempts(3)
        .maxDelay(Duration.seconds(10))
        .jitterStrategy(JitterType.FULL)
        .build();
  }

  /**
   * The payment provider is down or overloaded. Safe to retry because ChargePayment uses the order id as the
   * provider's idempotency key, so a retried charge never charges twice.
   */
  public static RetryProps paymentProviderUnavailable() {
    return RetryProps.builder()
        .errors(List.of(ErrorNames.PAYMENT_PROVIDER_UNAVAILABLE))
        .interval(Duration.seconds(2))
        .backoffRate(2)
        .maxAttempts(3)
        .maxDelay(Duration.seconds(20))
        .jitterStrategy(JitterType.FULL)
        .build();
  }

  /**
   * A compensation must finish, so it is tried longer than a forward step, and a timeout is retried too: every
   * compensation handler is idempotent (release and refund are no-ops the second time), so running one again after a
   * timeout cannot undo more than once.
   */
  public static RetryProps compensation() {
    return RetryProps.builder()
        .errors(errors(ErrorNames.TRANSIENT, ErrorNames.LAMBDA_TOO_MANY_REQUESTS, ErrorNames.STATES_TIMEOUT,
            ErrorNames.LAMBDA_TIMED_OUT))
        .interval(Duration.seconds(2))
        .backoffRate(2)
        .maxAttempts(5)
        .maxDelay(Duration.seconds(30))
        .jitterStrategy(JitterType.FULL)
        .build();
  }

  private static List<String> errors(List<String> transientErrors, String... more) {
    return Stream.concat(transientErrors.stream(), Stream.of(more)).toList();
  }
}
