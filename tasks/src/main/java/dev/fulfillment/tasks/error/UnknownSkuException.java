package dev.fulfillment.tasks.error;

import java.util.List;

/** An order names a SKU the inventory does not hold at all. */
public final class UnknownSkuException extends BusinessException {

  private final List<String> skus;

  public UnknownSkuException(List<String> skus) {
    super("unknown sku: " + String.join(", ", skus));
    this.skus = List.copyOf(skus);
  }

  public List<String> skus() {
    return skus;
  }
}
