package dev.fulfillment.local.sfn;

import dev.fulfillment.local.sfn.runtime.Engine;
import java.util.List;

/**
 * The local Step Functions engine: the control plane (state machines, executions) and the data plane (running
 * them) behind one object. The HTTP API and tests talk to this class only.
 */
public final class LocalStepFunctions implements AutoCloseable {
  private final EngineClock clock;
  private final Engine engine;

  private LocalStepFunctions(Builder builder) {
    this.clock = builder.clock != null ? builder.clock : EngineClock.system();
    TaskInvoker invoker = builder.taskInvoker != null ? builder.taskInvoker : TaskInvoker.unavailable();
    this.engine = new Engine(clock, invoker, builder.mockConfig, builder.region, builder.accountId);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options of the engine; every one has a default. */
  public static final class Builder {
    private EngineClock clock;
    private TaskInvoker taskInvoker;
    private MockConfig mockConfig;
    private String region = "us-east-1";
    private String accountId = "123456789012";

    private Builder() {}

    public Builder clock(EngineClock clock) {
      this.clock = clock;
      return this;
    }

    public Builder taskInvoker(TaskInvoker invoker) {
      this.taskInvoker = invoker;
      return this;
    }

    public Builder mockConfig(MockConfig config) {
      this.mockConfig = config;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    public LocalStepFunctions build() {
      return new LocalStepFunctions(this);
    }
  }

  public StateMachineInfo createStateMachine(String name, String definition, String roleArn, String type,
                                             LoggingSettings loggingOrNull) {
    return engine.createStateMachine(name, definition, roleArn, type, loggingOrNull);
  }

  public StateMachineInfo updateStateMachine(String arn, String definitionOrNull, String roleArnOrNull) {
    return engine.updateStateMachine(arn, definitionOrNull, roleArnOrNull);
  }

  public StateMachineInfo describeStateMachine(String arn) {
    return engine.describeStateMachine(arn);
  }

  public List<StateMachineInfo> listStateMachines() {
    return engine.listStateMachines();
  }

  public void deleteStateMachine(String arn) {
    engine.deleteStateMachine(arn);
  }

  public List<Diagnostic> validateDefinition(String definition, String typeOrNull) {
    return engine.validateDefinition(definition, typeOrNull);
  }

  public ExecutionInfo startExecution(String stateMachineArn, String nameOrNull, String inputJsonOrNull) {
    return engine.startExecution(stateMachineArn, nameOrNull, inputJsonOrNull, false);
  }

  public ExecutionInfo startSyncExecution(String stateMachineArn, String nameOrNull, String inputJsonOrNull) {
    return engine.startExecution(stateMachineArn, nameOrNull, inputJsonOrNull, true);
  }

  public ExecutionInfo describeExecution(String executionArn) {
    return engine.describeExecution(executionArn);
  }

  public List<ExecutionInfo> listExecutions(String stateMachineArn, ExecutionStatus statusOrNull) {
    return engine.listExecutions(stateMachineArn, statusOrNull);
  }

  public List<HistoryEvent> getExecutionHistory(String executionArn) {
    return engine.getExecutionHistory(executionArn);
  }

  public ExecutionInfo stopExecution(String executionArn, String errorOrNull, String causeOrNull) {
    return engine.stopExecution(executionArn, errorOrNull, causeOrNull);
  }

  public ExecutionInfo redriveExecution(String executionArn) {
    return engine.redriveExecution(executionArn);
  }

  public void sendTaskSuccess(String taskToken, String outputJson) {
    engine.sendTaskSuccess(taskToken, outputJson);
  }

  public void sendTaskFailure(String taskToken, String errorOrNull, String causeOrNull) {
    engine.sendTaskFailure(taskToken, errorOrNull, causeOrNull);
  }

  public void sendTaskHeartbeat(String taskToken) {
    engine.sendTaskHeartbeat(taskToken);
  }

  public EngineClock clock() {
    return clock;
  }

  @Override
  public void close() {
    clock.close();
  }
}
