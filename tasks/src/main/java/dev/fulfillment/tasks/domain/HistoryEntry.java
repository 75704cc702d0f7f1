package dev.fulfillment.tasks.domain;

import java.time.Instant;

/** One status change of an order; {@code reason} is null unless the change has one (FAILED). */
public record HistoryEntry(OrderStatus status, Instant at, String reason) {
}
