package dev.fulfillment.tasks.config;

import java.util.Map;

/** The three table names, read from the environment variables the stack sets (docs/architecture.md). */
public record TableNames(String orders, String inventory, String payments) {

  public static final String ORDERS_TABLE = "ORDERS_TABLE";
  public static final String INVENTORY_TABLE = "INVENTORY_TABLE";
  public static final String PAYMENTS_TABLE = "PAYMENTS_TABLE";

  public static TableNames fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** Fails at construction, naming the variable, rather than at the first request with a vague error. */
  public static TableNames fromEnvironment(Map<String, String> environment) {
    return new TableNames(required(environment, ORDERS_TABLE), required(environment, INVENTORY_TABLE),
        required(environment, PAYMENTS_TABLE));
  }

  private static String required(Map<String, String> environment, String name) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is not set");
    }
    return value;
  }
}
