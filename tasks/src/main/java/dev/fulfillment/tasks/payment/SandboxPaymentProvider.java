package dev.fulfillment.tasks.payment;

import dev.fulfillment.tasks.error.PaymentDeclinedException;
import dev.fulfillment.tasks.error.PaymentProviderUnavailableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A payment provider that moves no money and decides by the token, in the spirit of card networks' test
 * tokens: {@code tok_visa} and {@code tok_mastercard} approve, {@code tok_chargeDeclined} (and its
 * {@code ...InsufficientFunds} / {@code ...ExpiredCard} variants) decline, {@code tok_processingError}
 * fails transiently. Anything else is declined as an invalid token; a raw card number is declined without
 * being stored, logged or echoed.
 *
 * <p>Idempotent on the key across instances: the charge id is derived from the key, so a Lambda that
 * crashed after charging and retries on another instance gets the same charge id back.
 */
public final class SandboxPaymentProvider implements PaymentProvider {

  private record Charge(String chargeId, long amount, String currency) {
  }

  private final Map<String, Charge> charges = new ConcurrentHashMap<>();

  @Override
  public ProviderCharge charge(String idempotencyKey, String paymentToken, long amount, String currency) {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    if (CardNumbers.looksLikeCardNumber(paymentToken)) {
      throw new PaymentDeclinedException("raw_card_number", "a raw card number was given instead of a payment token");
    }
    if (paymentToken == null || paymentToken.isBlank()) {
      throw new PaymentDeclinedException("missing_token", "the order has no payment token");
    }
    switch (paymentToken) {
      case "tok_visa", "tok_mastercard" -> {
        // approved below
      }
      case "tok_chargeDeclined" -> throw new PaymentDeclinedException("card_declined", "the card was declined");
      case "tok_chargeDeclinedInsufficientFunds" ->
          throw new PaymentDeclinedException("insufficient_funds", "the card has insufficient funds");
      case "tok_chargeDeclinedExpiredCard" -> throw new PaymentDeclinedException("expired_card", "the card has expired");
      case "tok_processingError" ->
          throw new PaymentProviderUnavailableException("the payment provider could not process the charge");
      default -> throw new PaymentDeclinedException("invalid_token", "the payment token is not recognised");
    }
    Charge charge = charges.computeIfAbsent(idempotencyKey,
        key -> new Charge(chargeIdFor(key), amount, currency));
    if (charge.amount() != amount || !charge.currency().equals(currency)) {
      // Providers refuse a reused idempotency key with different parameters rather than charge twice.
      throw new PaymentDeclinedException("idempotency_key_reused",
          "this order was already charged a different amount");
    }
    return new ProviderCharge(charge.chargeId());
  }

  @Override
  public void refund(String idempotencyKey, String chargeId, long amount, String currency) {
    if (!chargeIdFor(idempotencyKey).equals(chargeId)) {
      throw new IllegalArgumentException("charge " + chargeId + " was not made with this idempotency key");
    }
    // Nothing to move in the sandbox; refunding twice is as harmless as refunding once.
  }

  static String chargeIdFor(String idempotencyKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
      return "ch_sandbox_" + HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
