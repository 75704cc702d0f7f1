package dev.fulfillment.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsic functions in template values to local values, following the rules of the
 * "Intrinsic function reference" of the CloudFormation Template Reference:
 *
 * <ul>
 *   <li>{@code Ref}: a parameter (its {@code Default}, or a value given to the constructor), a pseudo parameter
 *       ({@code AWS::Region}, {@code AWS::AccountId}, {@code AWS::Partition}, {@code AWS::URLSuffix},
 *       {@code AWS::StackName}, {@code AWS::StackId}, {@code AWS::NoValue}) or a resource
 *       ({@link LocalNames#physicalName}).</li>
 *   <li>{@code Fn::GetAtt}: {@code [logicalId, attribute]} (the attribute may itself be a {@code Ref}) or
 *       {@code "logicalId.attribute"} ({@link LocalNames#attribute}).</li>
 *   <li>{@code Fn::Join}: {@code [delimiter, [values]]}; the list may come from another function.</li>
 *   <li>{@code Fn::Sub}: {@code "string"} or {@code ["string", {variables}]}; {@code ${Name}} is a variable of the
 *       map first, then a parameter, pseudo parameter or resource ({@code Ref}); {@code ${Id.Attribute}} is a
 *       {@code Fn::GetAtt}; {@code ${!Text}} is the literal {@code ${Text}}.</li>
 *   <li>{@code Fn::Select}: {@code [index, list]}, index from 0; an index past the end is an error.</li>
 *   <li>{@code Fn::Split}: {@code [delimiter, string]}.</li>
 *   <li>{@code Fn::If}, with the template's {@code Conditions} ({@code Fn::Equals}, {@code Fn::And},
 *       {@code Fn::Or}, {@code Fn::Not}, {@code Condition}); {@code Fn::FindInMap}; {@code Fn::Base64};
 *       {@code Fn::GetAZs} (three zones {@code <region>a..c}).</li>
 * </ul>
 *
 * <p>{@code Ref: AWS::NoValue} removes the property (or list element) that holds it; at the top level
 * {@link #resolve} returns a missing node. Any other intrinsic ({@code Fn::ImportValue}, {@code Fn::Cidr},
 * {@code Fn::Transform}, ...) fails with {@link UnsupportedTemplateFeature} naming where it is.
 */
public final class IntrinsicResolver {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonNode NO_VALUE = MissingNode.getInstance();
  private static final Pattern LIST_PARAMETER = Pattern.compile("List<.*>|CommaDelimitedList");

  private final CloudFormationTemplate template;
  private final LocalNames names;
  private final Map<String, String> parameterValues;
  private final Map<String, Boolean> conditions = new HashMap<>();

  public IntrinsicResolver(CloudFormationTemplate template, LocalNames names) {
    this(template, names, Map.of());
  }

  /** With values for parameters; a parameter without a value here uses its {@code Default}. */
  public IntrinsicResolver(CloudFormationTemplate template, LocalNames names, Map<String, String> parameterValues) {
    this.template = Objects.requireNonNull(template, "template");
    this.names = Objects.requireNonNull(names, "names");
    this.parameterValues = Map.copyOf(parameterValues);
  }

  /** {@code value} with every intrinsic function in it resolved; {@code value} itself is not modified. */
  public JsonNode resolve(JsonNode value) {
    return resolve(value, "$");
  }

  /** As {@link #resolve(JsonNode)}; {@code path} names where the value is, for error messages. */
  public JsonNode resolve(JsonNode value, String path) {
    if (value == null || value.isMissingNode()) {
      return NO_VALUE;
    }
    if (value.isArray()) {
      ArrayNode out = NODES.arrayNode();
      for (int i = 0; i < value.size(); i++) {
        JsonNode element = resolve(value.get(i), path + "[" + i + "]");
        if (!element.isMissingNode()) {
          out.add(element);
        }
      }
      return out;
    }
    if (!value.isObject()) {
      return value;
    }
    if (value.size() == 1) {
      String key = value.fieldNames().next();
      if (key.equals("Ref") || key.startsWith("Fn::")) {
        return function(key, value.get(key), path + "." + key);
      }
    }
    ObjectNode out = NODES.objectNode();
    for (Entry<String, JsonNode> field : value.properties()) {
      JsonNode resolved = resolve(field.getValue(), path + "." + field.getKey());
      if (!resolved.isMissingNode()) {
        out.set(field.getKey(), resolved);
      }
    }
    return out;
  }

  /** The resource's {@code Properties} with every intrinsic resolved. */
  public JsonNode resolveProperties(TemplateResource resource) {
    return resolve(resource.properties(), "Resources." + resource.logicalId() + ".Properties");
  }

  /** A string-valued expression resolved to its text; fails when it resolves to a list or an object. */
  public String resolveText(JsonNode value, String path) {
    return text(resolve(value, path), path);
  }

  /**
   * The ASL text of an {@code AWS::StepFunctions::StateMachine}: {@code DefinitionString} (or the
   * {@code Definition} object) resolved, then each {@code ${key}} of {@code DefinitionSubstitutions} replaced by
   * its resolved value.
   */
  public String resolveDefinition(TemplateResource stateMachine) {
    String base = "Resources." + stateMachine.logicalId() + ".Properties";
    if (!stateMachine.isOfType("AWS::StepFunctions::StateMachine")) {
      throw new IllegalArgumentException(stateMachine.logicalId() + " is a " + stateMachine.type()
          + ", not an AWS::StepFunctions::StateMachine");
    }
    JsonNode properties = stateMachine.properties();
    String definition;
    if (properties.has("DefinitionString")) {
      definition = resolveText(properties.get("DefinitionString"), base + ".DefinitionString");
    } else if (properties.has("Definition")) {
      definition = resolve(properties.get("Definition"), base + ".Definition").toString();
    } else if (properties.has("DefinitionS3Location")) {
      throw new UnsupportedTemplateFeature(base + ".DefinitionS3Location",
          "a state machine definition in S3 cannot be read locally; synthesize it inline");
    } else {
      throw new UnsupportedTemplateFeature(base, "the state machine has no DefinitionString or Definition");
    }
    JsonNode substitutions = properties.path("DefinitionSubstitutions");
    if (substitutions.isObject()) {
      JsonNode resolved = resolve(substitutions, base + ".DefinitionSubstitutions");
      for (Entry<String, JsonNode> entry : resolved.properties()) {
        definition = definition.replace("${" + entry.getKey() + "}",
            text(entry.getValue(), base + ".DefinitionSubstitutions." + entry.getKey()));
      }
    }
    return definition;
  }

  /** {@code Ref} of a parameter, pseudo parameter or resource (not {@code AWS::NoValue}). */
  public String ref(String name) {
    return text(ref(name, "Ref(" + name + ")"), "Ref(" + name + ")");
  }

  /** {@code Fn::GetAtt} of a resource. */
  public String getAtt(String logicalId, String attribute) {
    return names.attribute(resource(logicalId, "Fn::GetAtt(" + logicalId + ")"), attribute);
  }

  /** The value of a condition of the template's {@code Conditions} section. */
  public boolean condition(String name) {
    return condition(name, "Conditions." + name);
  }

  private JsonNode function(String name, JsonNode args, String path) {
    return switch (name) {
      case "Ref" -> ref(requireText(args, path), path);
      case "Fn::GetAtt" -> getAtt(args, path);
      case "Fn::Join" -> join(args, path);
      case "Fn::Sub" -> sub(args, path);
      case "Fn::Select" -> select(args, path);
      case "Fn::Split" -> split(args, path);
      case "Fn::If" -> ifThenElse(args, path);
      case "Fn::FindInMap" -> findInMap(args, path);
      case "Fn::Base64" -> NODES.textNode(Base64.getEncoder().encodeToString(
          resolveText(args, path).getBytes(StandardCharsets.UTF_8)));
      case "Fn::GetAZs" -> getAzs(args, path);
      default -> throw new UnsupportedTemplateFeature(path, "the intrinsic function " + name
          + " is not supported locally (supported: Ref, Fn::GetAtt, Fn::Join, Fn::Sub, Fn::Select, Fn::Split, "
          + "Fn::If, Fn::FindInMap, Fn::Base64, Fn::GetAZs)");
    };
  }

  private JsonNode ref(String name, String path) {
    switch (name) {
      case "AWS::Region":
        return NODES.textNode(names.region());
      case "AWS::AccountId":
        return NODES.textNode(names.accountId());
      case "AWS::Partition":
        return NODES.textNode(names.partition());
      case "AWS::URLSuffix":
        return NODES.textNode(names.urlSuffix());
      case "AWS::StackName":
        return NODES.textNode(names.stackName());
      case "AWS::StackId":
        return NODES.textNode(names.stackId());
      case "AWS::NoValue":
        return NO_VALUE;
      default:
        break;
    }
    if (name.startsWith("AWS::")) {
      throw new UnsupportedTemplateFeature(path, "the pseudo parameter " + name + " is not supported locally");
    }
    JsonNode parameter = template.parameter(name);
    if (!parameter.isMissingNode()) {
      return parameterValue(name, parameter, path);
    }
    return NODES.textNode(names.physicalName(resource(name, path)));
  }

  private JsonNode parameterValue(String name, JsonNode parameter, String path) {
    String value = parameterValues.get(name);
    if (value == null) {
      JsonNode fallback = parameter.get("Default");
      if (fallback == null) {
        throw new UnsupportedTemplateFeature(path, "the parameter " + name
            + " has no Default and no local value was given");
      }
      value = fallback.asText();
    }
    if (LIST_PARAMETER.matcher(parameter.path("Type").asText()).matches()) {
      ArrayNode list = NODES.arrayNode();
      for (String part : value.split(",", -1)) {
        list.add(part.trim());
      }
      return list;
    }
    return NODES.textNode(value);
  }

  private JsonNode getAtt(JsonNode args, String path) {
    String logicalId;
    String attribute;
    if (args.isTextual()) {
      int dot = args.asText().indexOf('.');
      if (dot < 1) {
        throw new UnsupportedTemplateFeature(path, "expected \"LogicalId.Attribute\", got " + args);
      }
      logicalId = args.asText().substring(0, dot);
      attribute = args.asText().substring(dot + 1);
    } else {
      requireArray(args, 2, path);
      logicalId = requireText(args.get(0), path + "[0]");
      attribute = resolveText(args.get(1), path + "[1]");
    }
    return NODES.textNode(names.attribute(resource(logicalId, path), attribute));
  }

  private JsonNode join(JsonNode args, String path) {
    requireArray(args, 2, path);
    String delimiter = requireText(args.get(0), path + "[0]");
    JsonNode values = resolve(args.get(1), path + "[1]");
    if (!values.isArray()) {
      throw new UnsupportedTemplateFeature(path + "[1]", "Fn::Join needs a list of values, got " + values);
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(delimiter);
      }
      out.append(text(values.get(i), path + "[1][" + i + "]"));
    }
    return NODES.textNode(out.toString());
  }

  private JsonNode sub(JsonNode args, String path) {
    String input;
    JsonNode variables = NODES.objectNode();
    if (args.isTextual()) {
      input = args.asText();
    } else {
      requireArray(args, 2, path);
      input = requireText(args.get(0), path + "[0]");
      variables = args.get(1);
      if (!variables.isObject()) {
        throw new UnsupportedTemplateFeature(path + "[1]", "Fn::Sub variables must be an object");
      }
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int open = input.indexOf("${", at);
      if (open < 0) {
        out.append(input, at, input.length());
        return NODES.textNode(out.toString());
      }
      out.append(input, at, open);
      if (open + 2 < input.length() && input.charAt(open + 2) == '!') {
        // ${!Literal} is written out as ${Literal}.
        out.append("${");
        at = open + 3;
        continue;
      }
      int close = input.indexOf('}', open + 2);
      if (close < 0) {
        throw new UnsupportedTemplateFeature(path, "unclosed ${ in Fn::Sub string: " + input);
      }
      String variable = input.substring(open + 2, close);
      out.append(subVariable(variable, variables, path));
      at = close + 1;
    }
  }

  private String subVariable(String variable, JsonNode variables, String path) {
    String where = path + "${" + variable + "}";
    if (variables.has(variable)) {
      return resolveText(variables.get(variable), where);
    }
    int dot = variable.indexOf('.');
    if (dot > 0 && !variable.startsWith("AWS::")) {
      return names.attribute(resource(variable.substring(0, dot), where), variable.substring(dot + 1));
    }
    return text(ref(variable, where), where);
  }

  private JsonNode select(JsonNode args, String path) {
    requireArray(args, 2, path);
    JsonNode indexNode = resolve(args.get(0), path + "[0]");
    int index;
    try {
      index = indexNode.isNumber() ? indexNode.intValue() : Integer.parseInt(indexNode.asText().trim());
    } catch (NumberFormatException e) {
      throw new UnsupportedTemplateFeature(path + "[0]", "Fn::Select index must be an integer, got " + indexNode);
    }
    JsonNode list = resolve(args.get(1), path + "[1]");
    if (!list.isArray()) {
      throw new UnsupportedTemplateFeature(path + "[1]", "Fn::Select needs a list, got " + list);
    }
    if (index < 0 || index >= list.size()) {
      throw new UnsupportedTemplateFeature(path, "Fn::Select index " + index + " is outside the list of "
          + list.size() + " values");
    }
    return list.get(index);
  }

  private JsonNode split(JsonNode args, String path) {
    requireArray(args, 2, path);
    String delimiter = requireText(args.get(0), path + "[0]");
    if (delimiter.isEmpty()) {
      throw new UnsupportedTemplateFeature(path + "[0]", "Fn::Split needs a non-empty delimiter");
    }
    String source = resolveText(args.get(1), path + "[1]");
    ArrayNode out = NODES.arrayNode();
    int at = 0;
    while (true) {
      int next = source.indexOf(delimiter, at);
      if (next < 0) {
        out.add(source.substring(at));
        return out;
      }
      out.add(source.substring(at, next));
      at = next + delimiter.length();
    }
  }

  private JsonNode ifThenElse(JsonNode args, String path) {
    requireArray(args, 3, path);
    String conditionName = requireText(args.get(0), path + "[0]");
    return condition(conditionName, path + "[0]")
        ? resolve(args.get(1), path + "[1]")
        : resolve(args.get(2), path + "[2]");
  }

  private JsonNode findInMap(JsonNode args, String path) {
    requireArray(args, 3, path);
    String map = resolveText(args.get(0), path + "[0]");
    String top = resolveText(args.get(1), path + "[1]");
    String second = resolveText(args.get(2), path + "[2]");
    JsonNode value = template.mappings().path(map).path(top).path(second);
    if (value.isMissingNode()) {
      throw new UnsupportedTemplateFeature(path, "Mappings has no " + map + "." + top + "." + second);
    }
    return value;
  }

  private JsonNode getAzs(JsonNode args, String path) {
    String region = resolveText(args, path);
    String actual = region.isEmpty() ? names.region() : region;
    ArrayNode zones = NODES.arrayNode();
    for (String suffix : List.of("a", "b", "c")) {
      zones.add(actual + suffix);
    }
    return zones;
  }

  private boolean condition(String name, String path) {
    Boolean known = conditions.get(name);
    if (known != null) {
      return known;
    }
    JsonNode body = template.condition(name);
    if (body.isMissingNode()) {
      throw new UnsupportedTemplateFeature(path, "the template has no condition named " + name);
    }
    conditions.put(name, Boolean.FALSE); // a condition that refers to itself ends here instead of looping
    boolean value = evaluateCondition(body, "Conditions." + name);
    conditions.put(name, value);
    return value;
  }

  private boolean evaluateCondition(JsonNode body, String path) {
    if (!body.isObject() || body.size() != 1) {
      throw new UnsupportedTemplateFeature(path, "a condition must be one condition function, got " + body);
    }
    String function = body.fieldNames().next();
    JsonNode args = body.get(function);
    String where = path + "." + function;
    return switch (function) {
      case "Condition" -> condition(requireText(args, where), where);
      case "Fn::Equals" -> {
        requireArray(args, 2, where);
        yield comparable(resolve(args.get(0), where + "[0]")).equals(comparable(resolve(args.get(1), where + "[1]")));
      }
      case "Fn::Not" -> {
        requireArray(args, 1, where);
        yield !evaluateCondition(args.get(0), where + "[0]");
      }
      case "Fn::And", "Fn::Or" -> {
        if (!args.isArray() || args.size() < 2 || args.size() > 10) {
          throw new UnsupportedTemplateFeature(where, function + " takes 2 to 10 conditions");
        }
        boolean and = function.equals("Fn::And");
        boolean result = and;
        for (int i = 0; i < args.size(); i++) {
          boolean each = evaluateCondition(args.get(i), where + "[" + i + "]");
          result = and ? result && each : result || each;
        }
        yield result;
      }
      default -> throw new UnsupportedTemplateFeature(where, "the condition function " + function
          + " is not supported locally");
    };
  }

  /** Fn::Equals compares values as CloudFormation does: scalars by their text, lists element by element. */
  private static JsonNode comparable(JsonNode value) {
    if (value.isValueNode() && !value.isNull()) {
      return NODES.textNode(value.asText());
    }
    if (value.isArray()) {
      ArrayNode out = NODES.arrayNode();
      value.forEach(element -> out.add(comparable(element)));
      return out;
    }
    return value;
  }

  private TemplateResource resource(String logicalId, String path) {
    return template.resource(logicalId).orElseThrow(() -> new UnsupportedTemplateFeature(path,
        "the template has no resource or parameter named " + logicalId));
  }

  private static String text(JsonNode value, String path) {
    if (value.isTextual() || value.isNumber() || value.isBoolean()) {
      return value.asText();
    }
    throw new UnsupportedTemplateFeature(path, "expected a string, got " + (value.isMissingNode()
        ? "AWS::NoValue" : value.toString()));
  }

  private static String requireText(JsonNode value, String path) {
    if (value == null || !value.isTextual()) {
      throw new UnsupportedTemplateFeature(path, "expected a literal string, got " + value);
    }
    return value.asText();
  }

  private static void requireArray(JsonNode args, int size, String path) {
    if (args == null || !args.isArray() || args.size() != size) {
      throw new UnsupportedTemplateFeature(path, "expected a list of " + size + " arguments, got " + args);
    }
  }
}
