package dev.fulfillment.tasks.stock;

import java.util.Optional;

/**
 * The inventory table: one item per SKU with {@code available} units and per-order {@code holds} and
 * {@code sold} maps. Every method is one conditional single-item write (plus reads), idempotent per order.
 */
public interface InventoryRepository {

  /**
   * Holds {@code quantity} units of {@code sku} for the order.
   *
   * @param orderId the idempotency key: a second call for the same order and SKU holds nothing more
   */
  ReserveOutcome reserve(String orderId, String sku, int quantity);

  /**
   * Returns everything the order holds or bought of {@code sku} to {@code available}.
   *
   * @param orderId the idempotency key: a second call returns nothing more
   * @return the units returned, 0 when the order had none
   */
  long release(String orderId, String sku);

  /** Turns the order's hold on {@code sku} into sold units. */
  ConfirmOutcome confirm(String orderId, String sku);

  /** Puts (or replaces) a catalog item with empty holds and sold maps; for seeding and tests. */
  void put(StockItem item);

  Optional<StockLevel> find(String sku);
}
