package dev.fulfillment.tasks.handler;

/** Output of RefundPayment: {@code refunded} is false when nothing was ever charged; amount in minor units. */
public record RefundPaymentResponse(String orderId, boolean refunded, long amount) {
}
