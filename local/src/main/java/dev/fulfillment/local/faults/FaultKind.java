package dev.fulfillment.local.faults;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The faults the local cloud can inject, by the name the faults file uses. */
public enum FaultKind {
  /** The invocation fails before the handler runs: {@code Lambda.ServiceException}, which the workflow retries. */
  LAMBDA_TRANSIENT("lambda-transient"),
  /** The handler runs (its writes happen), its result is dropped and {@code Lambda.ServiceException} reported. */
  LAMBDA_CRASH_AFTER_WRITE("lambda-crash-after-write"),
  /** The handler runs, then the caller sees {@code Sandbox.Timedout}, as when the function outlives its timeout. */
  LAMBDA_TIMEOUT("lambda-timeout"),
  /** DynamoDB answers 400 {@code ProvisionedThroughputExceededException} (the handlers' endpoint only). */
  DYNAMODB_THROTTLE("dynamodb-throttle"),
  /** DynamoDB answers 500 {@code InternalServerError} (the handlers' endpoint only). */
  DYNAMODB_INTERNAL("dynamodb-internal"),
  /** The SQS poller delivers a received message a second time, in a separate batch. */
  SQS_DUPLICATE("sqs-duplicate"),
  /** StartExecution answers 400 {@code ThrottlingException}. */
  SFN_THROTTLE("sfn-throttle");

  private final String id;

  FaultKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static FaultKind of(String id) {
    for (FaultKind kind : values()) {
      if (kind.id.equals(id)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown fault kind '" + id + "'; known: "
        + Arrays.stream(values()).map(FaultKind::id).collect(Collectors.joining(", ")));
  }
}
