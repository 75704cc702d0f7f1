package dev.fulfillment.tasks.logging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps secrets and personal data out of logs, twice over: by the name of a field (whatever its value)
 * and by the shape of a value (whatever its field), because a card number pasted into a free-text
 * field has an innocent key.
 */
public final class Redaction {

  public static final String REDACTED = "[REDACTED]";

  /** Card-like runs have at least this many digits: every card number (PAN) and then some. */
  private static final int CARD_MIN_DIGITS = 13;
  /**
   * Free text is cut to this length before it is scanned: a log line needs no more, and it bounds the time
   * the patterns below take on hostile input (a long run without '@' makes the e-mail pattern quadratic).
   */
  static final int MAX_TEXT = 4096;
  private static final Pattern PAYMENT_TOKEN = Pattern.compile("\\btok_[A-Za-z0-9_]*");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");
  /** International phone numbers (E.164 and its usual spellings); national ones have no shape to tell them. */
  private static final Pattern PHONE = Pattern.compile("\\+\\d[\\d ().-]{6,}\\d");

  /** Key fragments that mark a secret or personal field wherever they appear in the key. */
  private static final List<String> SENSITIVE_FRAGMENTS = List.of(
      "token", "card", "cvv", "cvc", "email", "address", "phone", "password", "secret", "authorization", "iban");
  /** Keys that are personal names; "name" alone is too common a suffix (tableName) to match by fragment. */
  private static final Set<String> NAME_KEYS = Set.of("name", "pan", "ssn", "birthdate", "dateofbirth");
  private static final List<String> NAME_SUFFIXES = List.of(
      "firstname", "lastname", "fullname", "givenname", "familyname", "surname", "customername", "holdername");

  private Redaction() {
  }

  /** Whether a field with this key must never be printed, e.g. {@code paymentToken}, {@code email}, {@code last_name}. */
  public static boolean isSensitiveKey(String key) {
    String normal = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (NAME_KEYS.contains(normal)) {
      return true;
    }
    for (String fragment : SENSITIVE_FRAGMENTS) {
      if (normal.contains(fragment)) {
        return true;
      }
    }
    for (String suffix : NAME_SUFFIXES) {
      if (normal.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  /** Free text with card-like digit runs, payment tokens, e-mail addresses and phone numbers masked. */
  public static String redactText(String text) {
    if (text == null) {
      return null;
    }
    String bounded = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "...[TRUNCATED]" : text;
    String redacted = maskCardLike(bounded);
    redacted = PAYMENT_TOKEN.matcher(redacted).replaceAll("[REDACTED-TOKEN]");
    redacted = EMAIL.matcher(redacted).replaceAll("[REDACTED-EMAIL]");
    return PHONE.matcher(redacted).replaceAll("[REDACTED-PHONE]");
  }

  /** A value fit to print under {@code key}: masked entirely for sensitive keys, scanned otherwise. */
  public static Object redact(String key, Object value) {
    if (value == null) {
      return null;
    }
    if (key != null && isSensitiveKey(key)) {
      return REDACTED;
    }
    return switch (value) {
      case Boolean bool -> bool;
      case Number number -> maskCardLike(number.toString()).equals(number.toString()) ? number : "[REDACTED-PAN]";
      case Map<?, ?> map -> redactMap(map);
      case Collection<?> collection -> redactAll(collection);
      case Object[] array -> redactAll(Arrays.asList(array));
      default -> redactText(String.valueOf(value));
    };
  }

  /**
   * Masks every run of 13 or more digits in which single spaces or dashes may separate digits. A scan, not
   * a regular expression: Java's regex engine recurses once per repetition of a group such as
   * {@code (?:[ -]?\\d)}, so a few thousand digits overflowed the stack.
   */
  static String maskCardLike(String text) {
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < text.length()) {
      if (!isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      int digits = 0;
      int end = i;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (isDigit(c)) {
          digits++;
          i++;
          end = i;
        } else if ((c == ' ' || c == '-') && i + 1 < text.length() && isDigit(text.charAt(i + 1))) {
          i++;
        } else {
          break;
        }
      }
      if (digits >= CARD_MIN_DIGITS) {
        if (out == null) {
          out = new StringBuilder(text.length());
        }
        out.append(text, copied, start).append("[REDACTED-PAN]");
        copied = end;
      }
      i = Math.max(i, end);
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, text.length()).toString();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static Map<String, Object> redactMap(Map<?, ?> map) {
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach((key, value) -> result.put(String.valueOf(key), redact(String.valueOf(key), value)));
    return result;
  }

  private static List<Object> redactAll(Collection<?> values) {
    List<Object> result = new ArrayList<>(values.size());
    for (Object value : values) {
      result.add(redact(null, value));
    }
    return result;
  }
}
