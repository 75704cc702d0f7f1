package dev.fulfillment.local.sfn;

/** Execution statuses as the Step Functions API spells them. */
public enum ExecutionStatus { RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE }
