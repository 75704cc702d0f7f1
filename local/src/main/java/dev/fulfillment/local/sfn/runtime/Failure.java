package dev.fulfillment.local.sfn.runtime;

/** An error a state raised: Step Functions error name and cause (cause may be null). */
public record Failure(String error, String cause) {

  /** Predefined error names (ASL "Errors"). */
  public static final String ALL = "States.ALL";
  public static final String RUNTIME = "States.Runtime";
  public static final String TASK_FAILED = "States.TaskFailed";
  public static final String TIMEOUT = "States.Timeout";
  public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
  public static final String BRANCH_FAILED = "States.BranchFailed";
  public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
  public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
  public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";
  public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
  public static final String EXCEED_TOLERATED_FAILURE = "States.ExceedToleratedFailureThreshold";

  /**
   * Whether a Retry/Catch ErrorEquals list matches this error. The developer guide ("Error names"): States.ALL
   * matches any error name except the terminal States.DataLimitExceeded and States.Runtime; States.TaskFailed "acts
   * as a wildcard that matches any known error name except for States.Timeout" for errors a Task state raised.
   * Recorded AWS histories refine two points: States.Runtime fails the execution even where a retrier or catcher
   * names it, and a DataLimitExceeded a task reported (a connector result over the quota, written as TaskFailed) is
   * an ordinary task error that States.ALL catches.
   */
  public boolean matches(java.util.List<String> errorEquals, boolean raisedByTask) {
    if (error.equals(RUNTIME)) {
      return false;
    }
    for (String name : errorEquals) {
      if (name.equals(error)) {
        return true;
      }
      if (name.equals(ALL) && (!error.equals(DATA_LIMIT_EXCEEDED) || raisedByTask)) {
        return true;
      }
      if (name.equals(TASK_FAILED) && raisedByTask && !error.equals(TIMEOUT)) {
        return true;
      }
    }
    return false;
  }
}
