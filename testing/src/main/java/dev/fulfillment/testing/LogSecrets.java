package dev.fulfillment.testing;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds log lines that hold a payment token or a card number (SECURITY.md: neither may reach a log).
 *
 * <p>A card number is told from the other long numbers logs are full of (epoch milliseconds, random file
 * suffixes) the way card networks define one: 13 to 19 digits standing alone, a network's first digit (2 to 6),
 * and a valid Luhn check digit.
 */
public final class LogSecrets {

  private static final Pattern TOKEN = Pattern.compile("tok_[A-Za-z0-9_]+");
  private static final Pattern DIGITS = Pattern.compile("(?<![\\w.-])\\d{13,19}(?![\\w.-])");

  private LogSecrets() {
  }

  /** The lines, at most {@code limit}, that hold a payment token or a card number. */
  public static List<String> leaks(List<String> lines, int limit) {
    return lines.stream().filter(LogSecrets::leaks).limit(limit).toList();
  }

  static boolean leaks(String line) {
    if (TOKEN.matcher(line).find()) {
      return true;
    }
    Matcher digits = DIGITS.matcher(line);
    while (digits.find()) {
      if (isCardNumber(digits.group())) {
        return true;
      }
    }
    return false;
  }

  static boolean isCardNumber(String digits) {
    char first = digits.charAt(0);
    if (first < '2' || first > '6') {
      return false;
    }
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int digit = digits.charAt(i) - '0';
      if (twice) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}
