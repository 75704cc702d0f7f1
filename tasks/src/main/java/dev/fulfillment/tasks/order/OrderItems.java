package dev.fulfillment.tasks.order;

import static dev.fulfillment.tasks.dynamodb.Attributes.l;
import static dev.fulfillment.tasks.dynamodb.Attributes.m;
import static dev.fulfillment.tasks.dynamodb.Attributes.n;
import static dev.fulfillment.tasks.dynamodb.Attributes.s;

import dev.fulfillment.tasks.domain.HistoryEntry;
import dev.fulfillment.tasks.domain.Order;
import dev.fulfillment.tasks.domain.OrderLine;
import dev.fulfillment.tasks.domain.OrderStatus;
import dev.fulfillment.tasks.domain.PricedLine;
import dev.fulfillment.tasks.dynamodb.Attributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps orders to items of the orders table (docs/architecture.md) and back. */
final class OrderItems {

  static final String ORDER_ID = "orderId";
  static final String STATUS = "status";
  static final String CUSTOMER_ID = "customerId";
  static final String LINES = "lines";
  static final String TOTAL = "total";
  static final String CURRENCY = "currency";
  static final String PAYMENT_TOKEN = "paymentToken";
  static final String REQUEST_HASH = "requestHash";
  static final String FAILURE_REASON = "failureReason";
  static final String HISTORY = "history";
  static final String CREATED_AT = "createdAt";
  static final String UPDATED_AT = "updatedAt";

  private OrderItems() {
  }

  static Map<String, AttributeValue> newItem(NewOrder order, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(ORDER_ID, s(order.orderId()));
    item.put(STATUS, s(OrderStatus.RECEIVED.name()));
    item.put(CUSTOMER_ID, s(order.customerId()));
    item.put(LINES, l(order.lines().stream().map(line -> m(Map.of("sku", s(line.sku()), "quantity", n(line.quantity()))))
        .toList()));
    item.put(PAYMENT_TOKEN, s(order.paymentToken()));
    item.put(REQUEST_HASH, s(order.requestHash()));
    item.put(HISTORY, l(List.of(historyEntry(OrderStatus.RECEIVED, now, null))));
    item.put(CREATED_AT, s(now.toString()));
    item.put(UPDATED_AT, s(now.toString()));
    return item;
  }

  static AttributeValue pricedLines(List<PricedLine> lines) {
    return l(lines.stream()
        .map(line -> m(Map.of("sku", s(line.sku()), "quantity", n(line.quantity()), "unitPrice", n(line.unitPrice()))))
        .toList());
  }

  static AttributeValue historyEntry(OrderStatus status, Instant at, String reason) {
    Map<String, AttributeValue> entry = new HashMap<>();
    entry.put("status", s(status.name()));
    entry.put("at", s(at.toString()));
    if (reason != null) {
      entry.put("reason", s(reason));
    }
    return m(entry);
  }

  static Order toOrder(Map<String, AttributeValue> item) {
    List<OrderLine> lines = new ArrayList<>();
    List<PricedLine> priced = new ArrayList<>();
    for (AttributeValue value : Attributes.list(item, LINES)) {
      Map<String, AttributeValue> line = value.m();
      String sku = Attributes.string(line, "sku");
      int quantity = Math.toIntExact(Attributes.number(line, "quantity"));
      lines.add(new OrderLine(sku, quantity));
      Long unitPrice = Attributes.number(line, "unitPrice");
      if (unitPrice != null) {
        priced.add(new PricedLine(sku, quantity, unitPrice));
      }
    }
    List<HistoryEntry> history = Attributes.list(item, HISTORY).stream()
        .map(AttributeValue::m)
        .map(entry -> new HistoryEntry(OrderStatus.valueOf(Attributes.string(entry, "status")),
            instant(Attributes.string(entry, "at")), Attributes.string(entry, "reason")))
        .toList();
    return new Order(
        Attributes.string(item, ORDER_ID),
        Attributes.string(item, CUSTOMER_ID),
        OrderStatus.valueOf(Attributes.string(item, STATUS)),
        lines,
        // Priced lines only count once every line carries a price (they are written together).
        priced.size() == lines.size() && !lines.isEmpty() ? priced : List.of(),
        Attributes.number(item, TOTAL),
        Attributes.string(item, CURRENCY),
        Attributes.string(item, FAILURE_REASON),
        history,
        instant(Attributes.string(item, CREATED_AT)),
        instant(Attributes.string(item, UPDATED_AT)));
  }

  private static Instant instant(String value) {
    return value == null ? null : Instant.parse(value);
  }
}
