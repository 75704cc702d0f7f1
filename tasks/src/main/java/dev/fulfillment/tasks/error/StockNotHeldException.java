package dev.fulfillment.tasks.error;

/** Confirming an order found no hold (and no sale) for one of its SKUs: the reservation never happened. */
public final class StockNotHeldException extends BusinessException {

  public StockNotHeldException(String orderId, String sku) {
    super("no stock held for order " + orderId + " and sku " + sku);
  }
}
