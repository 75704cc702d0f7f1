package dev.fulfillment.workflow;

import static dev.fulfillment.workflow.JsonObjects.object;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.FailJsonataProps;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.QueryLanguage;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.SucceedJsonataProps;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.Timeout;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvokeJsonataProps;
import software.constructs.Construct;

/**
 * The fulfillment saga as a STANDARD Step Functions state machine written in JSONata with variables.
 *
 * <pre>
 * ReserveStock -> ChargePayment -> ConfirmOrder -> OrderConfirmed
 *   out of stock / unknown SKU ...................................-> MarkOrderFailed -> OrderFailed
 *   any other ReserveStock failure (partial holds) -> ReleaseStock -> MarkOrderFailed
 *   payment declined ..............................-> ReleaseStock -> MarkOrderFailed
 *   any later failure (a charge may exist) -> RefundPayment -> ReleaseStock -> MarkOrderFailed
 *   any compensation failing after its retries -> CompensationFailed (error Fulfillment.CompensationFailed, alarmed)
 * </pre>
 *
 * <p>Variables: {@code $order} (the execution input), {@code $reservation} (priced lines, total, currency),
 * {@code $charge} (the charge), {@code $failure} / {@code $compensation} ({@code {state, error, reason}} of what
 * went wrong). The payment token never enters the state machine: ChargePayment reads it from the order item.
 */
public final class FulfillmentWorkflow extends Construct {

  /** Where the compensation-failed metric lives; the alarm watches it. */
  public static final String METRIC_NAMESPACE = "Fulfillment";
  public static final String COMPENSATION_FAILED_METRIC = "CompensationFailed";

  private static final String ORDER_ID = "{% $order.orderId %}";
  private static final String ORDER_LINES = "{% $order.lines %}";
  private static final String TASK_RESULT = "{% $states.result.Payload %}";

  private final FulfillmentWorkflowProps props;
  private final LogGroup logGroup;
  private final StateMachine stateMachine;
  private final Metric compensationFailedMetric;
  private final Alarm compensationFailedAlarm;

  public FulfillmentWorkflow(Construct scope, String id, FulfillmentWorkflowProps props) {
    super(scope, id);
    this.props = props;

    // AWS recommends the /aws/vendedlogs/ prefix for log groups that Step Functions writes to: the CloudWatch Logs
    // resource policy that allows the delivery then stays under its size limit ("Logging using CloudWatch Logs").
    this.logGroup = LogGroup.Builder.create(this, "ExecutionLogs")
        .logGroupName("/aws/vendedlogs/states/" + Stack.of(this).getStackName() + "-" + id)
        .retention(props.logRetention())
        .build();

    this.stateMachine = StateMachine.Builder.create(this, "StateMachine")
        .stateMachineType(StateMachineType.STANDARD)
        .queryLanguage(QueryLanguage.JSONATA)
        .comment("Order fulfillment: reserve stock, charge payment, confirm; compensate on failure.")
        .definitionBody(DefinitionBody.fromChainable(definition()))
        .timeout(props.executionTimeout())
        .tracingEnabled(true)
        .logs(LogOptions.builder().destination(logGroup).level(LogLevel.ALL).includeExecutionData(true).build())
        .build();

    this.compensationFailedMetric = compensationFailedMetricFilter();
    this.compensationFailedAlarm = Alarm.Builder.create(this, "CompensationFailedAlarm")
        .alarmDescription("An order's compensation failed after its retries: stock may stay held or a charge may "
            + "stay unrefunded. Find the execution with error " + ErrorNames.COMPENSATION_FAILED + " and repair it.")
        .metric(compensationFailedMetric)
        .threshold(1)
        .evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
  }

  public StateMachine getStateMachine() {
    return stateMachine;
  }

  public LogGroup getLogGroup() {
    return logGroup;
  }

  /** Count of executions that ended in {@code CompensationFailed}, from the execution log. */
  public Metric getCompensationFailedMetric() {
    return compensationFailedMetric;
  }

  public Alarm getCompensationFailedAlarm() {
    return compensationFailedAlarm;
  }

