package dev.fulfillment.local.sfn.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.fulfillment.local.sfn.TaskInvoker;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;
import software.amazon.awssdk.services.sfn.model.TooManyTagsException;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** The HTTP API driven by the AWS SDK's own {@link SfnClient}, over the real engine. */
class StepFunctionsApiSdkTest {
  private static final String ROLE = LocalEndpoint.ROLE;
  private static final String PASS = """
      {"StartAt":"Greet","States":{"Greet":{"Type":"Pass","Result":{"greeting":"hi"},"ResultPath":"$.out","End":true}}}""";
  private static final String FAIL_ON_FLAG = """
      {"StartAt":"Check","States":{
        "Check":{"Type":"Choice","Choices":[{"Variable":"$.fail","BooleanEquals":true,"Next":"Boom"}],"Default":"Done"},
        "Boom":{"Type":"Fail","Error":"Order.Rejected","Cause":"flag set"},
        "Done":{"Type":"Succeed"}}}""";
  private static final String WAIT_AN_HOUR = """
      {"StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":3600,"End":true}}}""";
  private static final String ASK_FOR_APPROVAL = """
      {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
        "Parameters":{"FunctionName":"approver","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}""";

  private LocalEndpoint endpoint;

  @AfterEach
  void stop() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  private SfnClient fast() {
    endpoint = LocalEndpoint.fast();
    return endpoint.sfn;
  }

  private static String create(SfnClient sfn, String name, String definition) {
    return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
  }

  private static DescribeExecutionResponse awaitEnd(SfnClient sfn, String executionArn) {
    return LocalEndpoint.await(() -> sfn.describeExecution(b -> b.executionArn(executionArn)),
        d -> d.status() != ExecutionStatus.RUNNING);
  }

