package dev.fulfillment.local.sfn.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulfillment.local.sfn.definition.ChoiceRule;
import dev.fulfillment.local.sfn.definition.ChoiceRule.And;
import dev.fulfillment.local.sfn.definition.ChoiceRule.Comparison;
import dev.fulfillment.local.sfn.definition.ChoiceRule.Condition;
import dev.fulfillment.local.sfn.definition.ChoiceRule.Not;
import dev.fulfillment.local.sfn.definition.ChoiceRule.Or;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Evaluates Choice rules (ASL "Choice Rules"). A comparison whose operand has the wrong type is simply false;
 * only IsPresent may look at a missing Variable, every other operator fails on it with States.Runtime.
 */
final class ChoiceEvaluator {
  private final DataFlow flow;

  ChoiceEvaluator(DataFlow flow) {
    this.flow = flow;
  }

  boolean matches(StateRun run, ChoiceRule rule, JsonNode input) {
    return switch (rule) {
      case And and -> and.rules().stream().allMatch(r -> matches(run, r, input));
      case Or or -> or.rules().stream().anyMatch(r -> matches(run, r, input));
      case Not not -> !matches(run, not.rule(), input);
      case Condition condition -> condition(run, condition);
      case Comparison comparison -> compare(run, comparison, input);
    };
  }

  private boolean condition(StateRun run, Condition condition) {
    JsonNode value = flow.jsonataValue(run, condition.condition(), "Condition");
    if (value == null || !value.isBoolean()) {
      throw new StateFailure(new Failure(Failure.QUERY_EVALUATION_ERROR, run.causePrefix()
          + "The Condition field must evaluate to a boolean value, but it evaluated to " + Json.text(value) + "."),
          "Condition");
    }
    return value.booleanValue();
  }

  private boolean compare(StateRun run, Comparison c, JsonNode input) {
    String op = c.operator();
    if (op.equals("IsPresent")) {
      boolean present;
      try {
        present = flow.read(run, c.variable(), input, "Variable") != null;
      } catch (StateFailure missing) {
        present = false;
      }
      return present == c.value().asBoolean();
    }
    JsonNode variable = flow.read(run, c.variable(), input, "Variable");
    if (op.startsWith("Is")) {
      boolean is = switch (op) {
        case "IsNull" -> variable.isNull();
        case "IsNumeric" -> variable.isNumber();
        case "IsString" -> variable.isTextual();
        case "IsBoolean" -> variable.isBoolean();
        case "IsTimestamp" -> variable.isTextual() && timestamp(variable.asText()) != null;
        default -> throw new IllegalStateException(op);
      };
      return is == c.value().asBoolean();
    }
    boolean byPath = op.endsWith("Path");
    String base = byPath ? op.substring(0, op.length() - 4) : op;
    JsonNode expected = byPath ? flow.read(run, c.value().asText(), input, base + "Path") : c.value();
    if (base.startsWith("String")) {
      if (!variable.isTextual() || !expected.isTextual()) {
        return false;
      }
      if (base.equals("StringMatches")) {
        return wildcard(variable.asText(), expected.asText());
      }
      return ordered(base.substring("String".length()), variable.asText().compareTo(expected.asText()));
    }
    if (base.startsWith("Numeric")) {
      if (!variable.isNumber() || !expected.isNumber()) {
        return false;
      }
      return ordered(base.substring("Numeric".length()), variable.decimalValue().compareTo(expected.decimalValue()));
    }
    if (base.equals("BooleanEquals")) {
      return variable.isBoolean() && expected.isBoolean() && variable.booleanValue() == expected.booleanValue();
    }
    if (base.startsWith("Timestamp")) {
      OffsetDateTime left = variable.isTextual() ? timestamp(variable.asText()) : null;
      OffsetDateTime right = expected.isTextual() ? timestamp(expected.asText()) : null;
      if (left == null || right == null) {
        return false;
      }
      return ordered(base.substring("Timestamp".length()), left.toInstant().compareTo(right.toInstant()));
    }
    throw new IllegalStateException("unknown operator " + op);
  }

  private static boolean ordered(String relation, int cmp) {
    return switch (relation) {
      case "Equals" -> cmp == 0;
      case "LessThan" -> cmp < 0;
      case "GreaterThan" -> cmp > 0;
      case "LessThanEquals" -> cmp <= 0;
      case "GreaterThanEquals" -> cmp >= 0;
      default -> throw new IllegalStateException(relation);
    };
  }

  private static OffsetDateTime timestamp(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** StringMatches: '*' matches any run of characters; "\*" and "\\" are a literal star and backslash. */
  static boolean wildcard(String text, String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      if (ch == '\\' && i + 1 < pattern.length()) {
        regex.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (ch == '*') {
        regex.append(".*");
      } else {
        regex.append(java.util.regex.Pattern.quote(String.valueOf(ch)));
      }
    }
    return text.matches(regex.toString());
  }
}
