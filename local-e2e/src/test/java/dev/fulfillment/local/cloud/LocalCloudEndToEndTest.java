package dev.fulfillment.local.cloud;

import static dev.fulfillment.local.cloud.RunningCloud.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The whole stack, started from the synthesized template, driven the way a user drives it: HTTP for orders, the SQS
 * API for bulk batches, the Step Functions API (SDK and AWS CLI) to follow executions, DynamoDB to check the data.
 */
class LocalCloudEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration EXECUTION_TIMEOUT = Duration.ofSeconds(60);
  private static RunningCloud local;

  @BeforeAll
  static void startTheCloud() throws IOException {
    local = RunningCloud.start();
  }

  @AfterAll
  static void stopTheCloud() {
    if (local != null) {
      local.close();
    }
  }

  @Test
  void anOrderPostedOverHttpIsConfirmedWithStockAndPaymentUpdated() throws Exception {
    long before = available("SKU-2");

    HttpResponse<String> accepted = local.post("/orders",
        "{\"customerId\":\"c-e2e\",\"lines\":[{\"sku\":\"SKU-2\",\"quantity\":3}],\"paymentToken\":\"tok_visa\"}");

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonNode body = JSON.readTree(accepted.body());
    String orderId = body.get("orderId").asText();
    String executionArn = body.get("executionArn").asText();
    assertThat(awaitEnd(executionArn)).isEqualTo(ExecutionStatus.SUCCEEDED);

    HttpResponse<String> order = local.get("/orders/" + orderId);
    assertThat(order.statusCode()).isEqualTo(200);
    JsonNode view = JSON.readTree(order.body());
    assertThat(view.get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(view.get("total").asLong()).isEqualTo(3 * 2400);
    assertThat(available("SKU-2")).isEqualTo(before - 3);
    assertThat(inventory("SKU-2").get("sold").m()).containsKey(orderId);
    Map<String, AttributeValue> payment = item("PAYMENTS_TABLE", "orderId", orderId);
    assertThat(payment.get("status").s()).isEqualTo("CHARGED");
    assertThat(payment.get("amount").n()).isEqualTo(Long.toString(3 * 2400));
  }

  @Test
  void aDeclinedPaymentEndsFailedWithTheHeldStockReleased() throws Exception {
    long before = available("SKU-3");

    JsonNode body = JSON.readTree(local.post("/orders", "{\"customerId\":\"c-e2e\",\"lines\":[{\"sku\":\"SKU-3\","
        + "\"quantity\":2}],\"paymentToken\":\"tok_chargeDeclined\"}").body());

    assertThat(awaitEnd(body.get("executionArn").asText())).isEqualTo(ExecutionStatus.FAILED);
    String orderId = body.get("orderId").asText();
    JsonNode view = JSON.readTree(local.get("/orders/" + orderId).body());
    assertThat(view.get("status").asText()).isEqualTo("FAILED");
    assertThat(available("SKU-3")).isEqualTo(before);
    Map<String, AttributeValue> sku = inventory("SKU-3");
    assertThat(sku.get("holds").m()).doesNotContainKey(orderId);
    assertThat(sku.getOrDefault("sold", AttributeValue.fromM(Map.of())).m()).doesNotContainKey(orderId);
    assertThat(item("PAYMENTS_TABLE", "orderId", orderId).get("status").s()).isEqualTo("DECLINED");
  }

  @Test
  void anOutOfStockOrderEndsFailedAndTakesNoStockFromOtherLines() throws Exception {
    long before = available("SKU-1");

    JsonNode body = JSON.readTree(local.post("/orders", "{\"customerId\":\"c-e2e\",\"lines\":[{\"sku\":\"SKU-1\","
        + "\"quantity\":1},{\"sku\":\"SKU-SOLD-OUT\",\"quantity\":1}],\"paymentToken\":\"tok_visa\"}").body());

    assertThat(awaitEnd(body.get("executionArn").asText())).isEqualTo(ExecutionStatus.FAILED);
    String orderId = body.get("orderId").asText();
    JsonNode view = JSON.readTree(local.get("/orders/" + orderId).body());
    assertThat(view.get("status").asText()).isEqualTo("FAILED");
    assertThat(view.toString()).contains("SKU-SOLD-OUT");
    assertThat(available("SKU-1")).isEqualTo(before);
    assertThat(item("PAYMENTS_TABLE", "orderId", orderId)).isEmpty();
  }

  @Test
  void aBulkBatchStartsOneExecutionPerValidMessageAndDeadLettersTheInvalidOnesWithTheirReason() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> bodies = new ArrayList<>();
    Set<String> expectedNames = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String key = "bulk-" + run + "-" + i;
      if (i % 20 == 7) {
        bodies.add("{\"idempotencyKey\":\"" + key + "\",\"customerId\":\"c-bulk\",\"lines\":[],\"paymentToken\":\"tok_visa\"}");
      } else {
        expectedNames.add("ord_" + key);
        bodies.add("{\"idempotencyKey\":\"" + key + "\",\"customerId\":\"c-bulk\",\"lines\":[{\"sku\":\"SKU-1\","
            + "\"quantity\":1}],\"paymentToken\":\"tok_visa\"}");
      }
    }
    String intake = local.cloud.queueUrl("IntakeQueue");
    String deadLetters = local.cloud.queueUrl("IntakeDeadLetterQueue");
    int dlqBefore = visibleMessages(deadLetters);

    send(intake, bodies);

    await("95 executions of the batch", Duration.ofSeconds(90), () -> executionsNamed(expectedNames).size() == 95);
    await("the intake queue to drain", Duration.ofSeconds(30), () -> queueEmpty(intake));
    List<Message> dead = receiveAll(deadLetters, dlqBefore + 5);
    List<Message> ours = dead.stream().filter(m -> m.body().contains(run)).toList();
    assertThat(ours).hasSize(5);
    assertThat(ours).allSatisfy(m -> assertThat(m.messageAttributes().get("failureReason").stringValue())
        .contains("lines"));
    await("every execution of the batch to succeed", Duration.ofSeconds(240),
        () -> executionsNamed(expectedNames).stream().allMatch(e -> e.status() == ExecutionStatus.SUCCEEDED));

    send(intake, bodies);

    await("the second batch to be consumed", Duration.ofSeconds(60), () -> queueEmpty(intake));
    assertThat(executionsNamed(expectedNames)).hasSize(95);
    assertThat(allExecutions().stream().filter(e -> e.name().contains(run)).count()).isEqualTo(95);
  }

  @Test
  void anExecutionCanBeFollowedWithTheStepFunctionsApi() throws Exception {
    JsonNode body = JSON.readTree(local.post("/orders", "{\"customerId\":\"c-e2e\",\"lines\":[{\"sku\":\"SKU-1\","
        + "\"quantity\":1}],\"paymentToken\":\"tok_mastercard\"}").body());
    String executionArn = body.get("executionArn").asText();
    awaitEnd(executionArn);

    List<HistoryEvent> history = local.sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events();
    assertThat(history.getFirst().typeAsString()).isEqualTo("ExecutionStarted");
    assertThat(history.getLast().typeAsString()).isEqualTo("ExecutionSucceeded");
    assertThat(history).anySatisfy(e -> assertThat(e.typeAsString()).isEqualTo("TaskSucceeded"));
    assertThat(allExecutions()).anySatisfy(e -> assertThat(e.executionArn()).isEqualTo(executionArn));
  }

  @Test
  void theAwsCliListsDescribesAndShowsTheHistoryOfAnExecution() throws Exception {
    Assumptions.assumeTrue(awsCliInstalled(), "the AWS CLI is not installed");
    JsonNode body = JSON.readTree(local.post("/orders", "{\"customerId\":\"c-cli\",\"lines\":[{\"sku\":\"SKU-1\","
        + "\"quantity\":1}],\"paymentToken\":\"tok_visa\"}").body());
    String executionArn = body.get("executionArn").asText();
    awaitEnd(executionArn);
    String endpoint = local.cloud.stepFunctionsEndpoint().toString();

    JsonNode listed = JSON.readTree(aws("stepfunctions", "list-executions", "--endpoint-url", endpoint,
        "--state-machine-arn", local.cloud.stateMachineArn()));
    JsonNode described = JSON.readTree(aws("stepfunctions", "describe-execution", "--endpoint-url", endpoint,
        "--execution-arn", executionArn));
    JsonNode history = JSON.readTree(aws("stepfunctions", "get-execution-history", "--endpoint-url", endpoint,
        "--execution-arn", executionArn));

    assertThat(listed.get("executions").toString()).contains(executionArn);
    assertThat(described.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(history.get("events").size()).isGreaterThan(5);
  }

  @Test
  void theHttpApiAnswersUnknownRoutesLikeApiGatewayAndSurvivesBadInput() throws Exception {
    HttpResponse<String> unknown = local.get("/nowhere");
    HttpResponse<String> garbage = local.post("/orders", "{not json");
    HttpResponse<String> stillUp = local.get("/orders/ord_doesnotexist");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo("{\"message\":\"Not Found\"}");
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(stillUp.statusCode()).isEqualTo(404);
    assertThat(stillUp.headers().firstValue("apigw-requestid")).isPresent();
  }

  private static ExecutionStatus awaitEnd(String executionArn) {
    ExecutionStatus[] status = new ExecutionStatus[1];
    await("execution " + executionArn + " to end", EXECUTION_TIMEOUT, () -> {
      status[0] = local.sfn.describeExecution(b -> b.executionArn(executionArn)).status();
      return status[0] != ExecutionStatus.RUNNING;
    });
    return status[0];
  }

  private static List<ExecutionListItem> allExecutions() {
    List<ExecutionListItem> all = new ArrayList<>();
    local.sfn.listExecutionsPaginator(b -> b.stateMachineArn(local.cloud.stateMachineArn()))
        .executions().forEach(all::add);
    return all;
  }

  private static List<ExecutionListItem> executionsNamed(Set<String> names) {
    return allExecutions().stream().filter(e -> names.contains(e.name())).toList();
  }

  private static void send(String queueUrl, List<String> bodies) {
    for (int from = 0; from < bodies.size(); from += 10) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = from; i < Math.min(bodies.size(), from + 10); i++) {
        entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(bodies.get(i)).build());
      }
      var response = local.sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
      assertThat(response.failed()).isEmpty();
    }
  }

  private static boolean queueEmpty(String queueUrl) {
    Map<QueueAttributeName, String> attributes = local.sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES).equals("0")
        && attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE).equals("0");
  }

  private static int visibleMessages(String queueUrl) {
    return Integer.parseInt(local.sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
  }

  /** Receives (without deleting; they come back after the visibility timeout) until {@code count} were seen. */
  private static List<Message> receiveAll(String queueUrl, int count) {
    List<Message> seen = new ArrayList<>();
    await(count + " messages in " + queueUrl, Duration.ofSeconds(30), () -> {
      seen.addAll(local.sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
          .visibilityTimeout(60).messageAttributeNames("All")).messages());
      return seen.size() >= count;
    });
    return seen;
  }

  private static long available(String sku) {
    return Long.parseLong(inventory(sku).get("available").n());
  }

  private static Map<String, AttributeValue> inventory(String sku) {
    return item("INVENTORY_TABLE", "sku", sku);
  }

  private static Map<String, AttributeValue> item(String tableVariable, String key, String value) {
    return local.dynamoDb.getItem(b -> b.tableName(local.cloud.tableName(tableVariable))
        .key(Map.of(key, AttributeValue.fromS(value))).consistentRead(true)).item();
  }

  private static boolean awsCliInstalled() {
    try {
      return new ProcessBuilder("aws", "--version").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String aws(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("aws"));
    command.addAll(List.of(args));
    command.addAll(List.of("--region", "us-east-1", "--output", "json"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("AWS_ACCESS_KEY_ID", "local");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "local");
    builder.environment().remove("AWS_PROFILE");
    Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("aws " + String.join(" ", args) + " -> " + out).isZero();
    return out;
  }
}
