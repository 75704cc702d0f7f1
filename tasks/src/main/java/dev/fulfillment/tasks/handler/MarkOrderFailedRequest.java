package dev.fulfillment.tasks.handler;

/** Input of MarkOrderFailed: {@code {orderId, reason, error}}; error is the Step Functions error name. */
public record MarkOrderFailedRequest(String orderId, String reason, String error) {
}
