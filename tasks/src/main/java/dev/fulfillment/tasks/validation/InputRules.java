package dev.fulfillment.tasks.validation;

import dev.fulfillment.tasks.domain.OrderLine;
import dev.fulfillment.tasks.error.InvalidTaskInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape rules every task input obeys; the api validates orders with the same rules, so an order it
 * accepts never fails here. Each failure says which field and why, and never echoes long input back.
 */
public final class InputRules {

  /** An order id is also the execution name: 1-80 of {@code [0-9A-Za-z_-]} (StartExecution's name rule). */
  public static final Pattern ORDER_ID = Pattern.compile("[0-9A-Za-z_-]{1,80}");
  public static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  /** ISO 4217 alphabetic code. */
  public static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  public static final int MAX_LINES = 100;
  public static final int MAX_QUANTITY = 10_000;
  /** Far above any real order, far below overflow of a long total. */
  public static final long MAX_AMOUNT = 1_000_000_000_00L;

  private InputRules() {
  }

  public static String orderId(String orderId) {
    if (orderId == null || orderId.isEmpty()) {
      throw new InvalidTaskInputException("orderId is required");
    }
    if (!ORDER_ID.matcher(orderId).matches()) {
      throw new InvalidTaskInputException("orderId must be 1-80 characters of [0-9A-Za-z_-], got " + shown(orderId));
    }
    return orderId;
  }

  /** 1..MAX_LINES lines, each a valid SKU with 1..MAX_QUANTITY units, no SKU twice (holds are per order and SKU). */
  public static List<OrderLine> lines(List<OrderLine> lines) {
    if (lines == null || lines.isEmpty()) {
      throw new InvalidTaskInputException("lines must hold at least one line");
    }
    if (lines.size() > MAX_LINES) {
      throw new InvalidTaskInputException("lines may hold at most " + MAX_LINES + " lines, got " + lines.size());
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      OrderLine line = lines.get(i);
      if (line == null) {
        throw new InvalidTaskInputException("lines[" + i + "] is null");
      }
      if (line.sku() == null || !SKU.matcher(line.sku()).matches()) {
        throw new InvalidTaskInputException("lines[" + i + "].sku must be 1-64 characters of [A-Za-z0-9._-], got "
            + shown(line.sku()));
      }
      if (line.quantity() <= 0 || line.quantity() > MAX_QUANTITY) {
        throw new InvalidTaskInputException("lines[" + i + "].quantity must be between 1 and " + MAX_QUANTITY
            + ", got " + line.quantity());
      }
      if (!seen.add(line.sku())) {
        throw new InvalidTaskInputException("lines[" + i + "].sku " + line.sku() + " appears twice; merge the lines");
      }
    }
    return List.copyOf(lines);
  }

  public static long amount(Long amount) {
    if (amount == null) {
      throw new InvalidTaskInputException("amount is required");
    }
    if (amount <= 0 || amount > MAX_AMOUNT) {
      throw new InvalidTaskInputException("amount must be between 1 and " + MAX_AMOUNT + " minor units, got " + amount);
    }
    return amount;
  }

  public static String currency(String currency) {
    if (currency == null || !CURRENCY.matcher(currency).matches()) {
      throw new InvalidTaskInputException("currency must be an ISO 4217 code like EUR, got " + shown(currency));
    }
    return currency;
  }

  public static <T> T present(T value, String field) {
    if (value == null) {
      throw new InvalidTaskInputException(field + " is required");
    }
    return value;
  }

  /** Input quoted in an error message: bounded, and JSON-ish quoted so control characters stay visible. */
  static String shown(String value) {
    if (value == null) {
      return "null";
    }
    String bounded = value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + " chars)" : value;
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : bounded.toCharArray()) {
      if (c < 0x20 || c == '"' || c == '\\') {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
