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

  /** 13 or more digits, optionally split by single spaces or dashes: every card number (PAN) and then some. */
  private static final Pattern CARD_LIKE = Pattern.compile("\\d(?:[ -]?\\d){12,}");
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
    String redacted = CARD_LIKE.matcher(text).replaceAll("[REDACTED-PAN]");
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
      case Number number -> CARD_LIKE.matcher(number.toString()).find() ? "[REDACTED-PAN]" : number;
      case Map<?, ?> map -> redactMap(map);
      case Collection<?> collection -> redactAll(collection);
      case Object[] array -> redactAll(Arrays.asList(array));
      default -> redactText(String.valueOf(value));
    };
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
