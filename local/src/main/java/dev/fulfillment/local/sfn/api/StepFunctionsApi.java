package dev.fulfillment.local.sfn.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.local.sfn.Diagnostic;
import dev.fulfillment.local.sfn.ExecutionInfo;
import dev.fulfillment.local.sfn.ExecutionStatus;
import dev.fulfillment.local.sfn.HistoryEvent;
import dev.fulfillment.local.sfn.LocalStepFunctions;
import dev.fulfillment.local.sfn.LoggingSettings;
import dev.fulfillment.local.sfn.SfnException;
import dev.fulfillment.local.sfn.StateMachineInfo;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Step Functions API operations (request and response members as in the API Reference) over the engine's Java
 * facade, {@link LocalStepFunctions}. Each operation first checks the members against the service model
 * ({@link RequestMembers}), then the operation's own rules (names, ARNs, input), then calls the engine and maps its
 * {@link SfnException} codes one to one. Tags, logging/tracing configuration and the state machine version an
 * execution started with are kept here, since the engine does not need them.
 */
public final class StepFunctionsApi implements StepFunctionsApiHandler.Operations {
  /** Execution input, task output: at most 256 KiB, counted in UTF-8 bytes. */
  static final int MAX_PAYLOAD_BYTES = 262_144;
  static final int MAX_DEFINITION_CHARS = 1_048_576;
  static final int MAX_PAGE_SIZE = 1000;

  private static final List<String> TYPES = List.of("STANDARD", "EXPRESS");
  private static final List<String> STATUSES = Arrays.stream(ExecutionStatus.values()).map(Enum::name).toList();
  private static final List<String> LOG_LEVELS = List.of("ALL", "ERROR", "FATAL", "OFF");
  private static final List<String> INCLUDED_DATA = List.of("ALL_DATA", "METADATA_ONLY");
  private static final List<String> SEVERITIES = List.of("ERROR", "WARNING");
  private static final List<String> REDRIVE_FILTERS = List.of("REDRIVEN", "NOT_REDRIVEN");
  /** Operations of the service this engine does not offer: answered with a clear error, never silently. */
  private static final Set<String> UNSUPPORTED = Set.of("CreateActivity", "DeleteActivity", "DescribeActivity",
      "ListActivities", "GetActivityTask", "CreateStateMachineAlias", "DeleteStateMachineAlias",
      "DescribeStateMachineAlias", "ListStateMachineAliases", "UpdateStateMachineAlias", "PublishStateMachineVersion",
      "DeleteStateMachineVersion", "ListStateMachineVersions", "DescribeMapRun", "ListMapRuns", "UpdateMapRun",
      "TestState");

  private final LocalStepFunctions engine;
  private final PageTokens pageTokens;
  private final TagStore tags = new TagStore();
  /** loggingConfiguration and tracingConfiguration as last set, per state machine ARN. */
  private final Map<String, ObjectNode[]> configurations = new ConcurrentHashMap<>();
  /** The state machine as it was when each execution started (DescribeStateMachineForExecution). */
  private final Map<String, StateMachineInfo> machineAtStart = new ConcurrentHashMap<>();
  private final Map<String, Function<RequestMembers, ObjectNode>> operations = new LinkedHashMap<>();

  public StepFunctionsApi(LocalStepFunctions engine) {
    this(engine, Clock.systemUTC());
  }

  StepFunctionsApi(LocalStepFunctions engine, Clock tokenClock) {
    this.engine = engine;
    this.pageTokens = new PageTokens(tokenClock);
    operations.put("CreateStateMachine", this::createStateMachine);
    operations.put("UpdateStateMachine", this::updateStateMachine);
    operations.put("DescribeStateMachine", this::describeStateMachine);
    operations.put("DescribeStateMachineForExecution", this::describeStateMachineForExecution);
    operations.put("ListStateMachines", this::listStateMachines);
    operations.put("DeleteStateMachine", this::deleteStateMachine);
    operations.put("ValidateStateMachineDefinition", this::validateStateMachineDefinition);
    operations.put("StartExecution", this::startExecution);
    operations.put("StartSyncExecution", this::startSyncExecution);
    operations.put("DescribeExecution", this::describeExecution);
    operations.put("ListExecutions", this::listExecutions);
    operations.put("GetExecutionHistory", this::getExecutionHistory);
    operations.put("StopExecution", this::stopExecution);
    operations.put("RedriveExecution", this::redriveExecution);
    operations.put("SendTaskSuccess", this::sendTaskSuccess);
    operations.put("SendTaskFailure", this::sendTaskFailure);
    operations.put("SendTaskHeartbeat", this::sendTaskHeartbeat);
    operations.put("TagResource", this::tagResource);
    operations.put("UntagResource", this::untagResource);
    operations.put("ListTagsForResource", this::listTagsForResource);
  }

