package dev.fulfillment.local.sfn.runtime;

/** Thrown inside state processing to leave the state with an error; carries the {@link Failure}. */
final class StateFailure extends RuntimeException {
  private final Failure failure;
  private final String location;
  private final boolean evaluation;

  StateFailure(Failure failure) {
    this(failure, null, false);
  }

  /** {@code location} is the field that failed (for example "Output/result"), reported in EvaluationFailed. */
  StateFailure(Failure failure, String location) {
    this(failure, location, true);
  }

  /**
   * {@code evaluation}: the failure came from evaluating a field of the state (a query, a template, a value check),
   * which AWS reports with an EvaluationFailed event in JSONata states; {@code location} may still be unknown.
   */
  StateFailure(Failure failure, String location, boolean evaluation) {
    super(failure.error() + ": " + failure.cause(), null, false, false);
    this.failure = failure;
    this.location = location;
    this.evaluation = evaluation;
  }

  boolean evaluation() {
    return evaluation;
  }

  Failure failure() {
    return failure;
  }

  String location() {
    return location;
  }
}
