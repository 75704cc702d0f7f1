package dev.fulfillment.tasks.domain;

/**
 * A reserved line with the unit price taken from the inventory item (never from the client), in minor
 * units of the order's currency.
 */
public record PricedLine(String sku, int quantity, long unitPrice) {

  /** quantity x unitPrice; throws ArithmeticException instead of wrapping around. */
  public long lineTotal() {
    return Math.multiplyExact(unitPrice, (long) quantity);
  }

  public OrderLine line() {
    return new OrderLine(sku, quantity);
  }
}
