package dev.fulfillment.tasks.handler;

import dev.fulfillment.tasks.domain.PricedLine;
import java.util.List;

/** Output of ReserveStock: the lines priced from the inventory, their total in minor units and the currency. */
public record ReserveStockResponse(String orderId, List<PricedLine> lines, long total, String currency) {
}
