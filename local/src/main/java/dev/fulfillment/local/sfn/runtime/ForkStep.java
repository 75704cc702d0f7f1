package dev.fulfillment.local.sfn.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.local.sfn.definition.Common;
import dev.fulfillment.local.sfn.definition.State;
import dev.fulfillment.local.sfn.definition.StateMachineDefinition;
import dev.fulfillment.local.sfn.history.Details;
import dev.fulfillment.local.sfn.query.JsonataEvaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Parallel and Map: child flows with their own variable scopes. Parallel fails as soon as one branch fails and
 * stops the others (ASL "Parallel State"); Map runs at most MaxConcurrency iterations at once (0 = no limit) and
 * fails when more iterations fail than ToleratedFailureCount/Percentage allow (default: none).
 */
final class ForkStep {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final Interpreter interpreter;
  private final String region;
  private final String accountId;

  ForkStep(Interpreter interpreter, String region, String accountId) {
    this.interpreter = interpreter;
    this.region = region;
    this.accountId = accountId;
  }

  void parallel(StateRun run, State.Parallel parallel) {
    JsonNode input = interpreter.flow().effectiveInput(run, null);
    Execution execution = run.frame.execution;
    long started = execution.append(run.frame, "ParallelStateStarted", null, null);
    int count = parallel.branches().size();
    JsonNode[] results = new JsonNode[count];
    int[] remaining = {count};
    boolean[] done = {false};
    List<Frame> children = new ArrayList<>();
    if (count == 0) {
      execution.append(run.frame, "ParallelStateSucceeded", null, null);
      interpreter.finishWithResult(run, NODES.arrayNode());
      return;
    }
    for (int i = 0; i < count; i++) {
      int index = i;
      StateMachineDefinition branch = parallel.branches().get(i);
      Frame[] self = new Frame[1];
      self[0] = new Frame(execution, run.frame, branch, new Scope(run.frame.scope), null, run.frame.silent, started,
          outcome -> {
            if (done[0]) {
              return;
            }
            switch (outcome) {
              case Frame.Outcome.Succeeded ok -> {
                results[index] = ok.output();
                if (--remaining[0] == 0) {
                  done[0] = true;
                  long last = self[0].cursor;
                  execution.appendAfter(run.frame, last, "ParallelStateSucceeded", null, null);
                  run.frame.cursor = last;
                  ArrayNode array = NODES.arrayNode();
                  for (JsonNode r : results) {
                    array.add(r);
                  }
                  interpreter.finishWithResult(run, array);
                }
              }
              case Frame.Outcome.Failed failed -> {
                done[0] = true;
                // Recorded AWS histories: the Parallel state aborts its branches, the failed one included; a
                // branch still in a Task (or Wait, Map, Parallel) state gets that state's ...StateAborted event.
                long failedAt = self[0].cursor;
                children.forEach(ForkStep::abortOpenState);
                children.forEach(Frame::cancel);
                // Recorded AWS histories: the aborted events are not in the chain; what follows the Parallel's
                // failure (a retry's ParallelStateStarted, ParallelStateFailed) names the branch's failure event.
                run.frame.cursor = failedAt;
                run.failedEvent = "ParallelStateFailed";
                interpreter.fail(run, failed.failure(), false, null);
              }
            }
          });
      children.add(self[0]);
    }
    for (int i = 0; i < count; i++) {
      Frame child = children.get(i);
      String startAt = parallel.branches().get(i).startAt();
      // Recorded AWS histories: a branch that gets the Parallel's input unchanged shows the text it arrived as.
      String inputText = input == run.rawInput ? run.rawInputText : null;
      interpreter.later(child, () -> interpreter.enter(child, startAt, input, inputText));
    }
  }

  /** A Map state in progress. */
  private final class MapRun {
    final StateRun run;
    final State.Map map;
    final JsonNode input;
    final List<JsonNode> items;
    final JsonNode[] results;
    final List<Frame> children = new ArrayList<>();
    final int maxConcurrency;
    final double toleratedCount;
    final double toleratedPercentage;
    final boolean distributed;
    int next;
    int running;
    int succeeded;
    int failed;
    boolean done;
    long lastIterationEvent;
    long mapRunStarted;

    MapRun(StateRun run, State.Map map, JsonNode input, List<JsonNode> items, int maxConcurrency, double toleratedCount,
           double toleratedPercentage) {
      this.run = run;
      this.map = map;
      this.input = input;
      this.items = items;
      this.results = new JsonNode[items.size()];
      this.maxConcurrency = maxConcurrency;
      this.toleratedCount = toleratedCount;
      this.toleratedPercentage = toleratedPercentage;
      this.distributed = map.distributed();
    }