  @Override
  public ObjectNode invoke(String operation, ObjectNode request) {
    Function<RequestMembers, ObjectNode> handler = operations.get(operation);
    if (handler == null) {
      if (UNSUPPORTED.contains(operation)) {
        throw new ApiException(400, ApiException.CORAL_SERVICE, "UnknownOperationException",
            "Operation " + operation + " is not supported by this local Step Functions engine", null);
      }
      throw ApiException.unknownOperation(StepFunctionsApiHandler.TARGET_PREFIX + operation);
    }
    try {
      return handler.apply(new RequestMembers(request));
    } catch (SfnException e) {
      throw ApiException.sfn(e.code(), e.getMessage());
    }
  }

  // ------------------------------------------------------------------------------------------ state machines

  private ObjectNode createStateMachine(RequestMembers in) {
    String name = in.string("name", true, 1, 80);
    String definition = in.sensitive("definition", true, 1, MAX_DEFINITION_CHARS, false);
    String roleArn = in.string("roleArn", true, 1, 256);
    String type = in.enumeration("type", false, TYPES);
    ObjectNode logging = loggingConfiguration(in);
    ObjectNode tracing = tracingConfiguration(in);
    Map<String, String> newTags = tagList(in, "tags", false);
    Boolean publish = in.bool("publish");
    String versionDescription = in.sensitive("versionDescription", false, 0, 256, false);
    ObjectNode encryption = in.structure("encryptionConfiguration");
    in.check();
    ResourceNames.requireValidName(name);
    ResourceNames.requireRoleArn(roleArn);
    rejectVersioning(publish, versionDescription);
    rejectCustomerManagedKey(encryption);
    String machineType = type == null ? "STANDARD" : type;
    LoggingSettings settings = logging == null ? null
        : new LoggingSettings(logging.get("level").asText(), logging.get("includeExecutionData").asBoolean());
    // CreateStateMachine is idempotent on name, definition, type and logging; a repeated call ignores tags (API
    // Reference), so tags are only applied when this call created the machine.
    StateMachineInfo created = engine.createStateMachine(name, definition, roleArn, machineType, settings);
    boolean isNew = configurations.putIfAbsent(created.stateMachineArn(),
        new ObjectNode[] {logging == null ? defaultLogging() : logging, tracing == null ? defaultTracing() : tracing})
        == null;
    if (isNew && !newTags.isEmpty()) {
      tags.tag(created.stateMachineArn(), newTags);
    }
    ObjectNode out = AwsJson.object();
    out.put("stateMachineArn", created.stateMachineArn());
    AwsJson.putTimestamp(out, "creationDate", created.creationDate());
    return out;
  }

  private ObjectNode updateStateMachine(RequestMembers in) {
    String arn = in.string("stateMachineArn", true, 1, 256);
    String definition = in.sensitive("definition", false, 1, MAX_DEFINITION_CHARS, false);
    String roleArn = in.string("roleArn", false, 1, 256);
    ObjectNode logging = loggingConfiguration(in);
    ObjectNode tracing = tracingConfiguration(in);
    Boolean publish = in.bool("publish");
    String versionDescription = in.sensitive("versionDescription", false, 0, 256, false);
    ObjectNode encryption = in.structure("encryptionConfiguration");
    in.check();
    ResourceNames.stateMachineArn(arn, false);
    if (definition == null && roleArn == null && logging == null && tracing == null && encryption == null) {
      throw ApiException.sfn("MissingRequiredParameter", "Either the definition, the role ARN, the"
          + " LoggingConfiguration, the EncryptionConfiguration or the TracingConfiguration must be specified");
    }
    if (roleArn != null) {
      ResourceNames.requireRoleArn(roleArn);
    }
    rejectVersioning(publish, versionDescription);
    rejectCustomerManagedKey(encryption);
    StateMachineInfo updated = definition == null && roleArn == null
        ? engine.describeStateMachine(arn)
        : engine.updateStateMachine(arn, definition, roleArn);
    ObjectNode[] config = configuration(updated.stateMachineArn());
    if (logging != null) {
      config[0] = logging;
    }
    if (tracing != null) {
      config[1] = tracing;
    }
    ObjectNode out = AwsJson.object();
    AwsJson.putTimestamp(out, "updateDate",
        updated.updateDate() != null ? updated.updateDate() : engine.clock().now());
    AwsJson.putIfNotNull(out, "revisionId", updated.revisionId());
    return out;
  }

