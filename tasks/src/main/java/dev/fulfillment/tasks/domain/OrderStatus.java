package dev.fulfillment.tasks.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is. Status only moves forward: RECEIVED -> RESERVED -> PAID -> CONFIRMED, and any
 * non-terminal status may move to FAILED. CONFIRMED and FAILED are terminal.
 */
public enum OrderStatus {
  RECEIVED,
  RESERVED,
  PAID,
  CONFIRMED,
  FAILED;

  /** The statuses this one may move to next. */
  public Set<OrderStatus> next() {
    return switch (this) {
      case RECEIVED -> EnumSet.of(RESERVED, FAILED);
      case RESERVED -> EnumSet.of(PAID, FAILED);
      case PAID -> EnumSet.of(CONFIRMED, FAILED);
      case CONFIRMED, FAILED -> EnumSet.noneOf(OrderStatus.class);
    };
  }

  public boolean canMoveTo(OrderStatus to) {
    return next().contains(to);
  }

  public boolean isTerminal() {
    return next().isEmpty();
  }

  /** The statuses from which {@code to} may be reached in one step. */
  public static Set<OrderStatus> sourcesOf(OrderStatus to) {
    Set<OrderStatus> sources = EnumSet.noneOf(OrderStatus.class);
    for (OrderStatus status : values()) {
      if (status.canMoveTo(to)) {
        sources.add(status);
      }
    }
    return sources;
  }
}
