package dev.fulfillment.tasks.error;

/**
 * The order is not in a state the step may move it from (e.g. confirming a FAILED order, failing a
 * CONFIRMED one). Status only moves forward: RECEIVED -> RESERVED -> PAID -> CONFIRMED, or to FAILED.
 */
public final class InvalidOrderTransitionException extends BusinessException {

  public InvalidOrderTransitionException(String message) {
    super(message);
  }
}
