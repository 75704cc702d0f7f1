package dev.fulfillment.tasks.payment;

/** Status of a ledger item: CHARGED may become REFUNDED; DECLINED and REFUNDED are final. */
public enum PaymentStatus {
  CHARGED,
  DECLINED,
  REFUNDED
}
