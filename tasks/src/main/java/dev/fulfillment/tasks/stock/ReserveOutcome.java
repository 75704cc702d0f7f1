package dev.fulfillment.tasks.stock;

/** What reserving one line did. */
public sealed interface ReserveOutcome {

  String sku();

  /** Units are held for the order (now, or already by an earlier run with the same order id). */
  record Reserved(String sku, int quantity, long unitPrice, String currency) implements ReserveOutcome {
  }

  /** A hold was taken but the item has no price or currency: not for sale. The caller must release it. */
  record Unpriced(String sku) implements ReserveOutcome {
  }

  /** Fewer units are free than the line asks for; nothing was taken. */
  record Short(String sku) implements ReserveOutcome {
  }

  /** The inventory has no such SKU; nothing was taken. */
  record Unknown(String sku) implements ReserveOutcome {
  }
}
