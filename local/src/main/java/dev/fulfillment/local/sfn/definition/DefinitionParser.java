package dev.fulfillment.local.sfn.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.fulfillment.local.sfn.SfnException;
import dev.fulfillment.local.sfn.definition.ChoiceRule.And;
import dev.fulfillment.local.sfn.definition.ChoiceRule.Comparison;
import dev.fulfillment.local.sfn.definition.ChoiceRule.Condition;
import dev.fulfillment.local.sfn.definition.ChoiceRule.Not;
import dev.fulfillment.local.sfn.definition.ChoiceRule.Or;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses ASL JSON into {@link StateMachineDefinition} and validates it once, at create time. Problems are
 * collected and reported together the way CreateStateMachine does:
 * {@code Invalid State Machine Definition: 'CODE: message at /States/X/Field'}.
 */
public final class DefinitionParser {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** Every comparison operator of the ASL Choice state (JSONPath), with and without the Path suffix. */
  static final Set<String> OPERATORS = Set.of(
      "StringEquals", "StringEqualsPath", "StringLessThan", "StringLessThanPath", "StringGreaterThan",
      "StringGreaterThanPath", "StringLessThanEquals", "StringLessThanEqualsPath", "StringGreaterThanEquals",
      "StringGreaterThanEqualsPath", "StringMatches", "NumericEquals", "NumericEqualsPath", "NumericLessThan",
      "NumericLessThanPath", "NumericGreaterThan", "NumericGreaterThanPath", "NumericLessThanEquals",
      "NumericLessThanEqualsPath", "NumericGreaterThanEquals", "NumericGreaterThanEqualsPath", "BooleanEquals",
      "BooleanEqualsPath", "TimestampEquals", "TimestampEqualsPath", "TimestampLessThan", "TimestampLessThanPath",
      "TimestampGreaterThan", "TimestampGreaterThanPath", "TimestampLessThanEquals", "TimestampLessThanEqualsPath",
      "TimestampGreaterThanEquals", "TimestampGreaterThanEqualsPath", "IsNull", "IsPresent", "IsNumeric", "IsString",
      "IsBoolean", "IsTimestamp");

  private static final Set<String> TYPES = Set.of("Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");

  private final List<String> problems = new ArrayList<>();

  private DefinitionParser() {}

  /** Parses and validates; throws SfnException InvalidDefinition naming every problem found. */
  public static StateMachineDefinition parse(String definition) {
    DefinitionParser parser = new DefinitionParser();
    StateMachineDefinition parsed = parser.parseText(definition);
    if (!parser.problems.isEmpty()) {
      throw new SfnException("InvalidDefinition",
          "Invalid State Machine Definition: '" + String.join(", ", parser.problems) + "'");
    }
    return parsed;
  }

  /** The problems as "CODE: message at location" strings, empty when the definition is valid. */
  public static List<String> problems(String definition) {
    DefinitionParser parser = new DefinitionParser();
    parser.parseText(definition);
    return List.copyOf(parser.problems);
  }

  private StateMachineDefinition parseText(String definition) {
    JsonNode root;
    try {
      root = definition == null ? null : JSON.readTree(definition);
    } catch (JsonProcessingException e) {
      problems.add("INVALID_JSON_DESCRIPTION: " + e.getOriginalMessage());
      return null;
    }
    if (root == null || !root.isObject()) {
      problems.add("INVALID_JSON_DESCRIPTION: the definition must be a JSON object");
      return null;
    }
    QueryLanguage language = QueryLanguage.JSONPATH;
    if (root.has("QueryLanguage")) {
      language = QueryLanguage.parse(root.get("QueryLanguage").asText());
      if (language == null) {
        problem("SCHEMA_VALIDATION_FAILED", "Value is not a valid enum value", "/QueryLanguage");
        language = QueryLanguage.JSONPATH;
      }
    }
    Integer timeout = null;
    if (root.has("TimeoutSeconds")) {
      timeout = positiveInt(root.get("TimeoutSeconds"), "/TimeoutSeconds");
    }
    return machine(root, "", language, timeout);
  }

