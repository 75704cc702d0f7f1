package dev.fulfillment.api.order;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.api.json.CanonicalJson;
import dev.fulfillment.api.json.Json;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A validated order body. Lines are kept sorted by SKU (SKUs are unique within an order), so the
 * same order sent with its lines in another order is the same request, not an idempotency conflict.
 *
 * @param shippingAddress null when the client sent none
 * @param email null when the client sent none
 */
public record OrderRequest(String customerId, List<RequestedLine> lines, String paymentToken,
                           Map<String, String> shippingAddress, String email) {

  public OrderRequest {
    lines = lines.stream().sorted(Comparator.comparing(RequestedLine::sku)).toList();
    shippingAddress = shippingAddress == null ? null : Collections.unmodifiableMap(new TreeMap<>(shippingAddress));
  }

  /**
   * SHA-256 of the canonical body, stored with the order: a second request under the same
   * idempotency key is a retry only when this hash matches.
   */
  public String requestHash() {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("customerId", customerId);
    body.set("lines", linesJson());
    body.put("paymentToken", paymentToken);
    if (shippingAddress != null) {
      ObjectNode address = body.putObject("shippingAddress");
      shippingAddress.forEach(address::put);
    }
    if (email != null) {
      body.put("email", email);
    }
    return CanonicalJson.sha256(body);
  }

  /** Lines as {@code [{"quantity":n,"sku":"..."}]} in SKU order. */
  public ArrayNode linesJson() {
    ArrayNode array = Json.mapper().createArrayNode();
    lines.forEach(line -> array.addObject().put("quantity", line.quantity()).put("sku", line.sku()));
    return array;
  }

  /** Never prints the payment token, the address or the e-mail: records end up in logs. */
  @Override
  public String toString() {
    return "OrderRequest[customerId=" + customerId + ", lines=" + lines + ", paymentToken=***"
        + ", shippingAddress=" + (shippingAddress == null ? "none" : "***")
        + ", email=" + (email == null ? "none" : "***") + "]";
  }
}