  private ObjectNode describeStateMachine(RequestMembers in) {
    String arn = in.string("stateMachineArn", true, 1, 256);
    String includedData = in.enumeration("includedData", false, INCLUDED_DATA);
    in.check();
    ResourceNames.stateMachineArn(arn, false);
    StateMachineInfo info = engine.describeStateMachine(arn);
    ObjectNode out = AwsJson.object();
    out.put("stateMachineArn", info.stateMachineArn());
    out.put("name", info.name());
    out.put("status", info.status() == null ? "ACTIVE" : info.status());
    // "If called with includedData = METADATA_ONLY, the returned definition will be {}."
    out.put("definition", "METADATA_ONLY".equals(includedData) ? "{}" : info.definition());
    out.put("roleArn", info.roleArn());
    out.put("type", info.type());
    AwsJson.putTimestamp(out, "creationDate", info.creationDate());
    ObjectNode[] config = configuration(info.stateMachineArn());
    out.set("loggingConfiguration", config[0].deepCopy());
    out.set("tracingConfiguration", config[1].deepCopy());
    AwsJson.putIfNotNull(out, "revisionId", info.revisionId());
    return out;
  }

  private ObjectNode describeStateMachineForExecution(RequestMembers in) {
    String executionArn = in.string("executionArn", true, 1, 256);
    in.enumeration("includedData", false, INCLUDED_DATA);
    in.check();
    ResourceNames.executionArn(executionArn);
    ExecutionInfo execution = engine.describeExecution(executionArn);
    // The API returns the state machine as the execution ran it, even after an UpdateStateMachine.
    StateMachineInfo info = machineAtStart.get(execution.executionArn());
    if (info == null) {
      info = engine.describeStateMachine(execution.stateMachineArn());
    }
    ObjectNode out = AwsJson.object();
    out.put("stateMachineArn", info.stateMachineArn());
    out.put("name", info.name());
    out.put("definition", info.definition());
    out.put("roleArn", info.roleArn());
    AwsJson.putTimestamp(out, "updateDate", info.updateDate() != null ? info.updateDate() : info.creationDate());
    ObjectNode[] config = configuration(info.stateMachineArn());
    out.set("loggingConfiguration", config[0].deepCopy());
    out.set("tracingConfiguration", config[1].deepCopy());
    AwsJson.putIfNotNull(out, "revisionId", info.revisionId());
    return out;
  }

  private ObjectNode listStateMachines(RequestMembers in) {
    Integer maxResults = in.integer("maxResults", 0, MAX_PAGE_SIZE);
    String nextToken = in.string("nextToken", false, 1, 1024);
    in.check();
    PageTokens.Page<StateMachineInfo> page = pageTokens.page("ListStateMachines", engine.listStateMachines(),
        StateMachineInfo::stateMachineArn, maxResults, nextToken);
    ObjectNode out = AwsJson.object();
    ArrayNode items = out.putArray("stateMachines");
    for (StateMachineInfo info : page.items()) {
      ObjectNode item = items.addObject();
      item.put("stateMachineArn", info.stateMachineArn());
      item.put("name", info.name());
      item.put("type", info.type());
      AwsJson.putTimestamp(item, "creationDate", info.creationDate());
    }
    AwsJson.putIfNotNull(out, "nextToken", page.nextToken());
    return out;
  }

  private ObjectNode deleteStateMachine(RequestMembers in) {
    String arn = in.string("stateMachineArn", true, 1, 256);
    in.check();
    ResourceNames.stateMachineArn(arn, false);
    if (arn.substring(arn.indexOf(":stateMachine:")).contains("/")) {
      // "If you provide a qualified state machine ARN that refers to a Distributed Map state, the request fails
      // with ValidationException."
      throw ApiException.validationMessage("Deleting a Distributed Map state's labelled ARN is not supported: "
          + arn);
    }
    try {
      engine.deleteStateMachine(arn);
    } catch (SfnException e) {
      // DeleteStateMachine declares no "does not exist" error: deleting a missing machine succeeds.
      if (!"StateMachineDoesNotExist".equals(e.code())) {
        throw e;
      }
    }
    tags.forget(arn);
    configurations.remove(arn);
    return AwsJson.object();
  }