  private StateMachineDefinition machine(JsonNode node, String at, QueryLanguage inherited, Integer timeout) {
    QueryLanguage language = inherited;
    if (!node.hasNonNull("StartAt") || !node.hasNonNull("States")) {
      List<String> missing = new ArrayList<>();
      if (!node.hasNonNull("StartAt")) {
        missing.add("StartAt");
      }
      if (!node.hasNonNull("States")) {
        missing.add("States");
      }
      problem("SCHEMA_VALIDATION_FAILED", "These fields are required: " + missing, at.isEmpty() ? "/" : at);
      return new StateMachineDefinition(null, Map.of(), language, timeout);
    }
    String startAt = node.get("StartAt").asText();
    Map<String, State> states = new LinkedHashMap<>();
    node.get("States").properties().forEach(entry -> {
      State state = state(entry.getKey(), entry.getValue(), at + "/States/" + entry.getKey(), language);
      if (state != null) {
        states.put(entry.getKey(), state);
      }
    });
    if (!node.get("States").has(startAt)) {
      problem("MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + startAt, at + "/StartAt");
    }
    for (State state : states.values()) {
      checkTargets(state, node.get("States"), at + "/States/" + state.name());
    }
    return new StateMachineDefinition(startAt, Map.copyOf(states), language, timeout);
  }

  private void checkTargets(State state, JsonNode all, String at) {
    List<String> targets = new ArrayList<>();
    if (state.common().next() != null) {
      targets.add(state.common().next());
    }
    List<Catcher> catchers = switch (state) {
      case State.Task t -> t.catchers();
      case State.Parallel p -> p.catchers();
      case State.Map m -> m.catchers();
      default -> List.of();
    };
    catchers.forEach(c -> targets.add(c.next()));
    if (state instanceof State.Choice choice) {
      choice.choices().forEach(c -> targets.add(c.next()));
      if (choice.defaultNext() != null) {
        targets.add(choice.defaultNext());
      }
    }
    for (String target : targets) {
      if (target != null && !all.has(target)) {
        problem("MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + target, at);
      }
    }
  }

  private State state(String name, JsonNode node, String at, QueryLanguage machineLanguage) {
    if (!node.isObject()) {
      problem("SCHEMA_VALIDATION_FAILED", "Expected an object", at);
      return null;
    }
    if (!node.hasNonNull("Type")) {
      problem("SCHEMA_VALIDATION_FAILED", "These fields are required: [Type]", at);
      return null;
    }
    String type = node.get("Type").asText();
    if (!TYPES.contains(type)) {
      problem("SCHEMA_VALIDATION_FAILED", "Value is not a valid enum value", at + "/Type");
      return null;
    }
    QueryLanguage language = machineLanguage;
    if (node.has("QueryLanguage")) {
      language = QueryLanguage.parse(node.get("QueryLanguage").asText());
      if (language == null) {
        problem("SCHEMA_VALIDATION_FAILED", "Value is not a valid enum value", at + "/QueryLanguage");
        language = machineLanguage;
      } else if (machineLanguage == QueryLanguage.JSONATA && language == QueryLanguage.JSONPATH) {
        // The developer guide: a state can opt into JSONata in a JSONPath machine, not the other way round.
        problem("SCHEMA_VALIDATION_FAILED",
            "The QueryLanguage of a state can't be JSONPath when the state machine uses JSONata", at + "/QueryLanguage");
      }
    }
    String next = text(node, "Next");
    boolean end = node.path("End").asBoolean(false);
    boolean terminal = type.equals("Succeed") || type.equals("Fail");
    boolean branching = type.equals("Choice");
    if (!terminal && !branching) {
      if (next == null && !end) {
        problem("SCHEMA_VALIDATION_FAILED", "No Next or End field found", at);
      } else if (next != null && end) {
        problem("SCHEMA_VALIDATION_FAILED", "Both Next and End fields are set", at);
      }
    }
    String resultPath = node.has("ResultPath") ? (node.get("ResultPath").isNull() ? null : node.get("ResultPath").asText()) : "$";
    if (language == QueryLanguage.JSONPATH) {
      checkPathTemplate(node.get("Parameters"), at + "/Parameters");
      checkPathTemplate(node.get("ResultSelector"), at + "/ResultSelector");
      checkPathTemplate(node.get("ItemSelector"), at + "/ItemSelector");
      checkPathTemplate(node.get("Assign"), at + "/Assign");
    }
    Common common = new Common(name, type, language, next, end, text(node, "InputPath", "$"),
        text(node, "OutputPath", "$"), node.get("Parameters"), node.get("ResultSelector"), resultPath,
        node.get("Arguments"), node.get("Output"), node.get("Assign"));
    if (node.has("InputPath") && node.get("InputPath").isNull()) {
      common = withPaths(common, null, common.outputPath());
    }
    if (node.has("OutputPath") && node.get("OutputPath").isNull()) {
      common = withPaths(common, common.inputPath(), null);
    }
    return switch (type) {
      case "Pass" -> new State.Pass(common, node.get("Result"));
      case "Succeed" -> new State.Succeed(common);
      case "Fail" -> new State.Fail(common, text(node, "Error"), text(node, "Cause"), text(node, "ErrorPath"),
          text(node, "CausePath"));
      case "Wait" -> wait(common, node, at);
      case "Choice" -> choice(common, node, at);
      case "Task" -> task(common, node, at);
      case "Parallel" -> parallel(common, node, at);
      case "Map" -> map(common, node, at);
      default -> throw new IllegalStateException(type);
    };
  }

  private static Common withPaths(Common c, String inputPath, String outputPath) {
    return new Common(c.name(), c.type(), c.queryLanguage(), c.next(), c.end(), inputPath, outputPath, c.parameters(),
        c.resultSelector(), c.resultPath(), c.arguments(), c.output(), c.assign());
  }

  private State wait(Common common, JsonNode node, String at) {
    int forms = 0;
    for (String field : List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")) {
      forms += node.has(field) ? 1 : 0;
    }
    if (forms != 1) {
      problem("SCHEMA_VALIDATION_FAILED",
          "A Wait state must have exactly one of Seconds, Timestamp, SecondsPath, TimestampPath", at);
    }
    JsonNode timestamp = node.get("Timestamp");
    boolean expression = common.jsonata() && timestamp != null && isJsonata(timestamp.asText());
    if (timestamp != null && !expression && !isRfc3339(timestamp.asText())) {
      problem("SCHEMA_VALIDATION_FAILED", "String does not match RFC3339 timestamp", at + "/Timestamp");
    }
    return new State.Wait(common, node.get("Seconds"), timestamp, text(node, "SecondsPath"), text(node, "TimestampPath"));
  }

  /** RFC 3339 as Step Functions accepts it: date, 'T', time, and a zone (Z or an offset). */
  static boolean isRfc3339(String text) {
    if (text.length() < 20 || text.charAt(10) != 'T') {
      return false;
    }
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private State choice(Common common, JsonNode node, String at) {
    List<ChoiceBranch> branches = new ArrayList<>();
    JsonNode choices = node.get("Choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      problem("SCHEMA_VALIDATION_FAILED", "These fields are required: [Choices]", at);
    } else {
      for (int i = 0; i < choices.size(); i++) {
        JsonNode choice = choices.get(i);
        String where = at + "/Choices/" + i;
        if (!choice.hasNonNull("Next")) {
          problem("SCHEMA_VALIDATION_FAILED", "These fields are required: [Next]", where);
        }
        branches.add(new ChoiceBranch(rule(choice, where, common.jsonata()), text(choice, "Next"), choice.get("Assign"),
            choice.get("Output")));
      }
    }
    return new State.Choice(common, List.copyOf(branches), text(node, "Default"));
  }

  private ChoiceRule rule(JsonNode node, String at, boolean jsonata) {
    if (jsonata || node.has("Condition")) {
      if (!node.has("Condition")) {
        problem("SCHEMA_VALIDATION_FAILED", "These fields are required: [Condition]", at);
      }
      return new Condition(node.get("Condition"));
    }
    if (node.has("And") || node.has("Or")) {
      String op = node.has("And") ? "And" : "Or";
      List<ChoiceRule> rules = new ArrayList<>();
      JsonNode list = node.get(op);
      for (int i = 0; i < list.size(); i++) {
        rules.add(rule(list.get(i), at + "/" + op + "/" + i, false));
      }
      return op.equals("And") ? new And(List.copyOf(rules)) : new Or(List.copyOf(rules));
    }
    if (node.has("Not")) {
      return new Not(rule(node.get("Not"), at + "/Not", false));
    }
    String variable = text(node, "Variable");
    for (var field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
      if (OPERATORS.contains(field.getKey())) {
        if (variable == null) {
          problem("SCHEMA_VALIDATION_FAILED", "These fields are required: [Variable]", at);
        }
        return new Comparison(variable, field.getKey(), field.getValue());
      }
    }
    problem("SCHEMA_VALIDATION_FAILED", "No comparison operator found in choice rule", at);
    return new Comparison(variable, "IsPresent", JSON.getNodeFactory().booleanNode(true));
  }

  private State task(Common common, JsonNode node, String at) {
    String resource = text(node, "Resource");
    if (resource == null) {
      problem("SCHEMA_VALIDATION_FAILED", "These fields are required: [Resource]", at);
    }
    JsonNode timeout = node.get("TimeoutSeconds");
    JsonNode heartbeat = node.get("HeartbeatSeconds");
    Integer timeoutSeconds = timeout != null && timeout.isNumber() ? positiveInt(timeout, at + "/TimeoutSeconds") : null;
    Integer heartbeatSeconds =
        heartbeat != null && heartbeat.isNumber() ? positiveInt(heartbeat, at + "/HeartbeatSeconds") : null;
    return new State.Task(common, resource, timeoutSeconds, text(node, "TimeoutSecondsPath"),
        timeout != null && timeout.isTextual() ? timeout.asText() : null, heartbeatSeconds,
        text(node, "HeartbeatSecondsPath"), heartbeat != null && heartbeat.isTextual() ? heartbeat.asText() : null,
        retriers(node, at), catchers(node, at, common));
  }

  private State parallel(Common common, JsonNode node, String at) {
    List<StateMachineDefinition> branches = new ArrayList<>();
    JsonNode list = node.get("Branches");
    if (list == null || !list.isArray()) {
      problem("SCHEMA_VALIDATION_FAILED", "These fields are required: [Branches]", at);
    } else {
      for (int i = 0; i < list.size(); i++) {
        branches.add(machine(list.get(i), at + "/Branches/" + i, common.queryLanguage(), null));
      }
    }
    return new State.Parallel(common, List.copyOf(branches), retriers(node, at), catchers(node, at, common));
  }

  private State map(Common common, JsonNode node, String at) {
    JsonNode processorNode = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.get("Iterator");
    StateMachineDefinition processor = null;
    boolean distributed = false;
    if (processorNode == null) {
      problem("SCHEMA_VALIDATION_FAILED", "These fields are required: [ItemProcessor]", at);
    } else {
      String where = at + (node.has("ItemProcessor") ? "/ItemProcessor" : "/Iterator");
      processor = machine(processorNode, where, common.queryLanguage(), null);
      distributed = "DISTRIBUTED".equals(processorNode.path("ProcessorConfig").path("Mode").asText());
    }
    if (node.has("ItemReader")) {
      // Without S3 there is nothing to read from; say so instead of running with the wrong items.
      problem("SCHEMA_VALIDATION_FAILED", "ItemReader is not supported by the local engine", at + "/ItemReader");
    }
    JsonNode selector = node.has("ItemSelector") ? node.get("ItemSelector") : node.get("Parameters");
    return new State.Map(common, text(node, "ItemsPath", "$"), node.get("Items"), selector, processor, distributed,
        node.get("MaxConcurrency"), text(node, "MaxConcurrencyPath"), node.get("ToleratedFailureCount"),
        text(node, "ToleratedFailureCountPath"), node.get("ToleratedFailurePercentage"),
        text(node, "ToleratedFailurePercentagePath"), node.get("ItemBatcher"), retriers(node, at),
        catchers(node, at, common));
  }

  private List<Retrier> retriers(JsonNode node, String at) {
    List<Retrier> out = new ArrayList<>();
    JsonNode list = node.get("Retry");
    if (list == null) {
      return List.of();
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode r = list.get(i);
      String where = at + "/Retry/" + i;
      List<String> errors = errorEquals(r, where, i == list.size() - 1);
      double backoff = r.path("BackoffRate").asDouble(2.0);
      if (backoff < 1.0) {
        problem("SCHEMA_VALIDATION_FAILED", "BackoffRate must be >= 1.0", where + "/BackoffRate");
      }
      Integer maxDelay = r.has("MaxDelaySeconds") ? r.get("MaxDelaySeconds").asInt() : null;
      out.add(new Retrier(errors, r.path("IntervalSeconds").asInt(1), r.path("MaxAttempts").asInt(3), backoff, maxDelay,
          "FULL".equals(r.path("JitterStrategy").asText("NONE"))));
    }
    return List.copyOf(out);
  }

  private List<Catcher> catchers(JsonNode node, String at, Common common) {
    List<Catcher> out = new ArrayList<>();
    JsonNode list = node.get("Catch");
    if (list == null) {
      return List.of();
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode c = list.get(i);
      String where = at + "/Catch/" + i;
      List<String> errors = errorEquals(c, where, i == list.size() - 1);
      if (!c.hasNonNull("Next")) {
        problem("SCHEMA_VALIDATION_FAILED", "These fields are required: [Next]", where);
      }
      String resultPath = c.has("ResultPath") ? (c.get("ResultPath").isNull() ? null : c.get("ResultPath").asText()) : "$";
      if (!common.jsonata()) {
        checkPathTemplate(c.get("Assign"), where + "/Assign");
      }
      out.add(new Catcher(errors, text(c, "Next"), resultPath, c.get("Output"), c.get("Assign")));
    }
    return List.copyOf(out);
  }

  /** ErrorEquals is required and non-empty; States.ALL must stand alone and come last (ASL "Retrying after error"). */
  private List<String> errorEquals(JsonNode node, String at, boolean last) {
    JsonNode list = node.get("ErrorEquals");
    if (list == null || !list.isArray() || list.isEmpty()) {
      problem("SCHEMA_VALIDATION_FAILED", "These fields are required: [ErrorEquals]", at);
      return List.of();
    }
    List<String> errors = new ArrayList<>();
    list.forEach(e -> errors.add(e.asText()));
    if (errors.contains("States.ALL") && (errors.size() > 1 || !last)) {
      problem("SCHEMA_VALIDATION_FAILED", "States.ALL must appear alone and in the last retrier/catcher", at + "/ErrorEquals");
    }
    return List.copyOf(errors);
  }

  /** A ".$" key takes a JSONPath ($..., $$...) or an intrinsic function call with a well-formed argument list. */
  private void checkPathTemplate(JsonNode template, String at) {
    if (template == null) {
      return;
    }
    if (template.isObject()) {
      template.properties().forEach(entry -> {
        if (entry.getKey().endsWith(".$")) {
          String value = entry.getValue().asText();
          if (!entry.getValue().isTextual() || !(value.startsWith("$") || IntrinsicSyntax.isWellFormed(value))) {
            problem("SCHEMA_VALIDATION_FAILED", "The value for the field '" + entry.getKey()
                + "' must be a valid JSONPath or a valid intrinsic function call", at);
          }
        } else {
          checkPathTemplate(entry.getValue(), at);
        }
      });
    } else if (template.isArray()) {
      template.forEach(item -> checkPathTemplate(item, at));
    }
  }

  private static boolean isJsonata(String text) {
    return text != null && text.startsWith("{%") && text.endsWith("%}");
  }

  private Integer positiveInt(JsonNode node, String at) {
    if (!node.canConvertToInt() || node.asInt() < 1) {
      problem("SCHEMA_VALIDATION_FAILED", "Value must be a positive integer", at);
      return null;
    }
    return node.asInt();
  }

  private void problem(String code, String message, String at) {
    problems.add(code + ": " + message + " at " + at);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String text(JsonNode node, String field, String fallback) {
    String value = text(node, field);
    return value == null ? fallback : value;
  }
}