  private LambdaInvoke definition() {
    Fail compensationFailed = Fail.jsonata(this, StateNames.COMPENSATION_FAILED, FailJsonataProps.builder()
        .comment("A compensation failed after its retries: the order needs a person.")
        .error(ErrorNames.COMPENSATION_FAILED)
        .cause("{% 'Order ' & $order.orderId & ' needs repair: ' & $compensation.state & ' failed ('"
            + " & $compensation.error & ': ' & $compensation.reason & ') while compensating for '"
            + " & $failure.state & ' (' & $failure.error & ')' %}")
        .build());

    // The order ends FAILED with the business error as the execution's error, so callers and alarms can tell an
    // out-of-stock from a declined card without reading the history.
    Fail orderFailed = Fail.jsonata(this, StateNames.ORDER_FAILED, FailJsonataProps.builder()
        .error("{% $failure.error %}")
        .cause("{% 'Order ' & $order.orderId & ' failed in ' & $failure.state & ': ' & $failure.reason %}")
        .build());

    LambdaInvoke markOrderFailed = compensation(StateNames.MARK_ORDER_FAILED, props.markOrderFailed(),
        "Record why the order failed on the order item.",
        object("orderId", ORDER_ID, "reason", "{% $failure.reason %}", "error", "{% $failure.error %}"),
        compensationFailed);
    markOrderFailed.next(orderFailed);

    LambdaInvoke releaseStock = compensation(StateNames.RELEASE_STOCK, props.releaseStock(),
        "Undo ReserveStock: give back every hold of this order (none is fine).",
        object("orderId", ORDER_ID, "lines", ORDER_LINES), compensationFailed);
    releaseStock.next(markOrderFailed);

    LambdaInvoke refundPayment = compensation(StateNames.REFUND_PAYMENT, props.refundPayment(),
        "Undo ChargePayment: refund the order's charge; a no-op when nothing was charged.",
        object("orderId", ORDER_ID), compensationFailed);
    refundPayment.next(releaseStock);

    Succeed orderConfirmed = Succeed.jsonata(this, StateNames.ORDER_CONFIRMED, SucceedJsonataProps.builder()
        .outputs(object(
            "orderId", ORDER_ID,
            "status", "CONFIRMED",
            "chargeId", "{% $charge.chargeId %}",
            "total", "{% $reservation.total %}",
            "currency", "{% $reservation.currency %}"))
        .build());

    LambdaInvoke reserveStock = forwardTask(StateNames.RESERVE_STOCK, props.reserveStock(),
        "Hold the ordered quantity of every SKU and price the lines.",
        object("orderId", "{% $states.input.orderId %}", "lines", "{% $states.input.lines %}"),
        object("order", "{% $states.input %}", "reservation", TASK_RESULT));
    // The Catch assigns $order too: a failed task applies only its catcher's Assign, and the compensations need it.
    reserveStock.addCatch(markOrderFailed, caught(StateNames.RESERVE_STOCK, "failure",
        List.of(ErrorNames.OUT_OF_STOCK, ErrorNames.UNKNOWN_SKU), true));
    // Any other failure may come after some SKUs were held: release them.
    reserveStock.addCatch(releaseStock, caught(StateNames.RESERVE_STOCK, "failure",
        List.of(ErrorNames.STATES_ALL), true));

    LambdaInvoke chargePayment = forwardTask(StateNames.CHARGE_PAYMENT, props.chargePayment(),
        "Charge the reserved total; the order id is the payment provider's idempotency key.",
        object("orderId", ORDER_ID, "amount", "{% $reservation.total %}", "currency", "{% $reservation.currency %}"),
        object("charge", TASK_RESULT));
    chargePayment.addRetry(RetryPolicies.paymentProviderUnavailable());
    chargePayment.addCatch(releaseStock, caught(StateNames.CHARGE_PAYMENT, "failure",
        List.of(ErrorNames.PAYMENT_DECLINED), false));
    // Retries exhausted or timed out: the provider may have charged without us hearing back, so refund (a no-op
    // when there is no charge) before releasing.
    chargePayment.addCatch(refundPayment, caught(StateNames.CHARGE_PAYMENT, "failure",
        List.of(ErrorNames.STATES_ALL), false));

    LambdaInvoke confirmOrder = forwardTask(StateNames.CONFIRM_ORDER, props.confirmOrder(),
        "Turn the holds into sales and mark the order CONFIRMED.",
        object("orderId", ORDER_ID, "lines", ORDER_LINES),
        null);
    confirmOrder.addCatch(refundPayment, caught(StateNames.CONFIRM_ORDER, "failure",
        List.of(ErrorNames.STATES_ALL), false));

    reserveStock.next(chargePayment).next(confirmOrder).next(orderConfirmed);
    return reserveStock;
  }