  private ObjectNode validateStateMachineDefinition(RequestMembers in) {
    String definition = in.sensitive("definition", true, 1, MAX_DEFINITION_CHARS, false);
    String type = in.enumeration("type", false, TYPES);
    String severity = in.enumeration("severity", false, SEVERITIES);
    Integer maxResults = in.integer("maxResults", 0, 100);
    in.check();
    List<Diagnostic> diagnostics = engine.validateDefinition(definition, type);
    // severity ERROR (the default) returns only errors, WARNING returns both; maxResults 0 means the default, 100.
    boolean withWarnings = "WARNING".equals(severity);
    List<Diagnostic> shown = diagnostics.stream()
        .filter(d -> withWarnings || "ERROR".equals(d.severity()))
        .toList();
    int limit = maxResults == null || maxResults == 0 ? 100 : maxResults;
    ObjectNode out = AwsJson.object();
    out.put("result", diagnostics.stream().anyMatch(d -> "ERROR".equals(d.severity())) ? "FAIL" : "OK");
    ArrayNode list = out.putArray("diagnostics");
    for (Diagnostic d : shown.subList(0, Math.min(limit, shown.size()))) {
      ObjectNode item = list.addObject();
      item.put("severity", d.severity());
      item.put("code", d.code());
      item.put("message", d.message());
      AwsJson.putIfNotNull(item, "location", d.location());
    }
    out.put("truncated", shown.size() > limit);
    return out;
  }

  // ------------------------------------------------------------------------------------------ executions

  /** The members StartExecution and StartSyncExecution share, checked. */
  private record StartRequest(String target, String stateMachineArn, String name, String input) {}

  private StartRequest startRequest(RequestMembers in) {
    // The model limits ARNs to 256 characters; "#TestCaseName" (Step Functions Local) may come on top.
    String target = in.string("stateMachineArn", true, 1, 256 + 81);
    String name = in.string("name", false, 1, 80);
    String input = in.sensitive("input", false, 0, -1, true);
    in.string("traceHeader", false, 0, 256);
    in.check();
    String stateMachineArn = ResourceNames.stateMachineArn(target, true);
    if (name != null) {
      ResourceNames.requireValidName(name);
    }
    // "If you don't include any JSON input data, you still must include the two braces": no input means {}.
    String text = input == null ? "{}" : input;
    requireJsonPayload(text, "InvalidExecutionInput", "Invalid State Machine Execution Input");
    return new StartRequest(target, stateMachineArn, name, text);
  }

  private ObjectNode startExecution(RequestMembers in) {
    StartRequest start = startRequest(in);
    StateMachineInfo machine = engine.describeStateMachine(start.stateMachineArn());
    ExecutionInfo execution;
    try {
      execution = engine.startExecution(start.target(), start.name(), start.input());
    } catch (SfnException e) {
      execution = sameOpenExecution(e, start);
    }
    machineAtStart.putIfAbsent(execution.executionArn(), machine);
    ObjectNode out = AwsJson.object();
    out.put("executionArn", execution.executionArn());
    AwsJson.putTimestamp(out, "startDate", execution.startDate());
    return out;
  }

  /**
   * StartExecution's idempotency (API Reference): with the name of an execution that is still open and the identical
   * input, the call succeeds and returns that execution; with a different input, or when that execution is closed,
   * it is ExecutionAlreadyExists.
   */
  private ExecutionInfo sameOpenExecution(SfnException e, StartRequest start) {
    if (!"ExecutionAlreadyExists".equals(e.code()) || start.name() == null) {
      throw e;
    }
    String executionArn = start.stateMachineArn().replaceFirst(":stateMachine:", ":execution:") + ":" + start.name();
    ExecutionInfo existing;
    try {
      existing = engine.describeExecution(executionArn);
    } catch (SfnException notFound) {
      throw e;
    }
    if (existing.status() == ExecutionStatus.RUNNING && start.input().equals(existing.input())) {
      return existing;
    }
    throw ApiException.sfn("ExecutionAlreadyExists", "Execution Already Exists: '" + executionArn + "'");
  }

