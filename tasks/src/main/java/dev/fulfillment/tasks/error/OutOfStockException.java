package dev.fulfillment.tasks.error;

import java.util.List;

/** One or more lines of an order could not be reserved; names every short SKU. */
public final class OutOfStockException extends BusinessException {

  private final List<String> skus;

  public OutOfStockException(List<String> skus) {
    super("out of stock: " + String.join(", ", skus));
    this.skus = List.copyOf(skus);
  }

  /** The SKUs that were short, in the order of the order's lines. */
  public List<String> skus() {
    return skus;
  }
}
