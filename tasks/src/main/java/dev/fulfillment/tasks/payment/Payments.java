package dev.fulfillment.tasks.payment;

import dev.fulfillment.tasks.error.InvalidOrderTransitionException;
import dev.fulfillment.tasks.error.PaymentDeclinedException;
import java.time.Clock;
import java.util.Optional;

/**
 * Charging and refunding an order exactly once: the ledger item per order records the first outcome,
 * and the provider is called with the order id as idempotency key, so a crash between the provider call
 * and the ledger write is repaired by the retry (the provider returns the same charge).
 */
public final class Payments {

  /** What a refund did; {@code refunded} false means nothing had been charged. */
  public record Refund(boolean refunded, long amount) {
  }

  private final PaymentLedger ledger;
  private final PaymentProvider provider;
  private final Clock clock;

  public Payments(PaymentLedger ledger, PaymentProvider provider, Clock clock) {
    this.ledger = ledger;
    this.provider = provider;
    this.clock = clock;
  }

  /**
   * Charges the order once.
   *
   * @param orderId the idempotency key: charging twice returns the first charge
   * @throws PaymentDeclinedException when declined now or by an earlier run (the decline is recorded)
   */
  public LedgerEntry charge(String orderId, String paymentToken, long amount, String currency) {
    Optional<LedgerEntry> earlier = ledger.find(orderId);
    if (earlier.isPresent()) {
      return repeat(earlier.get());
    }
    try {
      ProviderCharge charge = provider.charge(orderId, paymentToken, amount, currency);
      LedgerEntry stored = ledger.record(new LedgerEntry(orderId, PaymentStatus.CHARGED, amount, currency,
          charge.chargeId(), null, clock.instant(), null));
      if (stored.status() == PaymentStatus.VOIDED) {
        // A refund voided this order while the provider was charging it: the charge is too late to stand.
        provider.refund(orderId, charge.chargeId(), amount, currency);
      }
      return repeat(stored);
    } catch (PaymentDeclinedException declined) {
      ledger.record(new LedgerEntry(orderId, PaymentStatus.DECLINED, amount, currency, null,
          declined.declineCode(), clock.instant(), null));
      throw declined;
    }
  }

  /** An earlier outcome, replayed: the charge itself, the same decline, or the void. */
  private static LedgerEntry repeat(LedgerEntry entry) {
    if (entry.status() == PaymentStatus.VOIDED) {
      throw new InvalidOrderTransitionException("the payment of order " + entry.orderId()
          + " was voided by its refund; it is not charged");
    }
    if (entry.status() == PaymentStatus.DECLINED) {
      throw new PaymentDeclinedException(entry.declineCode(), "the payment of this order was declined ("
          + entry.declineCode() + ")");
    }
    return entry;
  }

  /**
   * Refunds the order's charge once; a no-op when nothing was charged.
   *
   * @param orderId the idempotency key: refunding twice refunds once and answers the same
   */
  public Refund refund(String orderId) {
    // Nothing charged yet: void the ledger so that a charge still under way cannot stand (see VOIDED). The
    // conditional write decides the race: if the charge was recorded first, it is refunded below.
    LedgerEntry charged = ledger.find(orderId).orElseGet(() -> ledger.record(
        new LedgerEntry(orderId, PaymentStatus.VOIDED, 0, null, null, null, clock.instant(), null)));
    if (charged.status() == PaymentStatus.DECLINED || charged.status() == PaymentStatus.VOIDED) {
      return new Refund(false, 0);
    }
    if (charged.status() == PaymentStatus.CHARGED) {
      provider.refund(orderId, charged.chargeId(), charged.amount(), charged.currency());
      charged = ledger.markRefunded(orderId);
    }
    return new Refund(true, charged.amount());
  }
}
