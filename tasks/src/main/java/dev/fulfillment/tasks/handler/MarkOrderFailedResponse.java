package dev.fulfillment.tasks.handler;

import dev.fulfillment.tasks.domain.OrderStatus;

/** Output of MarkOrderFailed: {@code {orderId, status:"FAILED"}}. */
public record MarkOrderFailedResponse(String orderId, OrderStatus status) {
}
