package dev.fulfillment.tasks.handler;

/** Output of ChargePayment; {@code status} is the ledger status, {@code CHARGED}. */
public record ChargePaymentResponse(String orderId, String chargeId, long amount, String currency, String status) {
}
