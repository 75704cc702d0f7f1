package dev.fulfillment.api.validation;

/**
 * Finds primary account numbers (card numbers) in free text: 13-19 digits, optionally grouped by
 * spaces or dashes, passing the Luhn check (ISO/IEC 7812). Orders carry a payment token, never a
 * card number; one found anywhere is rejected and never written to a log, a response or a queue.
 * Only whole digit runs of card length are checked: a 30-digit run is not a card, and checking every
 * 16-digit window of it would flag one random run in ten.
 *
 * <p>Runs are found by a plain scan, not a regular expression: {@code \d(?:[ -]?\d)*} recurses once
 * per digit in {@code java.util.regex} and overflows the stack on a run of about two thousand digits,
 * which a 2 KiB request body can carry.
 */
public final class CardNumbers {

  /** Why an idempotency key holding a card number is refused (it would become the order id). */
  public static final String KEY_MESSAGE =
      "looks like a payment card number; an idempotency key becomes the order id, use a random one";

  private CardNumbers() {
  }

  public static boolean containsCardNumber(String text) {
    for (int start = runStart(text, 0); start >= 0; start = runStart(text, runEnd(text, start))) {
      if (isCardNumber(digitsOf(text.substring(start, runEnd(text, start))))) {
        return true;
      }
    }
    return false;
  }

  /** The text with every card number's digits but the last four replaced by '*'. */
  public static String mask(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (int start = runStart(text, 0); start >= 0; start = runStart(text, runEnd(text, start))) {
      int end = runEnd(text, start);
      String group = text.substring(start, end);
      if (!isCardNumber(digitsOf(group))) {
        continue;
      }
      out.append(text, copied, start);
      int total = digitsOf(group).length();
      int digitsSeen = 0;
      for (char c : group.toCharArray()) {
        if (isDigit(c)) {
          digitsSeen++;
          out.append(digitsSeen <= total - 4 ? '*' : c);
        } else {
          out.append(c);
        }
      }
      copied = end;
    }
    return out.append(text, copied, text.length()).toString();
  }

  /** Where the next run of digits starts at or after {@code from}, or -1. */
  private static int runStart(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (isDigit(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Where the run starting at {@code start} ends: digits, each pair optionally split by one space or dash. */
  private static int runEnd(String text, int start) {
    int end = start + 1;
    while (true) {
      if (end < text.length() && isDigit(text.charAt(end))) {
        end++;
      } else if (end + 1 < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '-')
          && isDigit(text.charAt(end + 1))) {
        end += 2;
      } else {
        return end;
      }
    }
  }

  /** ASCII digits only, as {@code \d} means without UNICODE_CHARACTER_CLASS. */
  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String digitsOf(String group) {
    return group.replace(" ", "").replace("-", "");
  }

  static boolean isCardNumber(String digits) {
    if (digits.length() < 13 || digits.length() > 19) {
      return false;
    }
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int digit = digits.charAt(i) - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }
}
