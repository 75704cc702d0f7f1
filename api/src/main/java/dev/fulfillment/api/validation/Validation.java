package dev.fulfillment.api.validation;

import java.util.List;

/** Either a value that passed every rule, or every rule it broke (capped, see {@link OrderValidator}). */
public sealed interface Validation<T> {

  record Valid<T>(T value) implements Validation<T> {
  }

  record Invalid<T>(List<FieldError> errors) implements Validation<T> {
    public Invalid {
      errors = List.copyOf(errors);
    }

    /** One line for logs and for the DLQ's failureReason attribute. */
    public String summary() {
      StringBuilder text = new StringBuilder();
      for (FieldError error : errors) {
        if (!text.isEmpty()) {
          text.append("; ");
        }
        text.append(error.field().isEmpty() ? "body" : error.field()).append(": ").append(error.message());
      }
      return text.toString();
    }
  }
}
