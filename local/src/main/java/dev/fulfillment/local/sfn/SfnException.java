package dev.fulfillment.local.sfn;

/**
 * An error of the Step Functions API. {@link #code()} is AWS's error code exactly (for example
 * {@code InvalidDefinition}, {@code ExecutionDoesNotExist}) so the HTTP layer can answer
 * {@code {"__type": "...#<code>"}} without a mapping table.
 */
public final class SfnException extends RuntimeException {
  private final String code;

  public SfnException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
