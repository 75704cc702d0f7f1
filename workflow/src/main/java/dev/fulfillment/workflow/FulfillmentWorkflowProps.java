package dev.fulfillment.workflow;

import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * What {@link FulfillmentWorkflow} needs: the six task functions and a few limits.
 *
 * <p>Pass aliases (or versions) rather than unqualified functions when the functions use SnapStart: SnapStart only
 * applies to published versions, so invoking {@code $LATEST} would cold-start without the snapshot.
 *
 * @param reserveStock     runs {@code ReserveStockHandler}
 * @param chargePayment    runs {@code ChargePaymentHandler}
 * @param confirmOrder     runs {@code ConfirmOrderHandler}
 * @param releaseStock     runs {@code ReleaseStockHandler}
 * @param refundPayment    runs {@code RefundPaymentHandler}
 * @param markOrderFailed  runs {@code MarkOrderFailedHandler}
 * @param taskTimeout      TimeoutSeconds of every task state, per attempt; keep it above the functions' own timeout
 *                         so a slow function fails with its own error first
 * @param executionTimeout TimeoutSeconds of the whole execution
 * @param logRetention     how long the execution log group keeps events
 */
public record FulfillmentWorkflowProps(
    IFunction reserveStock,
    IFunction chargePayment,
    IFunction confirmOrder,
    IFunction releaseStock,
    IFunction refundPayment,
    IFunction markOrderFailed,
    Duration taskTimeout,
    Duration executionTimeout,
    RetentionDays logRetention) {

  public static final Duration DEFAULT_TASK_TIMEOUT = Duration.seconds(30);
  /**
   * Room for the slowest failing path: a forward step and then three compensations, each with its retries (a
   * compensation can take about 6 attempts x 30 s plus back-off). An execution that still runs out of time ends
   * TIMED_OUT without compensating, which the stack alarms on.
   */
  public static final Duration DEFAULT_EXECUTION_TIMEOUT = Duration.minutes(30);

  public FulfillmentWorkflowProps {
    Objects.requireNonNull(reserveStock, "reserveStock");
    Objects.requireNonNull(chargePayment, "chargePayment");
    Objects.requireNonNull(confirmOrder, "confirmOrder");
    Objects.requireNonNull(releaseStock, "releaseStock");
    Objects.requireNonNull(refundPayment, "refundPayment");
    Objects.requireNonNull(markOrderFailed, "markOrderFailed");
    taskTimeout = taskTimeout == null ? DEFAULT_TASK_TIMEOUT : taskTimeout;
    executionTimeout = executionTimeout == null ? DEFAULT_EXECUTION_TIMEOUT : executionTimeout;
    logRetention = logRetention == null ? RetentionDays.ONE_MONTH : logRetention;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds the props; the six functions are required, the limits have defaults. */
  public static final class Builder {
    private IFunction reserveStock;
    private IFunction chargePayment;
    private IFunction confirmOrder;
    private IFunction releaseStock;
    private IFunction refundPayment;
    private IFunction markOrderFailed;
    private Duration taskTimeout;
    private Duration executionTimeout;
    private RetentionDays logRetention;

    private Builder() {
    }

    public Builder reserveStock(IFunction function) {
      this.reserveStock = function;
      return this;
    }

    public Builder chargePayment(IFunction function) {
      this.chargePayment = function;
      return this;
    }

    public Builder confirmOrder(IFunction function) {
      this.confirmOrder = function;
      return this;
    }

    public Builder releaseStock(IFunction function) {
      this.releaseStock = function;
      return this;
    }

    public Builder refundPayment(IFunction function) {
      this.refundPayment = function;
      return this;
    }

    public Builder markOrderFailed(IFunction function) {
      this.markOrderFailed = function;
      return this;
    }

    public Builder taskTimeout(Duration timeout) {
      this.taskTimeout = timeout;
      return this;
    }

    public Builder executionTimeout(Duration timeout) {
      this.executionTimeout = timeout;
      return this;
    }

    public Builder logRetention(RetentionDays retention) {
      this.logRetention = retention;
      return this;
    }

    public FulfillmentWorkflowProps build() {
      return new FulfillmentWorkflowProps(reserveStock, chargePayment, confirmOrder, releaseStock, refundPayment,
          markOrderFailed, taskTimeout, executionTimeout, logRetention);
    }
  }
}
