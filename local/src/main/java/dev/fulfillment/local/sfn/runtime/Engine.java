package dev.fulfillment.local.sfn.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.local.sfn.Diagnostic;
import dev.fulfillment.local.sfn.EngineClock;
import dev.fulfillment.local.sfn.ExecutionInfo;
import dev.fulfillment.local.sfn.ExecutionStatus;
import dev.fulfillment.local.sfn.HistoryEvent;
import dev.fulfillment.local.sfn.LoggingSettings;
import dev.fulfillment.local.sfn.MockConfig;
import dev.fulfillment.local.sfn.SfnException;
import dev.fulfillment.local.sfn.StateMachineInfo;
import dev.fulfillment.local.sfn.TaskInvoker;
import dev.fulfillment.local.sfn.definition.DefinitionParser;
import dev.fulfillment.local.sfn.definition.StateMachineDefinition;
import dev.fulfillment.local.sfn.history.Details;
import dev.fulfillment.local.sfn.query.JsonPathEvaluator;
import dev.fulfillment.local.sfn.query.JsonataEvaluator;
import dev.fulfillment.local.sfn.tasks.TaskTokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The control plane behind {@code LocalStepFunctions}: state machines, executions, task tokens, and starting,
 * stopping and redriving runs. Error codes and messages follow the Step Functions API reference.
 */
public final class Engine {
  private final EngineClock clock;
  private final String region;
  private final String accountId;
  private final Map<String, Machine> machines = new LinkedHashMap<>();
  private final Map<String, Execution> executions = new ConcurrentHashMap<>();
  private final List<Execution> executionOrder = new ArrayList<>();
  private final TaskTokens tokens = new TaskTokens();
  private final Interpreter interpreter;

  public Engine(EngineClock clock, TaskInvoker invoker, MockConfig mocks, String region, String accountId) {
    this.clock = clock;
    this.region = region;
    this.accountId = accountId;
    this.interpreter = new Interpreter(clock, new DataFlow(JsonPathEvaluator.create(), JsonataEvaluator.create()));
    this.interpreter.tasks = new TaskStep(interpreter, invoker, mocks, tokens, region);
    this.interpreter.forks = new ForkStep(interpreter, region, accountId);
  }

  // ---- state machines

  public synchronized StateMachineInfo createStateMachine(String name, String definition, String roleArn, String type,
                                                          LoggingSettings logging) {
    Names.check(name, "state machine");
    String machineType = type == null ? "STANDARD" : type;
    if (!machineType.equals("STANDARD") && !machineType.equals("EXPRESS")) {
      throw new SfnException("ValidationException", "1 validation error detected: Value '" + type
          + "' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]");
    }
    StateMachineDefinition parsed = DefinitionParser.parse(definition);
    String arn = "arn:aws:states:" + region + ":" + accountId + ":stateMachine:" + name;
    Machine existing = machines.get(arn);
    if (existing != null) {
      // CreateStateMachine is idempotent for an identical request; anything else is a conflict.
      if (existing.definitionText().equals(definition) && existing.roleArn().equals(roleArn)
          && existing.type().equals(machineType)) {
        return existing.info();
      }
      throw new SfnException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
    }
    var now = clock.now();
    Machine machine = new Machine(arn, name, definition, parsed, roleArn, machineType, logging, now, now,
        UUID.randomUUID().toString());
    machines.put(arn, machine);
    return machine.info();
  }

  public synchronized StateMachineInfo updateStateMachine(String arn, String definition, String roleArn) {
    Machine old = machine(arn);
    StateMachineDefinition parsed = definition == null ? old.definition() : DefinitionParser.parse(definition);
    Machine updated = new Machine(arn, old.name(), definition == null ? old.definitionText() : definition, parsed,
        roleArn == null ? old.roleArn() : roleArn, old.type(), old.logging(), old.creationDate(), clock.now(),
        UUID.randomUUID().toString());
    machines.put(arn, updated);
    return updated.info();
  }

  public synchronized StateMachineInfo describeStateMachine(String arn) {
    return machine(arn).info();
  }

  public synchronized List<StateMachineInfo> listStateMachines() {
    return machines.values().stream().map(Machine::info).toList();
  }

  public synchronized void deleteStateMachine(String arn) {
    checkArn(arn, ":stateMachine:");
    machines.remove(arn);
  }