    void launch() {
      while (!done && next < items.size() && (maxConcurrency == 0 || running < maxConcurrency)) {
        start(next++);
      }
    }

    private void start(int index) {
      Execution execution = run.frame.execution;
      JsonNode item = items.get(index);
      ObjectNode itemContext = NODES.objectNode();
      itemContext.put("Index", index);
      itemContext.set("Value", item);
      JsonNode iterationInput;
      try {
        iterationInput = selectItem(itemContext, item);
      } catch (StateFailure e) {
        done = true;
        children.forEach(Frame::cancel);
        interpreter.fail(run, e);
        return;
      }
      long startedId = run.frame.cursor;
      if (!distributed) {
        startedId = execution.append(run.frame, "MapIterationStarted", "mapIterationStartedEventDetails",
            Details.mapIteration(run.state.name(), index));
      }
      running++;
      Frame[] self = new Frame[1];
      self[0] = new Frame(execution, run.frame, map.processor(), new Scope(run.frame.scope), itemContext,
          distributed || run.frame.silent, startedId, outcome -> ended(index, self[0], outcome));
      children.add(self[0]);
      Frame child = self[0];
      interpreter.later(child, () -> interpreter.enter(child, map.processor().startAt(), iterationInput));
    }

    private JsonNode selectItem(ObjectNode itemContext, JsonNode item) {
      JsonNode selector = map.itemSelector();
      if (selector == null) {
        return item;
      }
      run.itemContext = itemContext;
      try {
        return map.common().jsonata()
            ? interpreter.flow().jsonataTemplate(run, selector, null, null, "ItemSelector")
            : interpreter.flow().pathTemplate(run, selector, input, "ItemSelector");
      } finally {
        run.itemContext = null;
      }
    }

    private void ended(int index, Frame child, Frame.Outcome outcome) {
      if (done) {
        return;
      }
      running--;
      Execution execution = run.frame.execution;
      String name = run.state.name();
      switch (outcome) {
        case Frame.Outcome.Succeeded ok -> {
          results[index] = ok.output();
          succeeded++;
          if (!distributed) {
            lastIterationEvent = execution.appendAfter(run.frame, child.cursor, "MapIterationSucceeded",
                "mapIterationSucceededEventDetails", Details.mapIteration(name, index));
            // Recorded histories: the next MapIterationStarted follows the iteration's last state event.
            run.frame.cursor = child.cursor;
          }
        }
        case Frame.Outcome.Failed bad -> {
          failed++;
          ObjectNode error = NODES.objectNode().put("Error", bad.failure().error()).put("Cause", bad.failure().cause());
          results[index] = error;
          if (!distributed) {
            execution.appendAfter(run.frame, child.cursor, "MapIterationFailed", "mapIterationFailedEventDetails",
                Details.mapIteration(name, index));
          }
          if (failed > toleratedCount || (items.size() > 0 && 100.0 * failed / items.size() > toleratedPercentage)) {
            done = true;
            children.forEach(Frame::cancel);
            if (distributed) {
              execution.append(run.frame, "MapRunFailed", "mapRunFailedEventDetails", Details.failure(
                  bad.failure().error(), bad.failure().cause()));
            } else {
              run.frame.cursor = child.cursor;
            }
            run.failedEvent = "MapStateFailed";
            boolean tolerant = toleratedCount != 0 || toleratedPercentage != 100.0;
            interpreter.fail(run, tolerant
                ? new Failure(Failure.EXCEED_TOLERATED_FAILURE, "The specified tolerated failure threshold was exceeded")
                : bad.failure(), false, null);
            return;
          }
        }
      }
      if (succeeded + failed == items.size()) {
        finish();
      } else {
        launch();
      }
    }

    void finish() {
      done = true;
      Execution execution = run.frame.execution;
      // Recorded AWS histories: MapStateExited names the same previous event as MapStateSucceeded (the last
      // MapIterationSucceeded, MapRunSucceeded, or MapStateStarted when there were no items).
      if (distributed) {
        long runSucceeded = execution.append(run.frame, "MapRunSucceeded", null, null);
        execution.appendAfter(run.frame, runSucceeded, "MapStateSucceeded", null, null);
        run.frame.cursor = runSucceeded;
      } else if (lastIterationEvent != 0) {
        execution.appendAfter(run.frame, lastIterationEvent, "MapStateSucceeded", null, null);
        run.frame.cursor = lastIterationEvent;
      } else {
        execution.appendAfter(run.frame, run.frame.cursor, "MapStateSucceeded", null, null);
      }
      ArrayNode array = NODES.arrayNode();
      for (JsonNode r : results) {
        array.add(r);
      }
      interpreter.finishWithResult(run, array);
    }
  }

