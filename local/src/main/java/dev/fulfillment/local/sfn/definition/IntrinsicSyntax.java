package dev.fulfillment.local.sfn.definition;

/**
 * Just enough syntax checking of an intrinsic call for definition validation (evaluation is the query
 * package's job): {@code States.Name(args)} with balanced parentheses, and in single-quoted string literals only
 * the escapes the ASL spec allows ({@code \' \{ \} \\}).
 */
final class IntrinsicSyntax {
  private IntrinsicSyntax() {}

  static boolean isWellFormed(String call) {
    if (!call.startsWith("States.")) {
      return false;
    }
    int depth = 0;
    boolean inString = false;
    boolean sawParen = false;
    for (int i = 0; i < call.length(); i++) {
      char c = call.charAt(i);
      if (inString) {
        if (c == '\\') {
          if (i + 1 >= call.length() || "'{}\\".indexOf(call.charAt(i + 1)) < 0) {
            return false;
          }
          i++;
        } else if (c == '\'') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '\'' -> inString = true;
        case '(' -> {
          depth++;
          sawParen = true;
        }
        case ')' -> {
          depth--;
          if (depth < 0) {
            return false;
          }
        }
        default -> { }
      }
    }
    return sawParen && depth == 0 && !inString && call.endsWith(")");
  }
}
