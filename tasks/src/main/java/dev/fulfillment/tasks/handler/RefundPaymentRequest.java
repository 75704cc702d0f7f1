package dev.fulfillment.tasks.handler;

/** Input of RefundPayment (compensation of ChargePayment): {@code {orderId}}, the payment idempotency key. */
public record RefundPaymentRequest(String orderId) {
}
