package dev.fulfillment.tasks.error;

/** The payment provider failed to process the request; retrying with the same idempotency key is safe. */
public final class PaymentProviderUnavailableException extends TransientException {

  public PaymentProviderUnavailableException(String message) {
    super(message);
  }

  public PaymentProviderUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
