package dev.fulfillment.local.sfn.runtime;

/** Thrown inside state processing to leave the state with an error; carries the {@link Failure}. */
final class StateFailure extends RuntimeException {
  private final Failure failure;
  private final String location;

  StateFailure(Failure failure) {
    this(failure, null);
  }

  /** {@code location} is the field that failed (for example "Output/result"), reported in EvaluationFailed. */
  StateFailure(Failure failure, String location) {
    super(failure.error() + ": " + failure.cause(), null, false, false);
    this.failure = failure;
    this.location = location;
  }

  Failure failure() {
    return failure;
  }

  String location() {
    return location;
  }
}
