package dev.fulfillment.local.sfn.definition;

/** The two ASL query languages; a state inherits the machine's unless it sets its own. */
public enum QueryLanguage {
  JSONPATH, JSONATA;

  static QueryLanguage parse(String text) {
    return switch (text) {
      case "JSONPath" -> JSONPATH;
      case "JSONata" -> JSONATA;
      default -> null;
    };
  }
}
