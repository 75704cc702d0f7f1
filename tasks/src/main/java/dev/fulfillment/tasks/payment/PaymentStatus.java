package dev.fulfillment.tasks.payment;

/**
 * Status of a ledger item: CHARGED may become REFUNDED; DECLINED, REFUNDED and VOIDED are final.
 *
 * <p>VOIDED is written by a refund that found nothing charged. Step Functions does not cancel a Lambda
 * invocation when a task times out, so a ChargePayment that timed out may still finish after the saga has
 * refunded "nothing" and failed the order; the void makes that late charge undo itself instead of standing.
 */
public enum PaymentStatus {
  CHARGED,
  DECLINED,
  REFUNDED,
  VOIDED
}
