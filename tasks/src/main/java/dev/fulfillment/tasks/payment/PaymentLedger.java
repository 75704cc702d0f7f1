package dev.fulfillment.tasks.payment;

import java.util.Optional;

/** The payments table: one item per order, keyed by the order id (the payment idempotency key). */
public interface PaymentLedger {

  Optional<LedgerEntry> find(String orderId);

  /**
   * Records the outcome of the first charge attempt; never overwrites.
   *
   * @return the entry now stored: {@code entry}, or the one an earlier run recorded
   */
  LedgerEntry record(LedgerEntry entry);

  /**
   * CHARGED -> REFUNDED, once.
   *
   * @return the stored entry after the call (REFUNDED, now or earlier)
   */
  LedgerEntry markRefunded(String orderId);
}
