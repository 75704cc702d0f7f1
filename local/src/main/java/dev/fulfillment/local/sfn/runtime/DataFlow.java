package dev.fulfillment.local.sfn.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.local.sfn.definition.Common;
import dev.fulfillment.local.sfn.query.JsonPathEvaluator;
import dev.fulfillment.local.sfn.query.JsonataEvaluator;
import dev.fulfillment.local.sfn.query.QueryException;
import dev.fulfillment.local.sfn.query.Variables;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A state's input and output processing, per query language, calling the query package for every expression.
 * JSONPath (ASL "Input and Output Processing"): InputPath -> Parameters -> (work) -> ResultSelector -> ResultPath
 * (merged into the raw state input) -> OutputPath. JSONata: Arguments -> (work) -> Output over
 * {@code $states.input/result/errorOutput/context}. Assign is evaluated against the variable values from before
 * the state, in parallel with Output (the developer guide: assignments are not visible to the same state's
 * Output or to each other).
 */
final class DataFlow {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final JsonPathEvaluator path;
  private final JsonataEvaluator jsonata;

  DataFlow(JsonPathEvaluator path, JsonataEvaluator jsonata) {
    this.path = path;
    this.jsonata = jsonata;
  }

  /** JSONPath: InputPath then Parameters (a null InputPath gives {}); JSONata: Arguments, else the raw input. */
  JsonNode effectiveInput(StateRun run, JsonNode template) {
    Common c = run.state.common();
    if (c.jsonata()) {
      JsonNode args = template != null ? template : c.arguments();
      return args == null ? run.rawInput : jsonataTemplate(run, args, null, null, "Arguments");
    }
    JsonNode selected = selectInput(run);
    JsonNode parameters = template != null ? template : c.parameters();
    return parameters == null ? selected : pathTemplate(run, parameters, selected, "Parameters");
  }

  /** JSONPath InputPath applied to the raw input ({} when InputPath is null). */
  JsonNode selectInput(StateRun run) {
    String inputPath = run.state.common().inputPath();
    return inputPath == null ? NODES.objectNode() : read(run, inputPath, run.rawInput, "InputPath");
  }

  /** JSONPath ResultSelector over a task/Map/Parallel result. */
  JsonNode selectResult(StateRun run, JsonNode result) {
    JsonNode selector = run.state.common().resultSelector();
    return selector == null || run.state.common().jsonata() ? result : pathTemplate(run, selector, result, "ResultSelector");
  }

  /**
   * The state output. JSONPath: ResultPath merges {@code result} into the raw input, then OutputPath.
   * JSONata: Output evaluated with {@code $states.result}; without Output the result is the output.
   */
  JsonNode output(StateRun run, JsonNode result) {
    Common c = run.state.common();
    if (c.jsonata()) {
      return c.output() == null ? result : jsonataTemplate(run, c.output(), result, null, "Output");
    }
    JsonNode merged = resultPath(run, c.resultPath(), run.rawInput, result);
    return outputPath(run, merged);
  }

  JsonNode resultPath(StateRun run, String resultPath, JsonNode input, JsonNode result) {
    return guard(run, "ResultPath", () -> path.applyResultPath(resultPath, input, result));
  }

  JsonNode outputPath(StateRun run, JsonNode value) {
    String outputPath = run.state.common().outputPath();
    return outputPath == null ? NODES.objectNode() : read(run, outputPath, value, "OutputPath");
  }

  /**
   * Evaluates an Assign block. JSONPath: ".$" values read from {@code value} (the state result, or the error
   * output in a Catch); JSONata: expressions see {@code $states.input}, {@code result}, {@code errorOutput}.
   */
  Map<String, JsonNode> assign(StateRun run, JsonNode assign, JsonNode value, JsonNode result, JsonNode errorOutput) {
    if (assign == null) {
      return Map.of();
    }
    JsonNode evaluated = run.state.common().jsonata()
        ? jsonataTemplate(run, assign, result, errorOutput, "Assign")
        : pathTemplate(run, assign, value, "Assign");
    Map<String, JsonNode> out = new LinkedHashMap<>();
    evaluated.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  JsonNode read(StateRun run, String jsonPath, JsonNode value, String field) {
    // Only a path on the Context object ("$$...") reads it: the others need not build it.
    return guard(run, field, () -> path.read(jsonPath, value, contextFor(run, jsonPath), run.frame.scope));
  }

  JsonNode pathTemplate(StateRun run, JsonNode template, JsonNode value, String field) {
    JsonNode context = readsContext(template) ? run.context() : null;
    return guard(run, field, () -> path.applyTemplate(template, value, context, run.frame.scope));
  }

  /** True when a payload template has a {@code key.$} value that mentions the Context object ({@code $$}). */
  private static boolean readsContext(JsonNode template) {
    if (template.isObject()) {
      for (Map.Entry<String, JsonNode> member : template.properties()) {
        JsonNode value = member.getValue();
        if (member.getKey().endsWith(".$") && value.isTextual() ? value.textValue().contains("$$")
            : readsContext(value)) {
          return true;
        }
      }
    } else if (template.isArray()) {
      for (JsonNode item : template) {
        if (readsContext(item)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A JSONata field that may be a literal or a "{% %}" expression (for example Seconds, TimeoutSeconds). */
  JsonNode jsonataValue(StateRun run, JsonNode value, String field) {
    if (value != null && value.isTextual() && JsonataEvaluator.isExpression(value.asText())) {
      return guard(run, field, () -> jsonata.evaluate(field, value.asText(), states(run, null, null),
          run.frame.scope));
    }
    return value;
  }

  JsonNode jsonataTemplate(StateRun run, JsonNode template, JsonNode result, JsonNode errorOutput, String field) {
    // Messages name the whole field path inside the state, e.g. 'Output/result' or 'Arguments/FunctionName'.
    return guard(run, field, () -> jsonata.evaluateTemplate(field, template, states(run, result, errorOutput),
        run.frame.scope));
  }

  /**
   * A JSONPath value that is an intrinsic call or a path (ErrorPath, CausePath); a path that matches nothing fails
   * with AWS's "The JSONPath '...' specified for the field 'ErrorPath' could not be found in the input '...'".
   */
  JsonNode pathOrIntrinsic(StateRun run, String expression, JsonNode value, String field) {
    Variables vars = run.frame.scope;
    return guard(run, field, () -> JsonPathEvaluator.isIntrinsic(expression)
        ? path.evaluateIntrinsic(field, expression, value, run.context(), vars)
        : path.readField(field, expression, value, contextFor(run, expression), vars));
  }

  private static JsonNode contextFor(StateRun run, String jsonPath) {
    return jsonPath != null && jsonPath.startsWith("$$") ? run.context() : null;
  }

  private ObjectNode states(StateRun run, JsonNode result, JsonNode errorOutput) {
    ObjectNode states = NODES.objectNode();
    states.set("input", run.rawInput);
    states.set("context", run.context());
    if (result != null) {
      states.set("result", result);
    }
    if (errorOutput != null) {
      states.set("errorOutput", errorOutput);
    }
    return states;
  }

  /** Turns a query failure into a state failure with AWS's cause prefix naming the state and its entry event. */
  private static JsonNode guard(StateRun run, String field, Supplier<JsonNode> work) {
    try {
      return work.get();
    } catch (QueryException e) {
      String cause = e.cause().startsWith("An error occurred while executing the state")
          ? e.cause() : run.causePrefix() + e.cause();
      // EvaluationFailed names the innermost field that failed (for example "Output/result"), when known.
      throw new StateFailure(new Failure(e.error(), cause), e.field() != null ? e.field() : field);
    }
  }
}
