package dev.fulfillment.tasks.payment;

import java.util.regex.Pattern;

/**
 * Recognises raw card numbers (PANs) where a provider token belongs. We only ever accept tokens: a PAN
 * must be rejected before it is stored or logged anywhere (the point of tokenisation under PCI DSS).
 */
public final class CardNumbers {

  /** Only digits, spaces and dashes, starting and ending with a digit: how people type a card number. */
  private static final Pattern DIGITS_SPACES_DASHES = Pattern.compile("\\d[\\d -]*\\d");

  private CardNumbers() {
  }

  /** True for 12-19 digits, with any spaces or dashes between them, e.g. {@code 4242 4242 4242 4242}. */
  public static boolean looksLikeCardNumber(String value) {
    if (value == null) {
      return false;
    }
    String trimmed = value.strip();
    if (!DIGITS_SPACES_DASHES.matcher(trimmed).matches()) {
      return false;
    }
    long digits = trimmed.chars().filter(Character::isDigit).count();
    return digits >= 12 && digits <= 19;
  }
}
