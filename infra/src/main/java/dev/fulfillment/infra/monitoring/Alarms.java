package dev.fulfillment.infra.monitoring;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

/** "Something went wrong at least once in the last minute" alarms: executions failed or timed out, function errors. */
public final class Alarms extends Construct {

  private static final MetricOptions SUM_PER_MINUTE =
      MetricOptions.builder().statistic("Sum").period(Duration.minutes(1)).build();

  public Alarms(Construct scope, String id) {
    super(scope, id);
  }

  /** Executions that FAILED (business failures included: a burst of out-of-stock is worth a look) or TIMED_OUT. */
  public void onExecutions(IStateMachine stateMachine) {
    atLeastOnce("ExecutionsFailed", stateMachine.metricFailed(SUM_PER_MINUTE),
        "Fulfillment executions failed (any reason, business errors included).");
    atLeastOnce("ExecutionsTimedOut", stateMachine.metricTimedOut(SUM_PER_MINUTE),
        "Fulfillment executions timed out: their compensations did not run; check held stock and charges.");
  }

  /** Invocations of the function that ended in an error (any version, so the alias is covered). */
  public void onErrors(String name, IFunction function) {
    atLeastOnce(name + "Errors", function.metricErrors(SUM_PER_MINUTE), name + " returned errors.");
  }

  private void atLeastOnce(String id, IMetric metric, String description) {
    Alarm.Builder.create(this, id)
        .alarmDescription(description)
        .metric(metric)
        .threshold(1)
        .evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
  }
}
