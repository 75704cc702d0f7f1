package dev.fulfillment.tasks.payment;

/** An approved charge as the provider identifies it. */
public record ProviderCharge(String chargeId) {
}
