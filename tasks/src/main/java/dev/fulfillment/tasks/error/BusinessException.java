package dev.fulfillment.tasks.error;

/**
 * An outcome of the business rules (no stock, card declined, order in the wrong state): retrying the
 * same input gives the same answer, so the workflow catches these and compensates instead of retrying.
 *
 * <p>Step Functions sees a Java exception by its fully qualified class name (the Lambda Java runtime
 * reports {@code errorType = getClass().getName()}), so subclass names are part of the contract.
 */
public abstract class BusinessException extends RuntimeException {

  protected BusinessException(String message) {
    super(message);
  }
}
