package dev.fulfillment.api.order;

/** One line as the client asked for it: no price, prices come from the inventory table. */
public record RequestedLine(String sku, int quantity) {
}
