package dev.fulfillment.tasks.domain;

import java.time.Instant;
import java.util.List;

/**
 * An item of the orders table (docs/architecture.md), without the payment token and request hash,
 * which never leave the repository except for the steps that need them.
 *
 * @param lines what was ordered
 * @param pricedLines the same lines with unit prices, empty until stock is reserved
 * @param total sum of the priced lines in minor units, null until stock is reserved
 * @param currency ISO 4217 code of {@code total}, null until stock is reserved
 * @param failureReason why the order failed, null unless FAILED
 */
public record Order(
    String orderId,
    String customerId,
    OrderStatus status,
    List<OrderLine> lines,
    List<PricedLine> pricedLines,
    Long total,
    String currency,
    String failureReason,
    List<HistoryEntry> history,
    Instant createdAt,
    Instant updatedAt) {

  public Order {
    lines = List.copyOf(lines);
    pricedLines = List.copyOf(pricedLines);
    history = List.copyOf(history);
  }
}
