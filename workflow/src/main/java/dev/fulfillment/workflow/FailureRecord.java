package dev.fulfillment.workflow;

/**
 * JSONata that turns a caught error into a small record {@code {state, error, reason}} kept in a variable, so the
 * compensation steps and the final Fail state can say what went wrong without carrying the whole error output.
 */
final class FailureRecord {

  private FailureRecord() {
  }

  /**
   * The record for an error caught on {@code stateName}.
   *
   * <p>{@code reason} is the exception message when there is one: a Lambda function error's Cause is the JSON the
   * runtime reports ({@code {"errorMessage", "errorType", "stackTrace"}}), which {@code $parse} reads ({@code $parse}
   * is Step Functions' replacement for JSONata's {@code $eval}). Other causes (a States.Timeout, a Lambda service
   * error) are plain text and used as they are; with no usable text the error name stands in, so {@code reason} is
   * always a string.
   */
  static String capture(String stateName) {
    return "{% ("
        // Some errors carry no Cause (a States.Timeout raised by the engine, a Lambda service error): $substring
        // rejects a null or missing argument, so only a string Cause is read.
        + " $cause := $type($states.errorOutput.Cause) = 'string' ? $states.errorOutput.Cause : '';"
        + " $message := $substring($cause, 0, 1) = '{' ? $parse($cause).errorMessage : $cause;"
        + " {"
        + " 'state': '" + stateName + "',"
        + " 'error': $states.errorOutput.Error,"
        + " 'reason': $type($message) = 'string' and $message != '' ? $message : $states.errorOutput.Error"
        + " }"
        + " ) %}";
  }
}