  public List<Diagnostic> validateDefinition(String definition, String type) {
    List<Diagnostic> out = new ArrayList<>();
    for (String problem : DefinitionParser.problems(definition)) {
      int colon = problem.indexOf(": ");
      int at = problem.lastIndexOf(" at ");
      String code = colon > 0 ? problem.substring(0, colon) : "SCHEMA_VALIDATION_FAILED";
      String message = colon > 0 ? problem.substring(colon + 2) : problem;
      String location = null;
      if (at > colon) {
        location = problem.substring(at + 4);
        message = problem.substring(colon + 2, at);
      }
      out.add(new Diagnostic("ERROR", code, message, location));
    }
    return out;
  }

  private Machine machine(String arn) {
    checkArn(arn, ":stateMachine:");
    Machine machine = machines.get(arn);
    if (machine == null) {
      throw new SfnException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }
    return machine;
  }

  private static void checkArn(String arn, String kind) {
    if (arn == null || !arn.startsWith("arn:") || !arn.contains(kind)) {
      throw new SfnException("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + arn + "'");
    }
  }

  // ---- executions

  public ExecutionInfo startExecution(String stateMachineArn, String name, String inputJson, boolean sync) {
    String machineArn = stateMachineArn;
    String testCase = null;
    int hash = stateMachineArn == null ? -1 : stateMachineArn.indexOf('#');
    if (hash >= 0) {
      machineArn = stateMachineArn.substring(0, hash);
      testCase = stateMachineArn.substring(hash + 1);
    }
    String executionName = name == null ? UUID.randomUUID().toString() : name;
    Names.check(executionName, "execution");
    String inputText = inputJson == null ? "{}" : inputJson;
    JsonNode input;
    try {
      input = Json.parse(inputText);
    } catch (JsonProcessingException e) {
      throw new SfnException("InvalidExecutionInput", "Invalid State Machine Execution Input: '"
          + e.getOriginalMessage() + "'");
    }
    if (Json.tooLarge(inputText)) {
      throw new SfnException("InvalidExecutionInput", "Execution input is larger than the maximum size of 262144 bytes");
    }
    Execution execution;
    synchronized (this) {
      Machine machine = machine(machineArn);
      if (sync && !machine.express()) {
        throw new SfnException("StateMachineTypeNotSupported",
            "This operation is not supported by this type of state machine");
      }
      String arn = machine.express()
          ? "arn:aws:states:" + region + ":" + accountId + ":express:" + machine.name() + ":" + executionName + ":"
              + UUID.randomUUID()
          : "arn:aws:states:" + region + ":" + accountId + ":execution:" + machine.name() + ":" + executionName;
      Execution existing = executions.get(arn);
      if (existing != null) {
        // StartExecution is idempotent for STANDARD machines: same name and input while RUNNING -> same execution.
        if (existing.status() == ExecutionStatus.RUNNING && existing.inputText.equals(inputText)) {
          return existing.info();
        }
        throw new SfnException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
      }
      execution = new Execution(arn, executionName, machine, inputText, input, clock.now(), testCase, clock);
      executions.put(arn, execution);
      executionOrder.add(execution);
      begin(execution);
    }
    if (sync) {
      return execution.finished.join();
    }
    return execution.info();
  }

  private void begin(Execution execution) {
    ObjectNode details = Details.object();
    Details.payload(details, "input", execution.inputText);
    details.put("roleArn", execution.machine.roleArn());
    execution.append(null, "ExecutionStarted", "executionStartedEventDetails", details);
    // Recorded AWS histories: the first StateEntered names 0, not ExecutionStarted, as its previous event.
    // Recorded AWS histories: the first StateEntered carries the input text exactly as sent (as ExecutionStarted).
    run(execution, execution.machine.definition().startAt(), execution.input, execution.inputText, 0);
  }

  private void run(Execution execution, String stateName, JsonNode input, String inputText, long cursor) {
    StateMachineDefinition definition = execution.machine.definition();
    Frame top = new Frame(execution, null, definition, new Scope(null), null, false, cursor,
        outcome -> ended(execution, outcome));
    // The timer is set from inside engine work: a virtual clock that saw no work in flight could otherwise jump
    // past it, or to it, before the first state ran.
    interpreter.later(top, () -> {
      if (definition.timeoutSeconds() != null) {
        execution.track(clock.schedule(clock.now().plusSeconds(definition.timeoutSeconds()),
            () -> execution.locked(top.generation, () -> timedOut(execution, top))));
      }
      interpreter.enter(top, stateName, input, inputText);
    });
  }

  private void ended(Execution execution, Frame.Outcome outcome) {
    switch (outcome) {
      case Frame.Outcome.Succeeded ok -> {
        String text = Json.text(ok.output());
        execution.append(null, "ExecutionSucceeded", "executionSucceededEventDetails",
            Details.payload(Details.object(), "output", text));
        execution.close(ExecutionStatus.SUCCEEDED, text, null, null);
      }
      case Frame.Outcome.Failed failed -> {
        execution.append(null, "ExecutionFailed", "executionFailedEventDetails",
            Details.failure(failed.failure().error(), failed.failure().cause()));
        execution.close(ExecutionStatus.FAILED, null, failed.failure().error(), failed.failure().cause());
      }
    }
  }

  private void timedOut(Execution execution, Frame top) {
    top.cancel();
    execution.append(null, "ExecutionTimedOut", "executionTimedOutEventDetails",
        Details.failure(Failure.TIMEOUT, "The execution timed out."));
    execution.close(ExecutionStatus.TIMED_OUT, null, Failure.TIMEOUT, "The execution timed out.");
  }

  public ExecutionInfo describeExecution(String executionArn) {
    return execution(executionArn).info();
  }

  public synchronized List<ExecutionInfo> listExecutions(String stateMachineArn, ExecutionStatus status) {
    machine(stateMachineArn);
    List<ExecutionInfo> out = new ArrayList<>();
    for (int i = executionOrder.size() - 1; i >= 0; i--) {
      Execution execution = executionOrder.get(i);
      ExecutionInfo info = execution.info();
      if (execution.machine.arn().equals(stateMachineArn) && (status == null || info.status() == status)) {
        out.add(info);
      }
    }
    return out;
  }

  public List<HistoryEvent> getExecutionHistory(String executionArn) {
    return execution(executionArn).history.snapshot();
  }

  public ExecutionInfo stopExecution(String executionArn, String error, String cause) {
    Execution execution = execution(executionArn);
    synchronized (execution) {
      if (execution.status() == ExecutionStatus.RUNNING) {
        execution.append(null, "ExecutionAborted", "executionAbortedEventDetails", Details.failure(error, cause));
        execution.close(ExecutionStatus.ABORTED, null, error, cause);
      }
    }
    return execution.info();
  }

  /**
   * RedriveExecution: a STANDARD execution that FAILED, TIMED_OUT or was ABORTED restarts from the top-level
   * state that was running when it ended, with that state's input; the redrive count goes up by one.
   */
  public ExecutionInfo redriveExecution(String executionArn) {
    Execution execution = execution(executionArn);
    synchronized (execution) {
      ExecutionStatus status = execution.status();
      if (execution.machine.express() || status == ExecutionStatus.RUNNING || status == ExecutionStatus.SUCCEEDED
          || execution.failedState == null) {
        throw new SfnException("ExecutionNotRedrivable", "Execution is " + status + " and cannot be redriven: '"
            + executionArn + "'");
      }
      execution.reopen();
      long id = execution.append(null, "ExecutionRedriven", "executionRedrivenEventDetails",
          Details.object().put("redriveCount", execution.redriveCount()));
      run(execution, execution.failedState, execution.failedStateInput, null, id);
    }
    return execution.info();
  }

  private Execution execution(String arn) {
    if (arn == null || !arn.startsWith("arn:") || !(arn.contains(":execution:") || arn.contains(":express:"))) {
      throw new SfnException("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + arn + "'");
    }
    Execution execution = executions.get(arn);
    if (execution == null) {
      throw new SfnException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }
    return execution;
  }

  // ---- task tokens

  public void sendTaskSuccess(String token, String outputJson) {
    JsonNode output;
    try {
      output = Json.parse(outputJson);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new SfnException("InvalidOutput", "Invalid Output: '" + outputJson + "'");
    }
    tokens.answer(token, new TaskTokens.Answer.Success(output));
  }

  public void sendTaskFailure(String token, String error, String cause) {
    tokens.answer(token, new TaskTokens.Answer.Failure(error, cause));
  }

  public void sendTaskHeartbeat(String token) {
    tokens.answer(token, new TaskTokens.Answer.Heartbeat());
  }
}
