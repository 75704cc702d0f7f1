package dev.fulfillment.workflow;

import dev.fulfillment.tasks.error.OutOfStockException;
import dev.fulfillment.tasks.error.PaymentDeclinedException;
import dev.fulfillment.tasks.error.PaymentProviderUnavailableException;
import dev.fulfillment.tasks.error.TransientException;
import dev.fulfillment.tasks.error.UnknownSkuException;
import java.util.List;

/**
 * The error names the state machine matches and raises.
 *
 * <p>The Lambda Java runtime reports a thrown exception as {@code errorType = exception.getClass().getName()}, and
 * Step Functions uses that errorType as the error name that Retry and Catch compare with {@code ErrorEquals} —
 * exactly, with no notion of subclasses. So the names come from the classes themselves and each concrete class that
 * a step treats specially is listed on its own.
 */
public final class ErrorNames {

  /** A SKU has fewer units available than ordered. */
  public static final String OUT_OF_STOCK = OutOfStockException.class.getName();
  /** An order line names a SKU the inventory does not know. */
  public static final String UNKNOWN_SKU = UnknownSkuException.class.getName();
  /** The payment provider refused the charge. */
  public static final String PAYMENT_DECLINED = PaymentDeclinedException.class.getName();
  /** The payment provider could not be reached or answered "try later". */
  public static final String PAYMENT_PROVIDER_UNAVAILABLE = PaymentProviderUnavailableException.class.getName();
  /** A task's own signal that trying again later may succeed (throttling, a conflicting write). */
  public static final String TRANSIENT = TransientException.class.getName();

  /**
   * Lambda throttled the invocation. Not in the CDK's default service-error retrier, but documented by AWS as an
   * error to retry ("Handle transient Lambda service exceptions", Step Functions developer guide).
   */
  public static final String LAMBDA_TOO_MANY_REQUESTS = "Lambda.TooManyRequestsException";

  /**
   * The errors CDK's {@code LambdaInvoke} retries by default ({@code retryOnServiceExceptions}, 2 s, x2, 6 attempts),
   * listed here so tests can say that the default is kept.
   */
  public static final List<String> LAMBDA_SERVICE_ERRORS = List.of(
      "Lambda.ClientExecutionTimeoutException",
      "Lambda.ServiceException",
      "Lambda.AWSLambdaException",
      "Lambda.SdkClientException");

  /** Step Functions' own name for a task that ran longer than its TimeoutSeconds. */
  public static final String STATES_TIMEOUT = "States.Timeout";
  /** Matches every error (Catch fallback). */
  public static final String STATES_ALL = "States.ALL";

  /** The error of the execution when a compensation itself failed: the order needs a human. Alarmed. */
  public static final String COMPENSATION_FAILED = "Fulfillment.CompensationFailed";

  private ErrorNames() {
  }
}
