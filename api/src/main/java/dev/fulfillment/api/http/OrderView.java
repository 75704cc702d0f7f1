package dev.fulfillment.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.api.json.Json;
import dev.fulfillment.tasks.domain.HistoryEntry;
import dev.fulfillment.tasks.domain.Order;
import dev.fulfillment.tasks.domain.OrderLine;
import dev.fulfillment.tasks.domain.PricedLine;

/**
 * What {@code GET /orders/{orderId}} shows: status, lines (with unit prices once reserved), total,
 * history. The payment token and the request hash never leave the repository (the domain record does
 * not carry them), and nothing personal is added here.
 */
final class OrderView {

  private OrderView() {
  }

  static ObjectNode of(Order order) {
    ObjectNode view = Json.mapper().createObjectNode();
    view.put("orderId", order.orderId());
    view.put("status", order.status().name());
    view.put("customerId", order.customerId());
    ArrayNode lines = view.putArray("lines");
    if (!order.pricedLines().isEmpty()) {
      for (PricedLine line : order.pricedLines()) {
        lines.addObject().put("sku", line.sku()).put("quantity", line.quantity()).put("unitPrice", line.unitPrice());
      }
    } else {
      for (OrderLine line : order.lines()) {
        lines.addObject().put("sku", line.sku()).put("quantity", line.quantity());
      }
    }
    if (order.total() != null) {
      view.put("total", order.total());
    }
    if (order.currency() != null) {
      view.put("currency", order.currency());
    }
    if (order.failureReason() != null) {
      view.put("failureReason", order.failureReason());
    }
    ArrayNode history = view.putArray("history");
    for (HistoryEntry entry : order.history()) {
      ObjectNode item = history.addObject().put("status", entry.status().name());
      item.put("at", entry.at() == null ? null : entry.at().toString());
      if (entry.reason() != null) {
        item.put("reason", entry.reason());
      }
    }
    if (order.createdAt() != null) {
      view.put("createdAt", order.createdAt().toString());
    }
    if (order.updatedAt() != null) {
      view.put("updatedAt", order.updatedAt().toString());
    }
    return view;
  }
}