  private ObjectNode startSyncExecution(RequestMembers in) {
    StartRequest start = startRequest(in);
    in.enumeration("includedData", false, INCLUDED_DATA);
    in.check();
    ExecutionInfo execution = engine.startSyncExecution(start.target(), start.name(), start.input());
    ObjectNode out = AwsJson.object();
    out.put("executionArn", execution.executionArn());
    out.put("stateMachineArn", execution.stateMachineArn());
    out.put("name", execution.name());
    AwsJson.putTimestamp(out, "startDate", execution.startDate());
    AwsJson.putTimestamp(out, "stopDate", execution.stopDate());
    out.put("status", execution.status().name());
    AwsJson.putIfNotNull(out, "error", execution.error());
    AwsJson.putIfNotNull(out, "cause", execution.cause());
    AwsJson.putIfNotNull(out, "input", execution.input());
    out.putObject("inputDetails").put("included", true);
    if (execution.output() != null) {
      out.put("output", execution.output());
      out.putObject("outputDetails").put("included", true);
    }
    // Billing is nominal locally: the duration rounded up to 100 ms at the smallest memory size.
    long millis = execution.stopDate() == null ? 0
        : Duration.between(execution.startDate(), execution.stopDate()).toMillis();
    ObjectNode billing = out.putObject("billingDetails");
    billing.put("billedMemoryUsedInMB", 64);
    billing.put("billedDurationInMilliseconds", Math.max(100, (millis + 99) / 100 * 100));
    return out;
  }

  private ObjectNode describeExecution(RequestMembers in) {
    String arn = in.string("executionArn", true, 1, 256);
    in.enumeration("includedData", false, INCLUDED_DATA);
    in.check();
    ResourceNames.executionArn(arn);
    ExecutionInfo execution = engine.describeExecution(arn);
    ObjectNode out = AwsJson.object();
    out.put("executionArn", execution.executionArn());
    out.put("stateMachineArn", execution.stateMachineArn());
    out.put("name", execution.name());
    out.put("status", execution.status().name());
    AwsJson.putTimestamp(out, "startDate", execution.startDate());
    AwsJson.putTimestamp(out, "stopDate", execution.stopDate());
    AwsJson.putIfNotNull(out, "input", execution.input());
    out.putObject("inputDetails").put("included", true);
    if (execution.output() != null) {
      out.put("output", execution.output());
      out.putObject("outputDetails").put("included", true);
    }
    AwsJson.putIfNotNull(out, "error", execution.error());
    AwsJson.putIfNotNull(out, "cause", execution.cause());
    out.put("redriveCount", execution.redriveCount());
    AwsJson.putTimestamp(out, "redriveDate", execution.redriveDate());
    if (execution.redriveStatus() != null) {
      out.put("redriveStatus", execution.redriveStatus());
      String reason = redriveStatusReason(execution);
      AwsJson.putIfNotNull(out, "redriveStatusReason", reason);
    }
    return out;
  }

  /** The documented reasons for NOT_REDRIVABLE that follow from the status alone. */
  private static String redriveStatusReason(ExecutionInfo execution) {
    if (!"NOT_REDRIVABLE".equals(execution.redriveStatus())) {
      return null;
    }
    return switch (execution.status()) {
      case RUNNING -> "Execution is RUNNING and cannot be redriven";
      case SUCCEEDED -> "Execution is SUCCEEDED and cannot be redriven";
      default -> null;
    };
  }

