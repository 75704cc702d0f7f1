package dev.fulfillment.tasks.handler;

import java.util.List;

/** Output of ReleaseStock: the SKUs whose units this call returned to stock (empty on a repeat). */
public record ReleaseStockResponse(String orderId, List<String> released) {
}
