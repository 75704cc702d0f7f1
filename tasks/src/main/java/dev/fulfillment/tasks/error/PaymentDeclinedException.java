package dev.fulfillment.tasks.error;

/** The payment provider (or our own rules, e.g. a raw card number as token) refused the charge. */
public final class PaymentDeclinedException extends BusinessException {

  private final String declineCode;

  public PaymentDeclinedException(String declineCode, String message) {
    super(message);
    this.declineCode = declineCode;
  }

  /** A short machine-readable reason, e.g. {@code card_declined}. */
  public String declineCode() {
    return declineCode;
  }
}
