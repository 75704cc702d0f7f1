package dev.fulfillment.local.sfn.definition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Fields every state may carry. JSON-valued fields stay Jackson trees (null when absent). {@code resultPath}
 * follows the ASL rule that an absent ResultPath means "$" and an explicit null discards the result, so the
 * parser stores "$" for absent and null for JSON null. {@code next} is null for terminal states.
 */
public record Common(String name, String type, QueryLanguage queryLanguage, String next, boolean end,
                     String inputPath, String outputPath, JsonNode parameters, JsonNode resultSelector,
                     String resultPath, JsonNode arguments, JsonNode output, JsonNode assign) {

  public boolean jsonata() {
    return queryLanguage == QueryLanguage.JSONATA;
  }
}
