package dev.fulfillment.workflow;

import dev.fulfillment.tasks.error.OutOfStockException;
import dev.fulfillment.tasks.error.PaymentDeclinedException;
import dev.fulfillment.tasks.error.PaymentProviderUnavailableException;
import dev.fulfillment.tasks.error.UnknownSkuException;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;

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
  /**
   * Failures of a task's DynamoDB calls that a later try can survive: throttling, an internal error, or the
   * network, each left over after the SDK's own retries. Listed class by class because ErrorEquals compares
   * names exactly: a common superclass such as {@code TransientException} would never match anything.
   */
  public static final List<String> TRANSIENT = List.of(
      ProvisionedThroughputExceededException.class.getName(),
      RequestLimitExceededException.class.getName(),
      ThrottlingException.class.getName(),
      InternalServerErrorException.class.getName(),
      SdkClientException.class.getName());

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

  /**
   * The Lambda function ran longer than its own Timeout (20 s here, shorter than the task's TimeoutSeconds, so this
   * is the timeout a task actually reports, not {@code States.Timeout}). The environment is stopped; the handler may
   * or may not have written before.
   */
  public static final String LAMBDA_TIMED_OUT = "Sandbox.Timedout";

  /** Step Functions' own name for a task that ran longer than its TimeoutSeconds. */
  public static final String STATES_TIMEOUT = "States.Timeout";
  /** Matches every error (Catch fallback). */
  public static final String STATES_ALL = "States.ALL";

  /** The error of the execution when a compensation itself failed: the order needs a human. Alarmed. */
  public static final String COMPENSATION_FAILED = "Fulfillment.CompensationFailed";

  private ErrorNames() {
  }
}
