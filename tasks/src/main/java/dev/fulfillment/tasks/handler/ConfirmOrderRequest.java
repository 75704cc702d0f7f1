package dev.fulfillment.tasks.handler;

import dev.fulfillment.tasks.domain.OrderLine;
import java.util.List;

/** Input of ConfirmOrder: {@code {orderId, lines:[{sku, quantity}]}}. */
public record ConfirmOrderRequest(String orderId, List<OrderLine> lines) {
}
