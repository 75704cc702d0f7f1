package dev.fulfillment.api.intake;

/** How one SQS record ended; only {@link Retry} becomes a batch item failure. */
sealed interface RecordOutcome {

  /** The order's workflow runs (started now or before: a redelivery starts nothing). */
  record Started(String orderId) implements RecordOutcome {
  }

  /** The record can never succeed; it was copied to the DLQ with its reason and leaves the queue. */
  record DeadLettered(String reason) implements RecordOutcome {
  }

  /** Worth another delivery (throttling, a transient fault): reported so SQS makes it visible again. */
  record Retry(String reason) implements RecordOutcome {
  }
}
