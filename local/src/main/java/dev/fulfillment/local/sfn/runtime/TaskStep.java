package dev.fulfillment.local.sfn.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.local.sfn.MockConfig;
import dev.fulfillment.local.sfn.TaskInvoker;
import dev.fulfillment.local.sfn.TaskInvoker.LambdaResult;
import dev.fulfillment.local.sfn.definition.State;
import dev.fulfillment.local.sfn.history.Details;
import dev.fulfillment.local.sfn.tasks.InvokeResponse;
import dev.fulfillment.local.sfn.tasks.TaskResource;
import dev.fulfillment.local.sfn.tasks.TaskTokens;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Task states: Lambda function ARNs (LambdaFunction* events) and the optimized lambda:invoke integration
 * (Task* events, result = the Invoke response), with {@code .waitForTaskToken}, TimeoutSeconds and
 * HeartbeatSeconds. A test case of the mock config, when the execution has one, answers instead of the invoker.
 */
final class TaskStep {
  private final Interpreter interpreter;
  private final TaskInvoker invoker;
  private final MockConfig mocks;
  private final TaskTokens tokens;
  private final String region;
  /** Parsed Resource fields by their text (the records are immutable). */
  private final Map<String, TaskResource> resources = new ConcurrentHashMap<>();

  TaskStep(Interpreter interpreter, TaskInvoker invoker, MockConfig mocks, TaskTokens tokens, String region) {
    this.interpreter = interpreter;
    this.invoker = invoker;
    this.mocks = mocks;
    this.tokens = tokens;
    this.region = region;
  }

  /** One attempt of a task; {@code done} makes the first of result/timeout/answer win. */
  private record Attempt(StateRun run, State.Task task, TaskResource resource, AtomicBoolean done,
                         AtomicInteger heartbeats) {
    boolean lambdaEvents() {
      return resource instanceof TaskResource.LambdaFunction;
    }

    String resourceName() {
      return resource instanceof TaskResource.LambdaInvoke invoke && invoke.waitForTaskToken()
          ? "invoke.waitForTaskToken" : "invoke";
    }
  }

  void start(StateRun run, State.Task task) {
    TaskResource resource = resources.computeIfAbsent(task.resource(), TaskResource::of);
    if (resource instanceof TaskResource.Unsupported unsupported) {
      throw new StateFailure(new Failure(Failure.RUNTIME, run.causePrefix() + "The resource '" + unsupported.resource()
          + "' is not supported by the local Step Functions engine (supported: Lambda function ARNs and "
          + "arn:aws:states:::lambda:invoke[.waitForTaskToken])."));
    }
    Attempt attempt = new Attempt(run, task, resource, new AtomicBoolean(), new AtomicInteger());
    boolean waits = resource instanceof TaskResource.LambdaInvoke invoke && invoke.waitForTaskToken();
    if (waits) {
      // The token must exist before Parameters/Arguments are evaluated: they read it from the Context object.
      run.taskToken = tokens.register(answer -> interpreter.later(run.frame, () -> answered(attempt, answer)));
    }
    JsonNode args = interpreter.flow().effectiveInput(run, null);
    Long timeout = seconds(run, task.timeoutSeconds(), task.timeoutPath(), task.timeoutExpr(), "TimeoutSeconds");
    Long heartbeat = seconds(run, task.heartbeatSeconds(), task.heartbeatPath(), task.heartbeatExpr(), "HeartbeatSeconds");
    Execution execution = run.frame.execution;
    String functionName;
    JsonNode payload;
    if (attempt.lambdaEvents()) {
      functionName = task.resource();
      payload = args;
      ObjectNode details = Details.object().put("resource", task.resource());
      // The state's raw input passed on unchanged already has its text.
      Details.payload(details, "input", args == run.rawInput && run.rawInputText != null ? run.rawInputText
          : Json.text(args));
      if (timeout != null) {
        details.put("timeoutInSeconds", timeout);
      }
      execution.append(run.frame, "LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails", details);
      execution.append(run.frame, "LambdaFunctionStarted", null, null);
    } else {
      functionName = args.path("FunctionName").asText(null);
      payload = args.has("Payload") ? args.get("Payload") : JsonNodeFactory.instance.objectNode();
      ObjectNode details = Details.object().put("resourceType", "lambda").put("resource", attempt.resourceName())
          .put("region", region).put("parameters", Json.text(args));
      if (timeout != null) {
        details.put("timeoutInSeconds", timeout);
      }
      if (heartbeat != null) {
        details.put("heartbeatInSeconds", heartbeat);
      }
      execution.append(run.frame, "TaskScheduled", "taskScheduledEventDetails", details);
      execution.append(run.frame, "TaskStarted", "taskStartedEventDetails",
          Details.object().put("resourceType", "lambda").put("resource", attempt.resourceName()));
    }
    if (timeout != null) {
      interpreter.at(run.frame, interpreter.clock().now().plusSeconds(timeout),
          () -> timedOut(attempt, Failure.TIMEOUT));
    }
    if (heartbeat != null && waits) {
      scheduleHeartbeat(attempt, heartbeat);
    }
    String machineName = execution.machine.name();
    if (execution.testCase != null && mocks != null && mocks.mocks(machineName, execution.testCase, run.state.name())) {
      int call = execution.nextMockInvocation(run.state.name());
      Optional<MockConfig.Response> response = mocks.response(machineName, execution.testCase, run.state.name(), call);
      interpreter.later(run.frame, () -> mocked(attempt, response, call, waits));
      return;
    }
    if (functionName == null) {
      throw new StateFailure(new Failure(Failure.RUNTIME,
          run.causePrefix() + "The field 'FunctionName' is required by arn:aws:states:::lambda:invoke."), "Parameters");
    }
    interpreter.clock().execute(() -> {
      LambdaResult result;
      try {
        result = invoker.invoke(functionName, payload);
      } catch (RuntimeException | Error e) {
        result = TaskInvoker.raised(e);
      }
      LambdaResult outcome = result;
      interpreter.runNow(run.frame, () -> invoked(attempt, outcome, waits));
    });
  }