  private ObjectNode listExecutions(RequestMembers in) {
    String arn = in.string("stateMachineArn", false, 1, 256);
    String status = in.enumeration("statusFilter", false, STATUSES);
    Integer maxResults = in.integer("maxResults", 0, MAX_PAGE_SIZE);
    String nextToken = in.string("nextToken", false, 1, 3096);
    String mapRunArn = in.string("mapRunArn", false, 1, 2000);
    String redriveFilter = in.enumeration("redriveFilter", false, REDRIVE_FILTERS);
    in.check();
    if ((arn == null) == (mapRunArn == null)) {
      throw ApiException.validationMessage("Specify either a stateMachineArn or a mapRunArn, but not both");
    }
    if (mapRunArn != null) {
      throw ApiException.sfn("ResourceNotFound", "Map Run does not exist: '" + mapRunArn
          + "' (this local engine runs no Distributed Map runs)", mapRunArn);
    }
    ResourceNames.stateMachineArn(arn, false);
    List<ExecutionInfo> all = engine.listExecutions(arn, status == null ? null : ExecutionStatus.valueOf(status));
    if (redriveFilter != null) {
      boolean redriven = redriveFilter.equals("REDRIVEN");
      all = all.stream().filter(e -> (e.redriveCount() > 0) == redriven).toList();
    }
    PageTokens.Page<ExecutionInfo> page = pageTokens.page(
        String.join("|", "ListExecutions", arn, String.valueOf(status), String.valueOf(redriveFilter)), all,
        ExecutionInfo::executionArn, maxResults, nextToken);
    ObjectNode out = AwsJson.object();
    ArrayNode items = out.putArray("executions");
    for (ExecutionInfo e : page.items()) {
      ObjectNode item = items.addObject();
      item.put("executionArn", e.executionArn());
      item.put("stateMachineArn", e.stateMachineArn());
      item.put("name", e.name());
      item.put("status", e.status().name());
      AwsJson.putTimestamp(item, "startDate", e.startDate());
      AwsJson.putTimestamp(item, "stopDate", e.stopDate());
      if (e.redriveCount() > 0) {
        item.put("redriveCount", e.redriveCount());
        AwsJson.putTimestamp(item, "redriveDate", e.redriveDate());
      }
    }
    AwsJson.putIfNotNull(out, "nextToken", page.nextToken());
    return out;
  }

  private ObjectNode getExecutionHistory(RequestMembers in) {
    String arn = in.string("executionArn", true, 1, 256);
    Integer maxResults = in.integer("maxResults", 0, MAX_PAGE_SIZE);
    Boolean reverseOrder = in.bool("reverseOrder");
    String nextToken = in.string("nextToken", false, 1, 1024);
    Boolean includeData = in.bool("includeExecutionData");
    in.check();
    ResourceNames.executionArn(arn);
    boolean reverse = Boolean.TRUE.equals(reverseOrder);
    List<HistoryEvent> events = engine.getExecutionHistory(arn);
    if (reverse) {
      events = new ArrayList<>(events);
      Collections.reverse(events);
    }
    PageTokens.Page<HistoryEvent> page = pageTokens.page("GetExecutionHistory|" + arn + "|" + reverse, events,
        event -> Long.toString(event.id()), maxResults, nextToken);
    // includeExecutionData defaults to true; false leaves out the input and output of every event.
    boolean withData = includeData == null || includeData;
    ObjectNode out = AwsJson.object();
    ArrayNode items = out.putArray("events");
    for (HistoryEvent event : page.items()) {
      items.add(eventJson(event, withData));
    }
    AwsJson.putIfNotNull(out, "nextToken", page.nextToken());
    return out;
  }

  static ObjectNode eventJson(HistoryEvent event, boolean withData) {
    ObjectNode item = AwsJson.object();
    AwsJson.putTimestamp(item, "timestamp", event.timestamp());
    item.put("type", event.type());
    item.put("id", event.id());
    item.put("previousEventId", event.previousEventId());
    if (event.detailsKey() != null && event.details() != null) {
      ObjectNode details = event.details().deepCopy();
      if (!withData) {
        details.remove(List.of("input", "output"));
      }
      item.set(event.detailsKey(), details);
    }
    return item;
  }

  private ObjectNode stopExecution(RequestMembers in) {
    String arn = in.string("executionArn", true, 1, 256);
    String error = in.sensitive("error", false, 0, 256, false);
    String cause = in.sensitive("cause", false, 0, 32768, false);
    in.check();
    ResourceNames.executionArn(arn);
    ExecutionInfo stopped = engine.stopExecution(arn, error, cause);
    ObjectNode out = AwsJson.object();
    AwsJson.putTimestamp(out, "stopDate", stopped.stopDate() != null ? stopped.stopDate() : engine.clock().now());
    return out;
  }

  private ObjectNode redriveExecution(RequestMembers in) {
    String arn = in.string("executionArn", true, 1, 256);
    in.string("clientToken", false, 1, 64);
    in.check();
    ResourceNames.executionArn(arn);
    ExecutionInfo redriven = engine.redriveExecution(arn);
    ObjectNode out = AwsJson.object();
    AwsJson.putTimestamp(out, "redriveDate",
        redriven.redriveDate() != null ? redriven.redriveDate() : engine.clock().now());
    return out;
  }

  // ------------------------------------------------------------------------------------------ task tokens

