package dev.fulfillment.tasks.stock;

/** A catalog entry to put into the inventory table: units for sale and the unit price in minor units. */
public record StockItem(String sku, long available, long price, String currency, String name) {
}
