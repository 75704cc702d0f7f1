package dev.fulfillment.tasks.stock;

/** What confirming one SKU of an order did. */
public enum ConfirmOutcome {
  /** The hold became sold units now. */
  SOLD,
  /** An earlier run already turned the hold into sold units. */
  ALREADY_SOLD,
  /** The order holds nothing of this SKU: it was never reserved, or was released. */
  NOTHING_HELD
}
