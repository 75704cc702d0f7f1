package dev.fulfillment.local.sfn.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A Choice rule: a JSONPath comparison, a boolean combination, or a JSONata Condition. */
public sealed interface ChoiceRule {
  /**
   * {@code Variable} compared with {@code operator} (for example StringEquals, NumericLessThanPath, IsPresent).
   * For the *Path operators {@code value} holds the path text.
   */
  record Comparison(String variable, String operator, JsonNode value) implements ChoiceRule {}

  record And(List<ChoiceRule> rules) implements ChoiceRule {}

  record Or(List<ChoiceRule> rules) implements ChoiceRule {}

  record Not(ChoiceRule rule) implements ChoiceRule {}

  /** JSONata: {@code condition} is an expression or a literal boolean. */
  record Condition(JsonNode condition) implements ChoiceRule {}
}
