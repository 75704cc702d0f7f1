package dev.fulfillment.tasks.handler;

/**
 * Input of ChargePayment: {@code {orderId, amount, currency}}. The order id is the payment idempotency
 * key; the payment token is read from the order item, never passed through the workflow.
 */
public record ChargePaymentRequest(String orderId, Long amount, String currency) {
}