  @Test
  void createsDescribesAndListsAStateMachineWithItsConfiguration() {
    SfnClient sfn = fast();
    CreateStateMachineResponse created = sfn.createStateMachine(b -> b.name("orders").definition(PASS).roleArn(ROLE)
        .type(StateMachineType.STANDARD));

    assertThat(created.stateMachineArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:orders");
    assertThat(created.creationDate()).isNotNull();
    DescribeStateMachineResponse described = sfn.describeStateMachine(b -> b.stateMachineArn(created.stateMachineArn()));
    assertThat(described.name()).isEqualTo("orders");
    assertThat(described.definition()).isEqualTo(PASS);
    assertThat(described.roleArn()).isEqualTo(ROLE);
    assertThat(described.type()).isEqualTo(StateMachineType.STANDARD);
    assertThat(described.statusAsString()).isEqualTo("ACTIVE");
    assertThat(described.creationDate()).isEqualTo(created.creationDate());
    assertThat(described.loggingConfiguration().level()).isEqualTo(LogLevel.OFF);
    assertThat(described.tracingConfiguration().enabled()).isFalse();
    assertThat(sfn.listStateMachines(b -> {}).stateMachines())
        .singleElement().satisfies(item -> {
          assertThat(item.stateMachineArn()).isEqualTo(created.stateMachineArn());
          assertThat(item.type()).isEqualTo(StateMachineType.STANDARD);
        });
  }

  @Test
  void creatingTheSameStateMachineAgainReturnsItButAnotherDefinitionIsRejected() {
    SfnClient sfn = fast();
    String arn = create(sfn, "orders", PASS);

    assertThat(create(sfn, "orders", PASS)).isEqualTo(arn);
    assertThatThrownBy(() -> create(sfn, "orders", FAIL_ON_FLAG)).isInstanceOf(StateMachineAlreadyExistsException.class);
  }

  @Test
  void listsStateMachinesPageByPage() {
    SfnClient sfn = fast();
    for (int i = 0; i < 5; i++) {
      create(sfn, "machine-" + i, PASS);
    }

    List<String> names = sfn.listStateMachinesPaginator(b -> b.maxResults(2)).stateMachines().stream()
        .map(m -> m.name()).toList();

    assertThat(names).containsExactly("machine-0", "machine-1", "machine-2", "machine-3", "machine-4");
    assertThat(sfn.listStateMachines(b -> b.maxResults(2)).nextToken()).isNotBlank();
  }

  @Test
  void deletingAStateMachineRemovesItAndDeletingItAgainSucceeds() {
    SfnClient sfn = fast();
    String arn = create(sfn, "orders", PASS);

    sfn.deleteStateMachine(b -> b.stateMachineArn(arn));

    assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(arn)))
        .isInstanceOf(StateMachineDoesNotExistException.class);
    sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
  }

  @Test
  void runsAnExecutionToSuccessAndReportsOutputAndHistory() {
    SfnClient sfn = fast();
    String arn = create(sfn, "orders", PASS);

    StartExecutionResponse started = sfn.startExecution(b -> b.stateMachineArn(arn).name("ord-1")
        .input("{\"orderId\":\"ord-1\"}"));
    DescribeExecutionResponse done = awaitEnd(sfn, started.executionArn());

    assertThat(started.executionArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:orders:ord-1");
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.input()).isEqualTo("{\"orderId\":\"ord-1\"}");
    assertThat(json(done.output())).isEqualTo(json("{\"orderId\":\"ord-1\",\"out\":{\"greeting\":\"hi\"}}"));
    assertThat(done.startDate()).isEqualTo(started.startDate());
    assertThat(done.stopDate()).isAfterOrEqualTo(done.startDate());
    List<HistoryEvent> history = sfn.getExecutionHistory(b -> b.executionArn(started.executionArn())).events();
    assertThat(history).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_STARTED,
        HistoryEventType.PASS_STATE_ENTERED, HistoryEventType.PASS_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(history.get(0).executionStartedEventDetails().input()).isEqualTo("{\"orderId\":\"ord-1\"}");
    assertThat(history.get(0).id()).isEqualTo(1);
    assertThat(history.get(0).previousEventId()).isZero();
    assertThat(history.get(1).stateEnteredEventDetails().name()).isEqualTo("Greet");
  }

  @Test
  void failedExecutionReportsTheErrorAndCause() {
    SfnClient sfn = fast();
    String arn = create(sfn, "orders", FAIL_ON_FLAG);

    String executionArn = sfn.startExecution(b -> b.stateMachineArn(arn).input("{\"fail\":true}")).executionArn();
    DescribeExecutionResponse done = awaitEnd(sfn, executionArn);

    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("Order.Rejected");
    assertThat(done.cause()).isEqualTo("flag set");
    assertThat(done.output()).isNull();
  }

  @Test
  void startingAgainWithTheSameNameAndInputWhileRunningReturnsTheSameExecution() {
    endpoint = LocalEndpoint.realTime();
    SfnClient sfn = endpoint.sfn;
    String arn = create(sfn, "orders", WAIT_AN_HOUR);

    StartExecutionResponse first = sfn.startExecution(b -> b.stateMachineArn(arn).name("ord-1").input("{\"a\":1}"));
    StartExecutionResponse again = sfn.startExecution(b -> b.stateMachineArn(arn).name("ord-1").input("{\"a\":1}"));

    assertThat(again.executionArn()).isEqualTo(first.executionArn());
    assertThat(again.startDate()).isEqualTo(first.startDate());
    assertThat(sfn.listExecutions(b -> b.stateMachineArn(arn)).executions()).hasSize(1);
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(arn).name("ord-1").input("{\"a\":2}")))
        .isInstanceOf(ExecutionAlreadyExistsException.class);
  }

  @Test
  void startingWithTheNameOfAClosedExecutionIsExecutionAlreadyExistsEvenWithTheSameInput() {
    SfnClient sfn = fast();
    String arn = create(sfn, "orders", PASS);
    String executionArn = sfn.startExecution(b -> b.stateMachineArn(arn).name("ord-1").input("{}")).executionArn();
    awaitEnd(sfn, executionArn);

    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(arn).name("ord-1").input("{}")))
        .isInstanceOf(ExecutionAlreadyExistsException.class);
  }

  @Test
  void stopExecutionAbortsARunningExecution() {
    endpoint = LocalEndpoint.realTime();
    SfnClient sfn = endpoint.sfn;
    String arn = create(sfn, "orders", WAIT_AN_HOUR);
    String executionArn = sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();

    var stopped = sfn.stopExecution(b -> b.executionArn(executionArn).error("Ops.Cancelled").cause("by hand"));

    DescribeExecutionResponse done = awaitEnd(sfn, executionArn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(done.error()).isEqualTo("Ops.Cancelled");
    assertThat(done.cause()).isEqualTo("by hand");
    assertThat(stopped.stopDate()).isNotNull();
    assertThat(done.input()).isEqualTo("{}");
  }

  @Test
  void listsExecutionsNewestFirstPageByPageAndFiltersByStatus() {
    SfnClient sfn = fast();
    String arn = create(sfn, "orders", FAIL_ON_FLAG);
    for (int i = 0; i < 5; i++) {
      int n = i;
      String executionArn = sfn.startExecution(b -> b.stateMachineArn(arn).name("run-" + n)
          .input("{\"fail\":" + (n == 2) + "}")).executionArn();
      awaitEnd(sfn, executionArn);
    }

    List<String> all = sfn.listExecutionsPaginator(b -> b.stateMachineArn(arn).maxResults(2)).executions().stream()
        .map(ExecutionListItem::name).toList();
    List<ExecutionListItem> failed = sfn.listExecutions(b -> b.stateMachineArn(arn)
        .statusFilter(ExecutionStatus.FAILED)).executions();

    assertThat(all).containsExactly("run-4", "run-3", "run-2", "run-1", "run-0");
    assertThat(failed).extracting(ExecutionListItem::name).containsExactly("run-2");
    assertThat(failed.get(0).stopDate()).isNotNull();
  }

  @Test
  void pagesHistoryInBothOrdersAndLeavesOutDataOnRequest() {
    SfnClient sfn = fast();
    String arn = create(sfn, "orders", PASS);
    String executionArn = sfn.startExecution(b -> b.stateMachineArn(arn).input("{\"secret\":1}")).executionArn();
    awaitEnd(sfn, executionArn);

    List<Long> forward = sfn.getExecutionHistoryPaginator(b -> b.executionArn(executionArn).maxResults(1)).events()
        .stream().map(HistoryEvent::id).toList();
    List<Long> backward = sfn.getExecutionHistoryPaginator(b -> b.executionArn(executionArn).maxResults(3)
        .reverseOrder(true)).events().stream().map(HistoryEvent::id).toList();
    List<HistoryEvent> withoutData = sfn.getExecutionHistory(b -> b.executionArn(executionArn)
        .includeExecutionData(false)).events();

    assertThat(forward).containsExactly(1L, 2L, 3L, 4L);
    assertThat(backward).containsExactly(4L, 3L, 2L, 1L);
    assertThat(withoutData.get(0).executionStartedEventDetails().input()).isNull();
    assertThat(withoutData.get(0).executionStartedEventDetails().roleArn()).isEqualTo(ROLE);
    assertThat(withoutData.get(3).executionSucceededEventDetails().output()).isNull();
  }

  @Test
  void aPageTokenOfOneExecutionIsRejectedForAnother() {
    SfnClient sfn = fast();
    String arn = create(sfn, "orders", PASS);
    String first = sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();
    String second = sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();
    awaitEnd(sfn, first);
    awaitEnd(sfn, second);
    String token = sfn.getExecutionHistory(b -> b.executionArn(first).maxResults(1)).nextToken();

    assertThatThrownBy(() -> sfn.getExecutionHistory(b -> b.executionArn(second).nextToken(token)))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void describesTheStateMachineAsTheExecutionRanIt() {
    endpoint = LocalEndpoint.realTime();
    SfnClient sfn = endpoint.sfn;
    String arn = create(sfn, "orders", WAIT_AN_HOUR);
    String executionArn = sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();

    sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(PASS));

    assertThat(sfn.describeStateMachineForExecution(b -> b.executionArn(executionArn)).definition())
        .isEqualTo(WAIT_AN_HOUR);
    assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition()).isEqualTo(PASS);
    sfn.stopExecution(b -> b.executionArn(executionArn));
  }

  @Test
  void runsAnExpressMachineSynchronously() {
    SfnClient sfn = fast();
    String arn = sfn.createStateMachine(b -> b.name("quick").definition(PASS).roleArn(ROLE)
        .type(StateMachineType.EXPRESS)).stateMachineArn();

    StartSyncExecutionResponse result = sfn.startSyncExecution(b -> b.stateMachineArn(arn).input("{\"a\":1}"));

    assertThat(result.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
    assertThat(json(result.output())).isEqualTo(json("{\"a\":1,\"out\":{\"greeting\":\"hi\"}}"));
    assertThat(result.stateMachineArn()).isEqualTo(arn);
    assertThat(result.stopDate()).isAfterOrEqualTo(result.startDate());
  }

  /** Starts an execution whose task waits for its token, and returns the token the function was handed. */
  private String startApproval(BlockingQueue<String> tokens, String[] executionArn) throws InterruptedException {
    SfnClient sfn = endpoint.sfn;
    String arn = create(sfn, "approvals", ASK_FOR_APPROVAL);
    executionArn[0] = sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();
    String token = tokens.poll(10, TimeUnit.SECONDS);
    assertThat(token).as("task token handed to the function").isNotBlank();
    return token;
  }

  private LocalEndpoint approvalEndpoint(BlockingQueue<String> tokens) {
    return LocalEndpoint.fast((function, payload) -> {
      tokens.add(payload.path("token").asText());
      return new TaskInvoker.Returned(JsonMapper.builder().build().createObjectNode());
    });
  }

  @Test
  void aTaskWaitingForItsTokenSucceedsWithTheOutputSentBack() throws Exception {
    BlockingQueue<String> tokens = new ArrayBlockingQueue<>(1);
    endpoint = approvalEndpoint(tokens);
    String[] executionArn = new String[1];
    String token = startApproval(tokens, executionArn);
    SfnClient sfn = endpoint.sfn;

    sfn.sendTaskHeartbeat(b -> b.taskToken(token));
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));

    DescribeExecutionResponse done = awaitEnd(sfn, executionArn[0]);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(json(done.output())).isEqualTo(json("{\"approved\":true}"));
  }

  @Test
  void aTaskFailedThroughItsTokenFailsTheExecution() throws Exception {
    BlockingQueue<String> tokens = new ArrayBlockingQueue<>(1);
    endpoint = approvalEndpoint(tokens);
    String[] executionArn = new String[1];
    String token = startApproval(tokens, executionArn);
    SfnClient sfn = endpoint.sfn;

    sfn.sendTaskFailure(b -> b.taskToken(token).error("Approval.Denied").cause("no budget"));

    DescribeExecutionResponse done = awaitEnd(sfn, executionArn[0]);
    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("Approval.Denied");
    assertThat(done.cause()).isEqualTo("no budget");
  }

  @Test
  void theTokenOfAClosedTaskIsTaskTimedOut() throws Exception {
    BlockingQueue<String> tokens = new ArrayBlockingQueue<>(1);
    endpoint = approvalEndpoint(tokens);
    String[] executionArn = new String[1];
    String token = startApproval(tokens, executionArn);
    SfnClient sfn = endpoint.sfn;
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}"));
    awaitEnd(sfn, executionArn[0]);

    // API Reference, TaskTimedOut: "The task token has either expired or the task associated with the token has
    // already been closed."
    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
        .isInstanceOf(TaskTimedOutException.class);
  }

  @Test
  void tagsCanBeAddedListedAndRemoved() {
    SfnClient sfn = fast();
    String arn = sfn.createStateMachine(b -> b.name("orders").definition(PASS).roleArn(ROLE)
        .tags(Tag.builder().key("team").value("fulfillment").build())).stateMachineArn();

    sfn.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("env").value("local").build(),
        Tag.builder().key("team").value("payments").build()));
    sfn.untagResource(b -> b.resourceArn(arn).tagKeys("env"));

    assertThat(sfn.listTagsForResource(b -> b.resourceArn(arn)).tags())
        .containsExactly(Tag.builder().key("team").value("payments").build());
  }

  @Test
  void taggingRejectsUnknownResourcesAndMoreThanFiftyTags() {
    SfnClient sfn = fast();
    String arn = create(sfn, "orders", PASS);
    List<Tag> tooMany = java.util.stream.IntStream.range(0, 51)
        .mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).toList();

    assertThatThrownBy(() -> sfn.tagResource(b -> b.resourceArn(arn).tags(tooMany)))
        .isInstanceOf(TooManyTagsException.class);
    assertThat(sfn.listTagsForResource(b -> b.resourceArn(arn)).tags()).isEmpty();
    assertThatThrownBy(() -> sfn.listTagsForResource(b -> b.resourceArn(arn + "-gone")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void validatesDefinitionsWithoutCreatingAnything() {
    SfnClient sfn = fast();

    var ok = sfn.validateStateMachineDefinition(b -> b.definition(PASS));
    var broken = sfn.validateStateMachineDefinition(b -> b.definition("{\"StartAt\":\"Nowhere\",\"States\":{}}"));

    assertThat(ok.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    assertThat(ok.diagnostics()).isEmpty();
    assertThat(broken.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
    assertThat(broken.diagnostics()).isNotEmpty().allSatisfy(d -> assertThat(d.severityAsString()).isEqualTo("ERROR"));
    assertThat(sfn.listStateMachines(b -> {}).stateMachines()).isEmpty();
  }

  @Test
  void redrivingASucceededExecutionIsNotAllowed() {
    SfnClient sfn = fast();
    String arn = create(sfn, "orders", PASS);
    String executionArn = sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();
    awaitEnd(sfn, executionArn);

    assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(executionArn)))
        .isInstanceOf(ExecutionNotRedrivableException.class);
  }

  @Test
  void theSdkRaisesItsTypedExceptionsForOurErrors() {
    SfnClient sfn = fast();
    String arn = create(sfn, "orders", PASS);

    assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn("nope")))
        .isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(arn).name("has space")))
        .isInstanceOf(InvalidNameException.class);
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(arn).input("x".repeat(262_145))))
        .isInstanceOf(InvalidExecutionInputException.class);
    assertThatThrownBy(() -> sfn.listStateMachines(b -> b.nextToken("forged")))
        .isInstanceOf(InvalidTokenException.class);
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(arn).name("n".repeat(81))))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((SfnException) e).statusCode()).isEqualTo(400));
  }

  private static JsonNode json(String text) {
    try {
      return JsonMapper.builder().build().readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

}
