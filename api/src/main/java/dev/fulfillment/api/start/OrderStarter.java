package dev.fulfillment.api.start;

import dev.fulfillment.api.order.OrderId;
import dev.fulfillment.api.order.OrderRequest;
import dev.fulfillment.tasks.domain.OrderLine;
import dev.fulfillment.tasks.domain.OrderStatus;
import dev.fulfillment.tasks.logging.JsonLogger;
import dev.fulfillment.tasks.order.CreateOutcome;
import dev.fulfillment.tasks.order.NewOrder;
import dev.fulfillment.tasks.order.OrderRepository;
import java.util.Map;

/**
 * The one "start an order" path behind both handlers: record the order (RECEIVED, conditional put),
 * then start its execution. Every step may run again with the same effect, which is what makes a
 * client retry or an SQS redelivery safe:
 * <ol>
 *   <li>create finds the order already stored: same request hash = a retry, go on; another hash =
 *       the idempotency key was reused for another order, a conflict;</li>
 *   <li>StartExecution with the same name and input is a no-op (see {@link ExecutionStarter}).</li>
 * </ol>
 * An order stored but not started (StartExecution failed) stays RECEIVED until the retry starts it.
 */
public final class OrderStarter {

  private final OrderRepository orders;
  private final ExecutionStarter executions;

  public OrderStarter(OrderRepository orders, ExecutionStarter executions) {
    this.orders = orders;
    this.executions = executions;
  }

  /**
   * @param orderId the order's id, execution name and idempotency key
   * @param log the invocation's logger; failures are logged here with their cause
   */
  public StartOutcome start(OrderId orderId, OrderRequest request, JsonLogger log) {
    String requestHash = request.requestHash();
    boolean firstTime;
    try {
      CreateOutcome created = orders.create(new NewOrder(orderId.value(), request.customerId(),
          request.lines().stream().map(line -> new OrderLine(line.sku(), line.quantity())).toList(),
          request.paymentToken(), requestHash));
      switch (created) {
        case CreateOutcome.Created ignored -> firstTime = true;
        case CreateOutcome.AlreadyExists existing -> {
          if (!existing.sameRequest(requestHash)) {
            return new StartOutcome.Conflict(orderId);
          }
          if (existing.order().status() != OrderStatus.RECEIVED) {
            // The first step already moved it: its execution runs or ran; nothing to start.
            return new StartOutcome.Started(orderId, executions.executionArn(orderId), false);
          }
          firstTime = false;
        }
      }
    } catch (RuntimeException e) {
      return failure(orderId, "storing the order failed", e, log);
    }
    try {
      ExecutionStarter.StartedExecution execution = executions.start(orderId, request);
      return new StartOutcome.Started(orderId, execution.executionArn(), firstTime && !execution.alreadyExisted());
    } catch (RuntimeException e) {
      return failure(orderId, "starting the workflow failed", e, log);
    }
  }

  private static StartOutcome failure(OrderId orderId, String what, RuntimeException e, JsonLogger log) {
    String reason = what + ": " + e.getClass().getSimpleName();
    if (Failures.isTransient(e)) {
      log.warn(what + "; the request may be retried", e, Map.of("transient", true));
      return new StartOutcome.Unavailable(orderId, reason);
    }
    log.error(what, e, Map.of("transient", false));
    return new StartOutcome.Failed(orderId, reason);
  }
}