  private ObjectNode sendTaskSuccess(RequestMembers in) {
    String token = in.string("taskToken", true, 1, 2048);
    String output = in.sensitive("output", true, 0, -1, true);
    in.check();
    requireJsonPayload(output, "InvalidOutput", "Invalid Output");
    engine.sendTaskSuccess(token, output);
    return AwsJson.object();
  }

  private ObjectNode sendTaskFailure(RequestMembers in) {
    String token = in.string("taskToken", true, 1, 2048);
    String error = in.sensitive("error", false, 0, 256, false);
    String cause = in.sensitive("cause", false, 0, 32768, false);
    in.check();
    engine.sendTaskFailure(token, error, cause);
    return AwsJson.object();
  }

  private ObjectNode sendTaskHeartbeat(RequestMembers in) {
    String token = in.string("taskToken", true, 1, 2048);
    in.check();
    engine.sendTaskHeartbeat(token);
    return AwsJson.object();
  }

  // ------------------------------------------------------------------------------------------ tags

  private ObjectNode tagResource(RequestMembers in) {
    String arn = in.string("resourceArn", true, 1, 256);
    Map<String, String> added = tagList(in, "tags", true);
    in.check();
    tags.tag(existingTaggable(arn), added);
    return AwsJson.object();
  }

  private ObjectNode untagResource(RequestMembers in) {
    String arn = in.string("resourceArn", true, 1, 256);
    ArrayNode keys = in.list("tagKeys", true);
    List<String> names = new ArrayList<>();
    if (keys != null) {
      for (JsonNode key : keys) {
        if (!key.isTextual()) {
          throw ApiException.serialization("Expected strings in 'tagKeys'");
        }
        names.add(key.textValue());
      }
    }
    in.check();
    tags.untag(existingTaggable(arn), names);
    return AwsJson.object();
  }

  private ObjectNode listTagsForResource(RequestMembers in) {
    String arn = in.string("resourceArn", true, 1, 256);
    in.check();
    ObjectNode out = AwsJson.object();
    ArrayNode list = out.putArray("tags");
    tags.list(existingTaggable(arn)).forEach((key, value) -> list.addObject().put("key", key).put("value", value));
    return out;
  }

  /** Tags belong to state machines (and activities, which this engine does not have). */
  private String existingTaggable(String arn) {
    ResourceNames.Arn parsed = ResourceNames.parse(arn);
    if (!parsed.resourceType().equals("stateMachine")) {
      throw ApiException.sfn("ResourceNotFound", "Resource not found: '" + arn + "'", arn);
    }
    try {
      return engine.describeStateMachine(ResourceNames.stateMachineArn(arn, false)).stateMachineArn();
    } catch (SfnException e) {
      if ("StateMachineDoesNotExist".equals(e.code())) {
        throw ApiException.sfn("ResourceNotFound", "Resource not found: '" + arn + "'", arn);
      }
      throw e;
    }
  }

  /** Tags: key 1-128 and value 0-256 characters (model constraints, reported with the request's other ones). */
  private static Map<String, String> tagList(RequestMembers in, String member, boolean required) {
    ArrayNode list = in.list(member, required);
    Map<String, String> result = new LinkedHashMap<>();
    if (list == null) {
      return result;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode tag = list.get(i);
      if (!tag.isObject()) {
        throw ApiException.serialization("Expected tag objects in '" + member + "'");
      }
      JsonNode key = tag.get("key");
      JsonNode value = tag.get("value");
      if ((key != null && !key.isNull() && !key.isTextual()) || (value != null && !value.isNull() && !value.isTextual())) {
        throw ApiException.serialization("Expected string key and value in '" + member + "'");
      }
      String k = key == null || key.isNull() ? null : key.textValue();
      String v = value == null || value.isNull() ? "" : value.textValue();
      String at = member + "." + (i + 1) + ".member";
      if (k == null || k.isEmpty() || k.length() > 128) {
        in.violation("Value " + (k == null ? "null" : "'" + k + "'") + " at '" + at + ".key' failed to satisfy"
            + " constraint: Member must have length between 1 and 128");
      } else if (v.length() > 256) {
        in.violation("Value '" + v + "' at '" + at + ".value' failed to satisfy constraint: Member must have length"
            + " less than or equal to 256");
      } else {
        result.put(k, v);
      }
    }
    return result;
  }

  // ------------------------------------------------------------------------------------------ helpers