  private void mocked(Attempt attempt, Optional<MockConfig.Response> response, int call, boolean waits) {
    if (attempt.done.get()) {
      return;
    }
    StateRun run = attempt.run;
    if (response.isEmpty()) {
      finishFailed(attempt, new Failure(Failure.RUNTIME, "The mock config has no response number " + call
          + " for state '" + run.state.name() + "' in test case '" + run.frame.execution.testCase + "'"));
      return;
    }
    switch (response.get()) {
      // Step Functions Local: a mocked waitForTaskToken task completes with the mocked value, no token needed.
      case MockConfig.Return ret -> finishSucceeded(attempt, ret.value());
      case MockConfig.Throw thrown -> finishFailed(attempt, new Failure(thrown.error(), thrown.cause()));
    }
  }

  private void invoked(Attempt attempt, LambdaResult result, boolean waits) {
    if (attempt.done.get()) {
      return;
    }
    switch (result) {
      case TaskInvoker.Raised raised -> finishFailed(attempt, new Failure(raised.errorType(), raised.cause()));
      case TaskInvoker.Returned returned -> {
        if (attempt.lambdaEvents()) {
          finishSucceeded(attempt, returned.payload());
        } else if (waits) {
          ObjectNode details = Details.object().put("resourceType", "lambda").put("resource", attempt.resourceName());
          Details.payload(details, "output", Json.text(InvokeResponse.of(returned.payload())));
          attempt.run.frame.execution.append(attempt.run.frame, "TaskSubmitted", "taskSubmittedEventDetails", details);
        } else {
          finishSucceeded(attempt, InvokeResponse.of(returned.payload()));
        }
      }
    }
  }

  private void answered(Attempt attempt, TaskTokens.Answer answer) {
    if (attempt.done.get()) {
      return;
    }
    switch (answer) {
      case TaskTokens.Answer.Success success -> finishSucceeded(attempt, success.output());
      case TaskTokens.Answer.Failure failure -> finishFailed(attempt, new Failure(failure.error(), failure.cause()));
      case TaskTokens.Answer.Heartbeat heartbeat -> {
        Long seconds = seconds(attempt.run, attempt.task.heartbeatSeconds(), null, null, "HeartbeatSeconds");
        if (seconds != null) {
          scheduleHeartbeat(attempt, seconds);
        }
      }
    }
  }

