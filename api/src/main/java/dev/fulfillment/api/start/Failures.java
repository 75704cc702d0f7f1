package dev.fulfillment.api.start;

import dev.fulfillment.tasks.error.TransientException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.sfn.model.ExecutionLimitExceededException;

/** Tells failures worth retrying (throttling, 5xx, I/O) from ones a retry cannot fix. */
public final class Failures {

  private Failures() {
  }

  public static boolean isTransient(Throwable failure) {
    if (failure instanceof TransientException || failure instanceof SdkClientException) {
      return true;
    }
    // Too many open executions: they finish, then a retry succeeds. The DynamoDB capacity errors are
    // named by type too, because they arrive as HTTP 400 and the SDK's own flags depend on error details.
    if (failure instanceof ExecutionLimitExceededException
        || failure instanceof ProvisionedThroughputExceededException
        || failure instanceof RequestLimitExceededException
        || failure instanceof InternalServerErrorException) {
      return true;
    }
    if (failure instanceof AwsServiceException service) {
      // isThrottlingException covers 429 and the throttling error codes (ThrottlingException,
      // ProvisionedThroughputExceededException, RequestLimitExceeded, ...).
      return service.isThrottlingException() || service.statusCode() >= 500 || service.retryable();
    }
    return failure instanceof SdkException sdk && sdk.retryable();
  }
}
