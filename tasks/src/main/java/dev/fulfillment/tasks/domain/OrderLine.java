package dev.fulfillment.tasks.domain;

/** One line of an order as the customer asked for it: which SKU and how many. */
public record OrderLine(String sku, int quantity) {
}
