package dev.fulfillment.api.validation;

/**
 * What is wrong with one field. {@code field} is a path such as {@code lines[2].quantity} ("" for
 * the whole body); {@code message} says what is expected and never repeats the value sent, so an
 * error response or a log line cannot leak a token or a card number.
 */
public record FieldError(String field, String message) {
}
