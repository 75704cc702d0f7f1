package dev.fulfillment.tasks.order;

import dev.fulfillment.tasks.domain.Order;
import java.util.Objects;

/** What {@link OrderRepository#create} did: stored the order, or found one under the same key. */
public sealed interface CreateOutcome {

  Order order();

  /** The order was stored now, in RECEIVED. */
  record Created(Order order) implements CreateOutcome {
  }

  /**
   * An order with this id was already stored; {@code requestHash} is the hash it was stored with, so the
   * caller tells "the same request retried" (equal hashes) from "the key reused for another body".
   */
  record AlreadyExists(Order order, String requestHash) implements CreateOutcome {

    public boolean sameRequest(String otherRequestHash) {
      return Objects.equals(requestHash, otherRequestHash);
    }
  }
}
