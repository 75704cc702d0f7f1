package dev.fulfillment.api.validation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fulfillment.api.json.Json;
import dev.fulfillment.api.order.OrderRequest;
import dev.fulfillment.api.order.RequestedLine;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one set of order rules, shared by the HTTP API and the SQS intake.
 *
 * <p>Unknown fields are rejected, not ignored: a client sending {@code price} or {@code total} must
 * learn that prices come from the inventory table rather than believe its price was used. Optional
 * fields sent as {@code null} count as absent. Messages describe what is expected and never repeat
 * what was sent.
 */
public final class OrderValidator {

  public static final int MAX_LINES = 50;
  public static final int MAX_QUANTITY = 1000;
  /** At most this many errors are reported: enough to fix a request, bounded for hostile ones. */
  public static final int MAX_ERRORS = 20;

  private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final Pattern SKU = Pattern.compile("[A-Z0-9-]{1,40}");
  private static final Pattern PAYMENT_TOKEN = Pattern.compile("tok_[A-Za-z0-9_]{1,64}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cc}]{1,64}@[^@\\s\\p{Cc}]+\\.[^@\\s\\p{Cc}]+");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{0,15}");
  /** Field names are echoed in errors only when they look like field names. */
  private static final Pattern PRINTABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,40}");
  /** Control characters and the bidirectional overrides that make text display as something else. */
  private static final Pattern UNSAFE_TEXT = Pattern.compile("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]");

  private static final Set<String> ORDER_FIELDS = Set.of("customerId", "lines", "paymentToken", "shippingAddress", "email");
  private static final Set<String> LINE_FIELDS = Set.of("sku", "quantity");
  private static final Set<String> ADDRESS_FIELDS = Set.of("name", "line1", "line2", "city", "region", "postalCode", "country");
  private static final Set<String> REQUIRED_ADDRESS_FIELDS = Set.of("line1", "city", "postalCode", "country");
  private static final Set<String> PRICE_FIELDS = Set.of("price", "unitPrice", "total", "amount", "currency", "discount");
  private static final int MAX_ADDRESS_FIELD_LENGTH = 200;
  private static final int MAX_EMAIL_LENGTH = 254;

  /** Parses a body as one JSON value, reporting where it is malformed without quoting it. */
  public Validation<JsonNode> parse(byte[] body) {
    if (body.length == 0) {
      return invalid("", "the body is empty; send a JSON order object");
    }
    String text;
    try {
      // Decoded here, strictly, rather than by Jackson: given bytes, Jackson detects UTF-16 and UTF-32
      // and would accept an order in them, though JSON between systems is UTF-8 (RFC 8259 section 8.1).
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return invalid("", "the body is not valid UTF-8");
    }
    if (text.startsWith("\uFEFF")) {
      // A UTF-8 byte order mark may be ignored (RFC 8259 section 8.1), as Jackson did for bytes.
      text = text.substring(1);
    }
    try {
      JsonNode root = Json.mapper().readTree(text);
      if (root == null || root.isMissingNode()) {
        return invalid("", "the body is empty; send a JSON order object");
      }
      return new Validation.Valid<>(root);
    } catch (StreamConstraintsException e) {
      return invalid("", "the JSON is nested deeper than " + Json.MAX_NESTING_DEPTH
          + " levels or holds a number longer than 64 digits");
    } catch (JsonProcessingException e) {
      // Jackson's own message quotes the offending token, which may be a card number: never pass it on.
      JsonLocation where = e.getLocation();
      String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
      return invalid("", "the body is not valid JSON (UTF-8, one value, no duplicate keys)" + at);
    } catch (IOException e) {
      return invalid("", "the body could not be read as JSON");
    }
  }

  /** Parses and validates a body. */
  public Validation<OrderRequest> validate(byte[] body) {
    return switch (parse(body)) {
      case Validation.Valid<JsonNode> parsed -> validate(parsed.value());
      case Validation.Invalid<JsonNode> invalid -> new Validation.Invalid<>(invalid.errors());
    };
  }

  /** Validates a parsed body. */
  public Validation<OrderRequest> validate(JsonNode root) {
    Errors errors = new Errors();
    findCardNumbers(root, "", errors);
    if (!root.isObject()) {
      errors.add("", "the body must be a JSON object with customerId, lines and paymentToken");
      return errors.result(null);
    }
    rejectUnknownFields(root, ORDER_FIELDS, "", errors);
    String customerId = requiredText(root, "customerId", CUSTOMER_ID,
        "must be 1-64 characters of A-Z a-z 0-9 _ . : -", errors);
    List<RequestedLine> lines = lines(root.get("lines"), errors);
    String paymentToken = requiredText(root, "paymentToken", PAYMENT_TOKEN,
        "must be a payment token: tok_ followed by 1-64 of A-Z a-z 0-9 _", errors);
    Map<String, String> address = shippingAddress(root.get("shippingAddress"), errors);
    String email = email(root.get("email"), errors);
    return errors.result(errors.isEmpty() ? new OrderRequest(customerId, lines, paymentToken, address, email) : null);
  }

  private static String requiredText(JsonNode parent, String field, Pattern pattern, String expected, Errors errors) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      errors.add(field, "is required; " + expected);
      return null;
    }
    if (!value.isTextual()) {
      errors.add(field, "must be a string; " + expected);
      return null;
    }
    if (!pattern.matcher(value.textValue()).matches()) {
      errors.add(field, expected);
      return null;
    }
    return value.textValue();
  }

  private static List<RequestedLine> lines(JsonNode value, Errors errors) {
    if (value == null || value.isNull()) {
      errors.add("lines", "is required; a list of 1-" + MAX_LINES + " {sku, quantity} objects");
      return List.of();
    }
    if (!value.isArray()) {
      errors.add("lines", "must be a list of 1-" + MAX_LINES + " {sku, quantity} objects");
      return List.of();
    }
    if (value.isEmpty()) {
      errors.add("lines", "must hold at least one line");
      return List.of();
    }
    if (value.size() > MAX_LINES) {
      errors.add("lines", "must hold at most " + MAX_LINES + " lines, not " + value.size());
      return List.of();
    }
    List<RequestedLine> lines = new ArrayList<>();
    Map<String, Integer> firstIndexOfSku = new HashMap<>();
    for (int i = 0; i < value.size(); i++) {
      String path = "lines[" + i + "]";
      JsonNode line = value.get(i);
      if (!line.isObject()) {
        errors.add(path, "must be an object {sku, quantity}");
        continue;
      }
      rejectUnknownFields(line, LINE_FIELDS, path + ".", errors);
      String sku = requiredText(line, "sku", SKU, "must be 1-40 characters of A-Z 0-9 -", errors.under(path + "."));
      Integer quantity = quantity(line.get("quantity"), path + ".quantity", errors);
      if (sku != null) {
        Integer earlier = firstIndexOfSku.putIfAbsent(sku, i);
        if (earlier != null) {
          errors.add(path + ".sku", "duplicates the SKU of lines[" + earlier + "]; put the whole quantity on one line");
          continue;
        }
      }
      if (sku != null && quantity != null) {
        lines.add(new RequestedLine(sku, quantity));
      }
    }
    return lines;
  }

  private static Integer quantity(JsonNode value, String path, Errors errors) {
    String expected = "must be a whole number from 1 to " + MAX_QUANTITY;
    if (value == null || value.isNull()) {
      errors.add(path, "is required; " + expected);
      return null;
    }
    if (!value.isNumber()) {
      errors.add(path, "must be a number, not " + kind(value) + "; " + expected);
      return null;
    }
    if (!value.isIntegralNumber()) {
      errors.add(path, expected);
      return null;
    }
    BigInteger number = value.bigIntegerValue();
    if (number.signum() <= 0 || number.compareTo(BigInteger.valueOf(MAX_QUANTITY)) > 0) {
      errors.add(path, expected);
      return null;
    }
    return number.intValue();
  }

  private static Map<String, String> shippingAddress(JsonNode value, Errors errors) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      errors.add("shippingAddress", "must be an object with line1, city, postalCode, country (and optionally name, line2, region)");
      return null;
    }
    rejectUnknownFields(value, ADDRESS_FIELDS, "shippingAddress.", errors);
    Map<String, String> address = new LinkedHashMap<>();
    for (String field : ADDRESS_FIELDS) {
      String path = "shippingAddress." + field;
      JsonNode part = value.get(field);
      if (part == null || part.isNull()) {
        if (REQUIRED_ADDRESS_FIELDS.contains(field)) {
          errors.add(path, "is required in a shipping address");
        }
        continue;
      }
      if (!part.isTextual()) {
        errors.add(path, "must be a string");
        continue;
      }
      String text = part.textValue();
      if (text.isBlank() || text.length() > MAX_ADDRESS_FIELD_LENGTH) {
        errors.add(path, "must be 1-" + MAX_ADDRESS_FIELD_LENGTH + " characters");
      } else if (UNSAFE_TEXT.matcher(text).find()) {
        errors.add(path, "must not contain control characters");
      } else if (field.equals("country") && !COUNTRY.matcher(text).matches()) {
        errors.add(path, "must be a two-letter ISO 3166 country code such as DE");
      } else if (field.equals("postalCode") && !POSTAL_CODE.matcher(text).matches()) {
        errors.add(path, "must be 1-16 characters of letters, digits, spaces and dashes");
      } else {
        address.put(field, text);
      }
    }
    return address;
  }

  private static String email(JsonNode value, Errors errors) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      errors.add("email", "must be a string holding an e-mail address");
      return null;
    }
    String text = value.textValue();
    if (text.length() > MAX_EMAIL_LENGTH || UNSAFE_TEXT.matcher(text).find() || !EMAIL.matcher(text).matches()) {
      errors.add("email", "must be an e-mail address of at most " + MAX_EMAIL_LENGTH + " characters");
      return null;
    }
    return text;
  }

  private static void rejectUnknownFields(JsonNode object, Set<String> known, String prefix, Errors errors) {
    for (String name : (Iterable<String>) object::fieldNames) {
      if (known.contains(name)) {
        continue;
      }
      // A name of digits only is printable, and may be a card number: that one is never echoed.
      String shown = PRINTABLE_NAME.matcher(name).matches() && !CardNumbers.containsCardNumber(name)
          ? name : "(unnamed field)";
      if (PRICE_FIELDS.contains(name)) {
        errors.add(prefix + shown, "is not accepted: prices and totals come from the inventory, not from the client");
      } else {
        errors.add(prefix + shown, "is not a known field");
      }
    }
  }

  /** Every string, number and field name in the body is checked, wherever it is. */
  private static void findCardNumbers(JsonNode node, String path, Errors errors) {
    if (node.isTextual() || node.isNumber()) {
      if (CardNumbers.containsCardNumber(node.asText())) {
        errors.add(path, "looks like a payment card number; never send card numbers, send a paymentToken");
      }
      return;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        findCardNumbers(node.get(i), path + "[" + i + "]", errors);
      }
      return;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      String shown = PRINTABLE_NAME.matcher(name).matches() && !CardNumbers.containsCardNumber(name) ? name : "(unnamed field)";
      String child = path.isEmpty() ? shown : path + "." + shown;
      if (CardNumbers.containsCardNumber(name)) {
        errors.add(child, "has a field name that looks like a payment card number");
      }
      findCardNumbers(field.getValue(), child, errors);
    }
  }

  private static String kind(JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING -> "a string";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      default -> "null";
    };
  }

  private static <T> Validation<T> invalid(String field, String message) {
    return new Validation.Invalid<>(List.of(new FieldError(field, message)));
  }

  /** Collects errors up to {@link #MAX_ERRORS}; {@link #under} prefixes field paths. */
  private static final class Errors {
    private final List<FieldError> list;
    private final String prefix;

    Errors() {
      this(new ArrayList<>(), "");
    }

    private Errors(List<FieldError> list, String prefix) {
      this.list = list;
      this.prefix = prefix;
    }

    Errors under(String childPrefix) {
      return new Errors(list, prefix + childPrefix);
    }

    void add(String field, String message) {
      if (list.size() < MAX_ERRORS) {
        list.add(new FieldError(prefix + field, message));
      }
    }

    boolean isEmpty() {
      return list.isEmpty();
    }

    <T> Validation<T> result(T value) {
      return list.isEmpty() ? new Validation.Valid<>(value) : new Validation.Invalid<>(list);
    }
  }
}
