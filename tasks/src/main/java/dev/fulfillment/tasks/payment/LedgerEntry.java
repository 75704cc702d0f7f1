package dev.fulfillment.tasks.payment;

import java.time.Instant;

/**
 * The payments table's item for one order (docs/architecture.md).
 *
 * @param orderId the idempotency key of the payment
 * @param chargeId the provider's charge id; null when DECLINED
 * @param declineCode why the charge was declined; null otherwise
 */
public record LedgerEntry(String orderId, PaymentStatus status, long amount, String currency, String chargeId,
    String declineCode, Instant createdAt, Instant refundedAt) {
}
