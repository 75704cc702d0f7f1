package dev.fulfillment.api.config;

import java.util.Map;

/**
 * The api functions' settings, all from environment variables the stack sets.
 *
 * @param ordersTable {@code ORDERS_TABLE}
 * @param stateMachineArn {@code STATE_MACHINE_ARN}
 * @param dlqUrl {@code DLQ_URL}: where the SQS intake puts records that can never succeed; may be
 *     null for the HTTP function, which does not use it
 * @param maxBodyBytes {@code MAX_BODY_BYTES}, default 32 KiB: the largest order body accepted
 */
public record ApiConfig(String ordersTable, String stateMachineArn, String dlqUrl, int maxBodyBytes) {

  public static final int DEFAULT_MAX_BODY_BYTES = 32 * 1024;

  public static ApiConfig fromEnvironment(Map<String, String> environment) {
    return new ApiConfig(
        required(environment, "ORDERS_TABLE"),
        required(environment, "STATE_MACHINE_ARN"),
        blankToNull(environment.get("DLQ_URL")),
        maxBodyBytes(environment.get("MAX_BODY_BYTES")));
  }

  private static String required(Map<String, String> environment, String name) {
    String value = blankToNull(environment.get(name));
    if (value == null) {
      throw new IllegalStateException("environment variable " + name + " is not set");
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static int maxBodyBytes(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_MAX_BODY_BYTES;
    }
    try {
      int bytes = Integer.parseInt(value.trim());
      if (bytes <= 0) {
        throw new IllegalStateException("MAX_BODY_BYTES must be positive, not " + value);
      }
      return bytes;
    } catch (NumberFormatException e) {
      throw new IllegalStateException("MAX_BODY_BYTES must be a whole number of bytes, not " + value, e);
    }
  }
}
