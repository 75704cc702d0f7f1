package dev.fulfillment.tasks.error;

/**
 * A handler received input it cannot act on (missing field, bad format, absurd size). Not retryable:
 * the same input fails the same way. Deliberately neither business nor transient: it signals a bug
 * upstream, not an outcome of the order.
 */
public final class InvalidTaskInputException extends RuntimeException {

  public InvalidTaskInputException(String message) {
    super(message);
  }
}
