package dev.fulfillment.api.order;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An order id, which is also the Step Functions execution name. Execution names may be 1-80
 * characters and must avoid whitespace, brackets, wildcards and most punctuation (StartExecution
 * API reference); this project narrows that to {@code [0-9A-Za-z_-]} so a name is safe everywhere
 * (ARNs, URLs, log queries). "ord_" + a key of at most 64 characters stays within 80.
 */
public record OrderId(String value) {

  public static final String PREFIX = "ord_";
  private static final Pattern KEY = Pattern.compile("[0-9A-Za-z_-]{1,64}");
  private static final Pattern ID = Pattern.compile("ord_[0-9A-Za-z_-]{1,64}");

  public OrderId {
    if (value == null || !ID.matcher(value).matches()) {
      throw new IllegalArgumentException("not an order id");
    }
  }

  /** Whether a client-chosen idempotency key has the allowed form (1-64 of {@code [0-9A-Za-z_-]}). */
  public static boolean isValidKey(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  /** Whether a path segment is shaped like an order id (anything else cannot exist). */
  public static boolean isValid(String value) {
    return value != null && ID.matcher(value).matches();
  }

  /**
   * The order id for a client's idempotency key.
   *
   * @param idempotencyKey the client's key; the same key always gives the same order
   */
  public static OrderId fromIdempotencyKey(String idempotencyKey) {
    if (!isValidKey(idempotencyKey)) {
      throw new IllegalArgumentException("idempotency key must be 1-64 characters of [0-9A-Za-z_-]");
    }
    return new OrderId(PREFIX + idempotencyKey);
  }

  /** A fresh id for a request without an idempotency key (such a request is not retry-safe). */
  public static OrderId generate() {
    return new OrderId(PREFIX + UUID.randomUUID().toString().replace("-", ""));
  }

  /**
   * The id for an SQS message without an idempotency key: derived from the SQS message id, which
   * stays the same when SQS delivers the message again, so a redelivery maps to the same order.
   *
   * @param messageId the SQS message id (the idempotency key of a keyless message)
   */
  public static OrderId fromSqsMessageId(String messageId) {
    String key = "sqs-" + messageId;
    if (!isValidKey(key)) {
      // SQS message ids are UUIDs; anything else is hashed into the allowed alphabet, still deterministic.
      key = "sqs-" + UUID.nameUUIDFromBytes(String.valueOf(messageId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .toString();
    }
    return new OrderId(PREFIX + key);
  }

  @Override
  public String toString() {
    return value;
  }
}
