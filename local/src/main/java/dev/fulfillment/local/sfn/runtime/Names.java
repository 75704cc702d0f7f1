package dev.fulfillment.local.sfn.runtime;

import dev.fulfillment.local.sfn.SfnException;

/**
 * Name rules of the Step Functions API (CreateStateMachine / StartExecution "name"): 1-80 characters, none of
 * whitespace, brackets {@code < > { } [ ]}, wildcards {@code ? *}, special characters
 * {@code " # % \ ^ | ~ ` $ & , ; : /}, or control characters.
 */
final class Names {
  private static final String FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";

  private Names() {}

  static void check(String name, String what) {
    boolean valid = name != null && !name.isEmpty() && name.length() <= 80;
    if (valid) {
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (Character.isWhitespace(c) || Character.isISOControl(c) || FORBIDDEN.indexOf(c) >= 0) {
          valid = false;
          break;
        }
      }
    }
    if (!valid) {
      throw new SfnException("InvalidName", "Invalid Name: '" + name + "'");
    }
  }
}