  /** Payloads are JSON text of at most 256 KiB in UTF-8; anything else is the operation's "invalid" error. */
  private static void requireJsonPayload(String text, String code, String label) {
    if (RequestMembers.utf8Length(text) > MAX_PAYLOAD_BYTES) {
      throw ApiException.sfn(code, label + ": 'Size of " + RequestMembers.utf8Length(text)
          + " bytes exceeds the maximum of " + MAX_PAYLOAD_BYTES + " bytes'");
    }
    try {
      JsonNode parsed = AwsJson.parse(text);
      if (parsed == null || parsed.isMissingNode()) {
        throw ApiException.sfn(code, label + ": 'No content'");
      }
    } catch (StreamConstraintsException e) {
      throw ApiException.sfn(code, label + ": 'JSON nests deeper than " + AwsJson.MAX_NESTING_DEPTH + " levels'");
    } catch (JsonProcessingException e) {
      throw ApiException.sfn(code, label + ": '" + e.getOriginalMessage() + "'");
    }
  }

  private static ObjectNode loggingConfiguration(RequestMembers in) {
    ObjectNode given = in.structure("loggingConfiguration");
    if (given == null) {
      return null;
    }
    RequestMembers nested = new RequestMembers(given);
    String level = nested.string("level", false, 0, -1);
    Boolean includeData = nested.bool("includeExecutionData");
    ArrayNode destinations = nested.list("destinations", false);
    if (level != null && !LOG_LEVELS.contains(level)) {
      in.violation("Value '" + level + "' at 'loggingConfiguration.level' failed to satisfy constraint: Member must"
          + " satisfy enum value set: [" + String.join(", ", LOG_LEVELS) + "]");
    }
    ObjectNode normalized = AwsJson.object();
    normalized.put("level", level == null ? "OFF" : level);
    normalized.put("includeExecutionData", Boolean.TRUE.equals(includeData));
    if (destinations != null && !destinations.isEmpty()) {
      normalized.set("destinations", destinations.deepCopy());
    }
    if (destinations != null && destinations.size() > 1) {
      throw ApiException.sfn("InvalidLoggingConfiguration",
          "Invalid Logging Configuration: Must specify exactly one Log Destination.");
    }
    if (level != null && LOG_LEVELS.contains(level) && !level.equals("OFF")
        && (destinations == null || destinations.isEmpty())) {
      // "destinations ... Required, if your log level is not set to OFF."
      throw ApiException.sfn("InvalidLoggingConfiguration",
          "Invalid Logging Configuration: Must specify exactly one Log Destination.");
    }
    return normalized;
  }

  private static ObjectNode tracingConfiguration(RequestMembers in) {
    ObjectNode given = in.structure("tracingConfiguration");
    if (given == null) {
      return null;
    }
    Boolean enabled = new RequestMembers(given).bool("enabled");
    ObjectNode normalized = AwsJson.object();
    normalized.put("enabled", Boolean.TRUE.equals(enabled));
    return normalized;
  }

  private ObjectNode[] configuration(String stateMachineArn) {
    return configurations.computeIfAbsent(stateMachineArn,
        arn -> new ObjectNode[] {defaultLogging(), defaultTracing()});
  }

  /** What AWS reports for a state machine created without logging: level OFF, no execution data. */
  private static ObjectNode defaultLogging() {
    ObjectNode logging = AwsJson.object();
    logging.put("level", "OFF");
    logging.put("includeExecutionData", false);
    return logging;
  }

  private static ObjectNode defaultTracing() {
    ObjectNode tracing = AwsJson.object();
    tracing.put("enabled", false);
    return tracing;
  }

  private static void rejectVersioning(Boolean publish, String versionDescription) {
    if (versionDescription != null && !Boolean.TRUE.equals(publish)) {
      // "if you set versionDescription, but publish to false, this API action throws ValidationException."
      throw ApiException.validationMessage("versionDescription can only be set when publish is true");
    }
    if (Boolean.TRUE.equals(publish)) {
      throw ApiException.validationMessage("Publishing state machine versions is not supported by this local engine");
    }
  }

  private static void rejectCustomerManagedKey(ObjectNode encryption) {
    if (encryption != null && "CUSTOMER_MANAGED_KMS_KEY".equals(encryption.path("type").asText())) {
      throw ApiException.validationMessage("Customer managed KMS keys are not supported by this local engine");
    }
  }
}
