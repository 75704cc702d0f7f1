package dev.fulfillment.tasks.stock;

import java.util.Map;

/** An inventory item as stored: free units, units held per order, units sold per order. */
public record StockLevel(String sku, long available, Long price, String currency, Map<String, Long> holds,
    Map<String, Long> sold) {

  public StockLevel {
    holds = Map.copyOf(holds);
    sold = Map.copyOf(sold);
  }

  public long held() {
    return holds.values().stream().mapToLong(Long::longValue).sum();
  }

  public long soldUnits() {
    return sold.values().stream().mapToLong(Long::longValue).sum();
  }

  /** available + held + sold: constant for a SKU whatever reservations, confirmations and releases did. */
  public long accountedUnits() {
    return available + held() + soldUnits();
  }
}
