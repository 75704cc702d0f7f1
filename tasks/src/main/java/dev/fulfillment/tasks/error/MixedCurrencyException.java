package dev.fulfillment.tasks.error;

import java.util.Set;

/** The lines of one order are priced in more than one currency; an order is charged in exactly one. */
public final class MixedCurrencyException extends BusinessException {

  public MixedCurrencyException(Set<String> currencies) {
    super("an order must be priced in one currency, found: " + String.join(", ", currencies.stream().sorted().toList()));
  }
}
