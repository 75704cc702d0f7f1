package dev.fulfillment.api.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds primary account numbers (card numbers) in free text: 13-19 digits, optionally grouped by
 * spaces or dashes, passing the Luhn check (ISO/IEC 7812). Orders carry a payment token, never a
 * card number; one found anywhere is rejected and never written to a log, a response or a queue.
 * Only whole digit runs of card length are checked: a 30-digit run is not a card, and checking every
 * 16-digit window of it would flag one random run in ten.
 */
public final class CardNumbers {

  private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d)*");

  private CardNumbers() {
  }

  public static boolean containsCardNumber(String text) {
    Matcher run = DIGIT_RUN.matcher(text);
    while (run.find()) {
      if (isCardNumber(digitsOf(run.group()))) {
        return true;
      }
    }
    return false;
  }

  /** The text with every card number's digits but the last four replaced by '*'. */
  public static String mask(String text) {
    Matcher run = DIGIT_RUN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (run.find()) {
      String group = run.group();
      String replacement = group;
      if (isCardNumber(digitsOf(group))) {
        int digitsSeen = 0;
        int total = digitsOf(group).length();
        StringBuilder masked = new StringBuilder(group.length());
        for (char c : group.toCharArray()) {
          if (Character.isDigit(c)) {
            digitsSeen++;
            masked.append(digitsSeen <= total - 4 ? '*' : c);
          } else {
            masked.append(c);
          }
        }
        replacement = masked.toString();
      }
      run.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    run.appendTail(out);
    return out.toString();
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
