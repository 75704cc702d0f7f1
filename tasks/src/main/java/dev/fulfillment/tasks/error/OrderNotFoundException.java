package dev.fulfillment.tasks.error;

/** A task was asked to work on an order the orders table does not hold. */
public final class OrderNotFoundException extends BusinessException {

  public OrderNotFoundException(String orderId) {
    super("order not found: " + orderId);
  }
}
