package dev.fulfillment.tasks.order;

import dev.fulfillment.tasks.domain.OrderLine;
import java.util.List;

/**
 * An order as it comes in, before any step ran.
 *
 * @param orderId the idempotency key of the whole order: the item key, the execution name and the
 *     payment idempotency key
 * @param paymentToken a provider token ({@code tok_...}); never a raw card number
 * @param requestHash a digest of the request body, so a retry of the same request can be told from a
 *     different request reusing the key
 */
public record NewOrder(String orderId, String customerId, List<OrderLine> lines, String paymentToken, String requestHash) {

  public NewOrder {
    lines = List.copyOf(lines);
  }

  /** The token must not appear in logs or exception messages, so records print it redacted. */
  @Override
  public String toString() {
    return "NewOrder[orderId=" + orderId + ", customerId=" + customerId + ", lines=" + lines
        + ", paymentToken=<redacted>, requestHash=" + requestHash + "]";
  }
}
