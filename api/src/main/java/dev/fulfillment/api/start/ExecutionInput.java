package dev.fulfillment.api.start;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.api.json.CanonicalJson;
import dev.fulfillment.api.json.Json;
import dev.fulfillment.api.order.OrderId;
import dev.fulfillment.api.order.OrderRequest;

/**
 * The workflow's input (docs/architecture.md): {@code {"customerId","lines":[{"quantity","sku"}],"orderId"}}
 * as canonical JSON. The payment token is left out on purpose: Step Functions keeps the input in the
 * execution history and in its logs; ChargePayment reads the token from the order item instead.
 */
public final class ExecutionInput {

  private ExecutionInput() {
  }

  public static String of(OrderId orderId, OrderRequest request) {
    ObjectNode input = Json.mapper().createObjectNode();
    input.put("customerId", request.customerId());
    input.set("lines", request.linesJson());
    input.put("orderId", orderId.value());
    return CanonicalJson.write(input);
  }
}
