package dev.fulfillment.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fulfillment.api.order.OrderId;
import dev.fulfillment.tasks.domain.Order;
import dev.fulfillment.tasks.logging.JsonLogger;
import dev.fulfillment.tasks.order.OrderRepository;
import java.util.Map;
import java.util.Optional;

/** {@code GET /orders/{orderId}}. */
final class OrderLookup {

  private final OrderRepository orders;

  OrderLookup(OrderRepository orders) {
    this.orders = orders;
  }

  APIGatewayV2HTTPResponse find(String orderId, String requestId, JsonLogger log) {
    // An id of another shape cannot exist; answering 404 without a read also keeps junk out of DynamoDB calls.
    if (!OrderId.isValid(orderId)) {
      return notFound(requestId);
    }
    JsonLogger orderLog = log.withOrderId(orderId);
    Optional<Order> order = orders.find(orderId);
    if (order.isEmpty()) {
      orderLog.info("order not found", Map.of("status", 404));
      return notFound(requestId);
    }
    return Responses.json(200, OrderView.of(order.get()), Map.of());
  }

  private static APIGatewayV2HTTPResponse notFound(String requestId) {
    return Responses.error(404, "OrderNotFound",
        "no such order; order ids look like ord_ followed by 1-64 of 0-9 A-Z a-z _ -", requestId);
  }
}
