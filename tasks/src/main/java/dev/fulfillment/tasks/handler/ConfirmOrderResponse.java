package dev.fulfillment.tasks.handler;

import dev.fulfillment.tasks.domain.OrderStatus;

/** Output of ConfirmOrder: {@code {orderId, status:"CONFIRMED"}}. */
public record ConfirmOrderResponse(String orderId, OrderStatus status) {
}