  /** Each heartbeat restarts the HeartbeatSeconds timer; an older timer that fires later is ignored. */
  private void scheduleHeartbeat(Attempt attempt, long seconds) {
    int mine = attempt.heartbeats.incrementAndGet();
    interpreter.at(attempt.run.frame, interpreter.clock().now().plusSeconds(seconds), () -> {
      if (mine == attempt.heartbeats.get()) {
        timedOut(attempt, Failure.HEARTBEAT_TIMEOUT);
      }
    });
  }

  private void timedOut(Attempt attempt, String error) {
    if (!attempt.done.compareAndSet(false, true)) {
      return;
    }
    StateRun run = attempt.run;
    tokens.forget(run.taskToken);
    ObjectNode details = Details.failure(error, null);
    if (attempt.lambdaEvents()) {
      run.frame.execution.append(run.frame, "LambdaFunctionTimedOut", "lambdaFunctionTimedOutEventDetails", details);
    } else {
      details.put("resourceType", "lambda").put("resource", attempt.resourceName());
      run.frame.execution.append(run.frame, "TaskTimedOut", "taskTimedOutEventDetails", details);
    }
    interpreter.fail(run, new Failure(error, null), true, null);
  }

  private void finishSucceeded(Attempt attempt, JsonNode output) {
    if (attempt.done.get()) {
      return;
    }
    String text = Json.text(output);
    if (Json.tooLarge(text)) {
      // Developer guide, States.DataLimitExceeded: "The output of a connector is larger than payload size quota".
      // Recorded AWS histories: the task fails (TaskFailed) with this error, which States.ALL catches.
      finishFailed(attempt, new Failure(Failure.DATA_LIMIT_EXCEEDED, "The state/task 'lambda' returned a result "
          + "with a size exceeding the maximum number of bytes service limit."));
      return;
    }
    if (!attempt.done.compareAndSet(false, true)) {
      return;
    }
    StateRun run = attempt.run;
    tokens.forget(run.taskToken);
    if (attempt.lambdaEvents()) {
      ObjectNode details = Details.payload(Details.object(), "output", text);
      run.frame.execution.append(run.frame, "LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails", details);
    } else {
      ObjectNode details = Details.object().put("resourceType", "lambda").put("resource", attempt.resourceName());
      Details.payload(details, "output", text);
      run.frame.execution.append(run.frame, "TaskSucceeded", "taskSucceededEventDetails", details);
    }
    interpreter.finishWithResult(run, output, text);
  }

  private void finishFailed(Attempt attempt, Failure failure) {
    if (!attempt.done.compareAndSet(false, true)) {
      return;
    }
    StateRun run = attempt.run;
    tokens.forget(run.taskToken);
    ObjectNode details = Details.failure(failure.error(), failure.cause());
    if (attempt.lambdaEvents()) {
      run.frame.execution.append(run.frame, "LambdaFunctionFailed", "lambdaFunctionFailedEventDetails", details);
    } else {
      details.put("resourceType", "lambda").put("resource", attempt.resourceName());
      run.frame.execution.append(run.frame, "TaskFailed", "taskFailedEventDetails", details);
    }
    interpreter.fail(run, failure, true, null);
  }

  /** TimeoutSeconds/HeartbeatSeconds from a number, a JSONPath (…Path) or a JSONata expression; null if unset. */
  private Long seconds(StateRun run, Integer literal, String path, String expression, String field) {
    if (literal != null) {
      return literal.longValue();
    }
    JsonNode value = null;
    if (path != null) {
      value = interpreter.flow().read(run, path, run.rawInput, field + "Path");
    } else if (expression != null) {
      value = interpreter.flow().jsonataValue(run, JsonNodeFactory.instance.textNode(expression), field);
    }
    if (value == null) {
      return null;
    }
    if (!value.canConvertToLong() || value.asLong() < 1) {
      throw new StateFailure(new Failure(Failure.RUNTIME, run.causePrefix() + "The " + field
          + " value must be a positive integer, but was " + Json.text(value)), field);
    }
    return value.asLong();
  }
}
