package dev.fulfillment.tasks.order;

import dev.fulfillment.tasks.domain.Order;
import dev.fulfillment.tasks.domain.OrderStatus;
import dev.fulfillment.tasks.domain.PricedLine;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The orders table. Every write is one conditional single-item write. */
public interface OrderRepository {

  /** Stores a RECEIVED order unless one with the same id exists (never overwrites). */
  CreateOutcome create(NewOrder order);

  /** Reads strongly consistently: a step must see the write of the step before it. */
  Optional<Order> find(String orderId);

  /** The payment token stored with the order; only ChargePayment needs it. */
  Optional<String> findPaymentToken(String orderId);

  /**
   * Moves the order from one of {@code from} to {@code to}, guarded by a condition expression, and
   * appends to its history. Idempotent: when the order is already in {@code to} nothing changes and the
   * stored order is returned.
   *
   * @throws dev.fulfillment.tasks.error.OrderNotFoundException when there is no such order
   * @throws dev.fulfillment.tasks.error.InvalidOrderTransitionException when the order is elsewhere
   */
  Order transition(String orderId, Set<OrderStatus> from, OrderStatus to, String reason);

  /** RECEIVED -> RESERVED, storing the priced lines, total and currency in the same conditional write. */
  Order markReserved(String orderId, List<PricedLine> lines, long total, String currency);
}