  /** A step of the happy path: retried on transient errors only. */
  private LambdaInvoke forwardTask(String stateName, IFunction function, String comment, Map<String, Object> payload,
      Map<String, Object> assign) {
    LambdaInvoke task = invoke(stateName, function, comment, payload, assign);
    task.addRetry(RetryPolicies.transientErrors());
    return task;
  }

  /** A compensation: retried longer, and if it still fails the execution ends in {@code CompensationFailed}. */
  private LambdaInvoke compensation(String stateName, IFunction function, String comment,
      Map<String, Object> payload, Fail compensationFailed) {
    LambdaInvoke task = invoke(stateName, function, comment, payload, null);
    task.addRetry(RetryPolicies.compensation());
    task.addCatch(compensationFailed, caught(stateName, "compensation", List.of(ErrorNames.STATES_ALL), false));
    return task;
  }

  /**
   * A Lambda task. {@code retryOnServiceExceptions} stays on (CDK's default): it retries
   * {@link ErrorNames#LAMBDA_SERVICE_ERRORS} 6 times from 2 s doubling, which AWS recommends for every Lambda task
   * ("Handle transient Lambda service exceptions", Step Functions developer guide).
   */
  private LambdaInvoke invoke(String stateName, IFunction function, String comment, Map<String, Object> payload,
      Map<String, Object> assign) {
    LambdaInvokeJsonataProps.Builder task = LambdaInvokeJsonataProps.builder()
        .stateName(stateName)
        .comment(comment)
        .lambdaFunction(function)
        .payload(TaskInput.fromObject(payload))
        .outputs(TASK_RESULT)
        .taskTimeout(Timeout.duration(props.taskTimeout()));
    if (assign != null) {
      task.assign(assign);
    }
    return LambdaInvoke.jsonata(this, stateName, task.build());
  }

  private static CatchProps caught(String stateName, String variable, List<String> errors, boolean assignOrder) {
    Map<String, Object> assign = assignOrder
        ? object("order", "{% $states.input %}", variable, FailureRecord.capture(stateName))
        : object(variable, FailureRecord.capture(stateName));
    return CatchProps.builder().errors(errors).assign(assign).build();
  }

  /**
   * Counts executions that ended in CompensationFailed. With LogLevel.ALL every history event is logged as JSON with
   * its {@code type} and {@code details}; the ExecutionFailed event carries the Fail state's error in
   * {@code details.error} ("Log event format", Step Functions developer guide). A metric filter needs no extra
   * resource at run time, and the dashboard and alarm read it like any metric.
   */
  private Metric compensationFailedMetricFilter() {
    MetricFilter filter = MetricFilter.Builder.create(this, "CompensationFailedFilter")
        .logGroup(logGroup)
        .filterPattern(FilterPattern.all(
            FilterPattern.stringValue("$.type", "=", "ExecutionFailed"),
            FilterPattern.stringValue("$.details.error", "=", ErrorNames.COMPENSATION_FAILED)))
        .metricNamespace(METRIC_NAMESPACE)
        .metricName(COMPENSATION_FAILED_METRIC)
        .metricValue("1")
        .build();
    return filter.metric(MetricOptions.builder().statistic("Sum").period(Duration.minutes(1)).build());
  }
}
