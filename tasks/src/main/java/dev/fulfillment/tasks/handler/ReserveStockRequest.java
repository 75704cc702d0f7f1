package dev.fulfillment.tasks.handler;

import dev.fulfillment.tasks.domain.OrderLine;
import java.util.List;

/** Input of ReserveStock: {@code {orderId, lines:[{sku, quantity}]}}; the order id is the idempotency key. */
public record ReserveStockRequest(String orderId, List<OrderLine> lines) {
}
