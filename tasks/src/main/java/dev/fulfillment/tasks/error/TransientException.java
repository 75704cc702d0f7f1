package dev.fulfillment.tasks.error;

/**
 * A failure that may pass on its own (a dependency is briefly unavailable): the workflow retries these
 * with back-off. Every task is idempotent, so a retry never doubles an effect.
 */
public abstract class TransientException extends RuntimeException {

  protected TransientException(String message) {
    super(message);
  }

  protected TransientException(String message, Throwable cause) {
    super(message, cause);
  }
}
