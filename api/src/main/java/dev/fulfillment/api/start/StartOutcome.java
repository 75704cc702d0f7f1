package dev.fulfillment.api.start;

import dev.fulfillment.api.order.OrderId;

/** How the shared start path ended for one order; each handler maps it to its own answer. */
public sealed interface StartOutcome {

  OrderId orderId();

  /**
   * The workflow runs (or ran) for this order.
   *
   * @param firstTime false when this was a retry of a request already accepted
   */
  record Started(OrderId orderId, String executionArn, boolean firstTime) implements StartOutcome {
  }

  /** The id (idempotency key) is taken by an order with a different body: never a second order. */
  record Conflict(OrderId orderId) implements StartOutcome {
  }

  /** Throttling or a transient fault; the same request may be retried safely. */
  record Unavailable(OrderId orderId, String reason) implements StartOutcome {
  }

  /** A fault a retry will not fix by itself (misconfiguration, a bug); details are in the logs. */
  record Failed(OrderId orderId, String reason) implements StartOutcome {
  }
}