  void map(StateRun run, State.Map map) {
    Common c = map.common();
    DataFlow flow = interpreter.flow();
    JsonNode input = c.jsonata() ? run.rawInput : flow.selectInput(run);
    List<JsonNode> items;
    try {
      items = batch(run, map, items(run, map, input), input);
    } catch (StateFailure e) {
      // Recorded AWS histories: Items that fail to evaluate end the state with MapStateFailed (after
      // EvaluationFailed); States.Runtime path errors end the execution without it.
      if (!Failure.RUNTIME.equals(e.failure().error())) {
        run.failedEvent = "MapStateFailed";
      }
      throw e;
    }
    int maxConcurrency = (int) number(run, map.maxConcurrency(), map.maxConcurrencyPath(), input, "MaxConcurrency",
        0, false);
    Execution execution = run.frame.execution;
    execution.append(run.frame, "MapStateStarted", "mapStateStartedEventDetails",
        Details.object().put("length", items.size()));
    // Recorded AWS histories: the tolerated failure thresholds are read after MapStateStarted.
    // ASL: without ToleratedFailureCount/Percentage no failure is tolerated; with them, exceeding either fails.
    boolean countSet = map.toleratedFailureCount() != null || map.toleratedFailureCountPath() != null;
    boolean percentageSet = map.toleratedFailurePercentage() != null || map.toleratedFailurePercentagePath() != null;
    double toleratedCount = countSet ? number(run, map.toleratedFailureCount(), map.toleratedFailureCountPath(), input,
        "ToleratedFailureCount", 0, false) : (percentageSet ? Double.MAX_VALUE : 0);
    double toleratedPercentage = percentageSet ? number(run, map.toleratedFailurePercentage(),
        map.toleratedFailurePercentagePath(), input, "ToleratedFailurePercentage", 0, true) : 100.0;
    if (percentageSet && toleratedPercentage > 100) {
      throw new StateFailure(new Failure(Failure.RUNTIME, run.causePrefix()
          + "ToleratedFailurePercentage must be between 0 and 100."), "ToleratedFailurePercentage");
    }
    MapRun mapRun = new MapRun(run, map, input, items, maxConcurrency, toleratedCount, toleratedPercentage);
    if (map.distributed()) {
      String mapRunArn = "arn:aws:states:" + region + ":" + accountId + ":mapRun:" + execution.machine.name() + "/"
          + run.state.name() + ":" + UUID.randomUUID();
      mapRun.mapRunStarted = execution.append(run.frame, "MapRunStarted", "mapRunStartedEventDetails",
          Details.object().put("mapRunArn", mapRunArn));
    }
    if (items.isEmpty()) {
      mapRun.finish();
      return;
    }
    mapRun.launch();
  }

  /**
   * The items to iterate: JSONata Items (default: the state input), JSONPath ItemsPath. JSONata failures are
   * States.QueryEvaluationError with AWS's recorded texts ("... returned an unexpected result type. Expected
   * 'array', but was 'number' for value: 1"; without Items "Map state input must be an array but was: null").
   */
  private JsonNode items(StateRun run, State.Map map, JsonNode input) {
    DataFlow flow = interpreter.flow();
    if (!map.common().jsonata()) {
      JsonNode itemsNode = flow.read(run, map.itemsPath(), input, "ItemsPath");
      if (itemsNode == null || !itemsNode.isArray()) {
        throw new StateFailure(new Failure(Failure.RUNTIME, run.causePrefix()
            + "Map state input must be an array but was: " + Json.text(itemsNode)), "ItemsPath");
      }
      return itemsNode;
    }
    JsonNode itemsField = map.items();
    if (itemsField == null) {
      if (!input.isArray()) {
        throw new StateFailure(new Failure(Failure.QUERY_EVALUATION_ERROR, run.causePrefix()
            + "Map state input must be an array but was: " + Json.text(input)), null, true);
      }
      return input;
    }
    // Items is an array (its "{% %}" members evaluated) or one expression.
    JsonNode itemsNode = flow.jsonataTemplate(run, itemsField, null, null, "Items");
    if (!itemsNode.isArray()) {
      String expression = itemsField.isTextual() ? JsonataEvaluator.expressionText(itemsField.asText())
          : Json.text(itemsField);
      throw new StateFailure(new Failure(Failure.QUERY_EVALUATION_ERROR, run.causePrefix()
          + "The JSONata expression '" + expression + "' specified for the field 'Items' returned an unexpected "
          + "result type. Expected 'array', but was '" + typeName(itemsNode) + "' for value: " + Json.text(itemsNode)),
          "Items");
    }
    return itemsNode;
  }

