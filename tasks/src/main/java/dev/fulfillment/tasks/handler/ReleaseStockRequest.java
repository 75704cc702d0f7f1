package dev.fulfillment.tasks.handler;

import dev.fulfillment.tasks.domain.OrderLine;
import java.util.List;

/** Input of ReleaseStock (compensation of ReserveStock and ConfirmOrder): {@code {orderId, lines:[{sku, quantity}]}}. */
public record ReleaseStockRequest(String orderId, List<OrderLine> lines) {
}
