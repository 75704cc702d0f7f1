package dev.fulfillment.tasks.stock;

import dev.fulfillment.tasks.domain.PricedLine;
import java.util.List;

/** All lines of an order held and priced from the inventory: total in minor units of one currency. */
public record PricedOrder(List<PricedLine> lines, long total, String currency) {

  public PricedOrder {
    lines = List.copyOf(lines);
  }
}