  private static String typeName(JsonNode value) {
    return switch (value.getNodeType()) {
      case NUMBER -> "number";
      case STRING -> "string";
      case BOOLEAN -> "boolean";
      case OBJECT, POJO -> "object";
      case ARRAY -> "array";
      default -> "null";
    };
  }

  /** Writes {@code <Type>StateAborted} for the state a branch is in, when that state type has such an event. */
  private static void abortOpenState(Frame child) {
    StateRun open = child.current;
    if (open == null) {
      return;
    }
    child.current = null;
    String type = open.state.common().type();
    if (type.equals("Task") || type.equals("Wait") || type.equals("Map") || type.equals("Parallel")) {
      child.execution.append(child, type + "StateAborted", null, null);
    }
  }

  /** ItemBatcher: groups items into {@code {"Items": [...], "BatchInput": ...}} of at most MaxItemsPerBatch. */
  private List<JsonNode> batch(StateRun run, State.Map map, JsonNode itemsNode, JsonNode input) {
    List<JsonNode> items = new ArrayList<>();
    itemsNode.forEach(items::add);
    JsonNode batcher = map.itemBatcher();
    if (batcher == null) {
      return items;
    }
    int size = (int) number(run, batcher.get("MaxItemsPerBatch"),
        batcher.hasNonNull("MaxItemsPerBatchPath") ? batcher.get("MaxItemsPerBatchPath").asText() : null, input,
        "MaxItemsPerBatch", Integer.MAX_VALUE, false);
    JsonNode batchInput = batcher.get("BatchInput");
    if (batchInput != null) {
      batchInput = map.common().jsonata()
          ? interpreter.flow().jsonataTemplate(run, batchInput, null, null, "ItemBatcher/BatchInput")
          : interpreter.flow().pathTemplate(run, batchInput, input, "ItemBatcher/BatchInput");
    }
    List<JsonNode> batches = new ArrayList<>();
    for (int from = 0; from < items.size(); from += Math.max(1, size)) {
      ObjectNode one = NODES.objectNode();
      ArrayNode chunk = one.putArray("Items");
      items.subList(from, Math.min(items.size(), from + Math.max(1, size))).forEach(chunk::add);
      if (batchInput != null) {
        one.set("BatchInput", batchInput);
      }
      batches.add(one);
    }
    return batches;
  }

  /**
   * MaxConcurrency, ToleratedFailureCount/Percentage and MaxItemsPerBatch from a literal, a JSONata expression or a
   * path. A path to something that is not a number fails as recorded from AWS: "The MaxConcurrencyPath field refers
   * to value "{}" which is not a valid integer: $.x" ("valid float" for the percentage); a negative percentage with
   * "ToleratedFailurePercentage must be between 0 and 100.".
   */
  private double number(StateRun run, JsonNode literal, String path, JsonNode input, String field, double fallback,
                        boolean decimal) {
    JsonNode value = literal;
    if (path != null) {
      value = interpreter.flow().read(run, path, input, field + "Path");
      boolean valid = value != null && value.isNumber() && (decimal || value.canConvertToExactIntegral());
      if (!valid) {
        String shown = value == null ? "null" : value.isTextual() ? value.asText() : Json.text(value);
        throw new StateFailure(new Failure(Failure.RUNTIME, run.causePrefix() + "The " + field
            + "Path field refers to value \"" + shown + "\" which is not a valid " + (decimal ? "float" : "integer")
            + ": " + path), field + "Path");
      }
    } else if (literal != null && literal.isTextual()) {
      value = interpreter.flow().jsonataValue(run, literal, field);
    }
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (decimal && value.isNumber() && value.asDouble() < 0) {
      throw new StateFailure(new Failure(Failure.RUNTIME, run.causePrefix()
          + "ToleratedFailurePercentage must be between 0 and 100."), field);
    }
    if (!value.isNumber() || value.asDouble() < 0) {
      throw new StateFailure(new Failure(Failure.RUNTIME, run.causePrefix() + "The " + field
          + " value must be a non-negative number, but was " + Json.text(value)), field);
    }
    return value.asDouble();
  }
}
