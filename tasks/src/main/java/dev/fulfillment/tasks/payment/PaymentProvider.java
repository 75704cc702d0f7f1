package dev.fulfillment.tasks.payment;

/**
 * The port to a card payment provider. Implementations must be idempotent on the key, like the
 * providers' own idempotency keys: a repeated charge with the same key returns the first charge.
 */
public interface PaymentProvider {

  /**
   * Charges {@code amount} minor units of {@code currency} to the tokenised card.
   *
   * @param idempotencyKey the order id: at most one charge per key, whatever the number of calls
   * @throws dev.fulfillment.tasks.error.PaymentDeclinedException when the charge is refused
   * @throws dev.fulfillment.tasks.error.PaymentProviderUnavailableException when it may succeed later
   */
  ProviderCharge charge(String idempotencyKey, String paymentToken, long amount, String currency);

  /**
   * Refunds a charge in full.
   *
   * @param idempotencyKey the order id the charge was made with: at most one refund per key
   * @throws dev.fulfillment.tasks.error.PaymentProviderUnavailableException when it may succeed later
   */
  void refund(String idempotencyKey, String chargeId, long amount, String currency);
}
