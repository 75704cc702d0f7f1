package dev.fulfillment.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.api.config.ApiConfig;
import dev.fulfillment.api.intake.SqsIntakeHandler;
import dev.fulfillment.api.support.FakeStepFunctions;
import dev.fulfillment.api.support.Lambda;
import dev.fulfillment.api.support.OrdersTable;
import dev.fulfillment.api.validation.CardNumbers;
import dev.fulfillment.tasks.logging.JsonLogger;
import dev.fulfillment.testing.DynaliteExtension;
import dev.fulfillment.testing.DynaliteServer;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * Every body-level case of the hostile corpus as an SQS record, through the real {@link SqsIntakeHandler}
 * (real validator, real order repository on dynalite), in batches of ten where three valid orders sit
 * between the bad records (first, middle and last place taken by the bad ones), on a standard and on
 * a FIFO queue. Step Functions ({@link FakeStepFunctions}) and the DLQ (a Mockito SqsClient whose
 * SendMessage calls are captured) are the edges the test stops at.
 */
@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileSqsRecordsTest {

  private static final int BAD_PER_BATCH = 7;
  /** Where the valid records go in a batch of ten. */
  private static final Set<Integer> VALID_PLACES = Set.of(1, 5, 8);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUEUE_ARN = "arn:aws:sqs:eu-west-1:123456789012:hostile-orders";
  private static final String DLQ_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/hostile-orders-dlq";

  private LogCapture logs;
  private DynamoDbClient dynamoDb;
  private String table;
  private FakeStepFunctions stepFunctions;
  private final List<SendMessageRequest> deadLetters = Collections.synchronizedList(new ArrayList<>());
  private final Map<Boolean, SqsIntakeHandler> handlers = new HashMap<>();
  private Set<String> corpusSecrets;

  @BeforeAll
  void startOnce(DynaliteServer dynalite) {
    dynamoDb = dynalite.client();
    table = OrdersTable.create(dynalite);
    stepFunctions = new FakeStepFunctions();
    SqsClient sqs = mock(SqsClient.class);
    when(sqs.sendMessage(any(SendMessageRequest.class))).thenAnswer(invocation -> {
      deadLetters.add(invocation.getArgument(0));
      return SendMessageResponse.builder().messageId("dlq-" + deadLetters.size()).build();
    });
    corpusSecrets = new TreeSet<>(HostileCorpus.secrets());
    for (boolean fifo : List.of(false, true)) {
      for (int batch = 0; batch < batchCount(); batch++) {
        for (int place : VALID_PLACES) {
          corpusSecrets.addAll(validSecrets(fifo, batch, place));
        }
      }
    }
    logs = LogCapture.install();
    for (boolean fifo : List.of(false, true)) {
      ApiConfig config = new ApiConfig(table, FakeStepFunctions.STATE_MACHINE_ARN, DLQ_URL + (fifo ? ".fifo" : ""),
          ApiConfig.DEFAULT_MAX_BODY_BYTES);
      handlers.put(fifo, new SqsIntakeHandler(config, dynamoDb, stepFunctions.client(), sqs,
          JsonLogger.create("hostile-sqs", System.out, Clock.systemUTC(), JsonLogger.Level.DEBUG)));
    }
  }

  @AfterAll
  void restoreOutput() {
    if (logs != null) {
      logs.close();
    }
  }

  static Stream<Arguments> batches() {
    List<Arguments> batches = new ArrayList<>();
    for (boolean fifo : List.of(false, true)) {
      for (int batch = 0; batch < batchCount(); batch++) {
        List<HostileCase> bad = badOf(batch);
        batches.add(Arguments.of((fifo ? "FIFO" : "standard") + " batch " + batch + " " + bad, fifo, batch));
      }
    }
    return batches.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("batches")
  void deadLettersEveryBadRecordWithItsReasonAndStartsEveryValidOneOfTheBatch(String name, boolean fifo, int batch)
      throws Exception {
    List<HostileCase> bad = badOf(batch);
    Map<String, HostileCase> badById = new LinkedHashMap<>();
    Map<String, String> validOrderIdById = new LinkedHashMap<>();
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    int nextBad = 0;
    for (int place = 0; records.size() < bad.size() + VALID_PLACES.size(); place++) {
      String messageId = (fifo ? "fifo" : "std") + "-b" + batch + "-r" + place;
      if (VALID_PLACES.contains(place) || nextBad == bad.size()) {
        records.add(record(messageId, validBody(fifo, batch, place), fifo, place));
        validOrderIdById.put(messageId, "ord_" + validKey(fifo, batch, place));
      } else {
        HostileCase hostile = bad.get(nextBad++);
        records.add(record(messageId, hostile.sqsBody(), fifo, place));
        badById.put(messageId, hostile);
      }
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    int dlqBefore = deadLetters.size();
    int startsBefore = stepFunctions.calls().size();
    int storedBefore = storedOrders();
    int mark = logs.mark();

    SQSBatchResponse response = handlers.get(fifo).handleRequest(event, Lambda.context("req-" + name.hashCode()));

    // Nothing here is transient, so nothing goes back to the queue: least of all a valid record.
    assertThat(response.getBatchItemFailures()).as(name).isEmpty();

    List<SendMessageRequest> sent = List.copyOf(deadLetters.subList(dlqBefore, deadLetters.size()));
    assertThat(sent).extracting(request -> request.messageAttributes().get("sourceMessageId").stringValue())
        .as(name + ": DLQ copies").containsExactlyInAnyOrderElementsOf(badById.keySet());
    for (SendMessageRequest copy : sent) {
      String messageId = copy.messageAttributes().get("sourceMessageId").stringValue();
      HostileCase hostile = badById.get(messageId);
      String what = name + " / " + hostile.id() + " (" + hostile.name() + ")";
      String reason = copy.messageAttributes().get("failureReason").stringValue();
      assertThat(reason).as(what).isNotBlank();
      for (String fragment : hostile.expectedReasonFragments()) {
        assertThat(reason).as(what + ": failureReason").contains(fragment);
      }
      for (String secret : HostileCorpus.secretsOf(hostile)) {
        assertThat(reason).as(what + ": failureReason").doesNotContain(secret);
      }
      assertThat(copy.queueUrl()).isEqualTo(DLQ_URL + (fifo ? ".fifo" : ""));
      assertThat(copy.messageAttributes().get("sourceQueueArn").stringValue()).isEqualTo(queueArn(fifo));
      assertNoCardNumber(copy.messageBody(), what);
      if (fifo) {
        assertThat(copy.messageGroupId()).as(what).isEqualTo(group(records, messageId));
        assertThat(copy.messageDeduplicationId()).as(what).isEqualTo(messageId);
      } else {
        assertThat(copy.messageGroupId()).as(what).isNull();
      }
    }

    List<String> started = stepFunctions.calls().subList(startsBefore, stepFunctions.calls().size()).stream()
        .map(call -> call.name()).toList();
    assertThat(started).as(name + ": StartExecution calls").containsExactlyInAnyOrderElementsOf(validOrderIdById.values());
    assertThat(stepFunctions.calls().subList(startsBefore, stepFunctions.calls().size()))
        .allSatisfy(call -> assertThat(call.input()).doesNotContain("tok_"));
    // Each valid order is stored, and nothing else is: the count grew by exactly that many.
    for (String orderId : validOrderIdById.values()) {
      assertThat(dynamoDb.getItem(get -> get.tableName(table)
          .key(Map.of("orderId", AttributeValue.fromS(orderId)))).hasItem()).as(name + ": stored " + orderId).isTrue();
    }
    assertThat(storedOrders()).as(name + ": orders stored by this batch").isEqualTo(storedBefore + validOrderIdById.size());

    LogCapture.assertClean(logs.since(mark), corpusSecrets, name);
  }

  private int storedOrders() {
    return dynamoDb.scan(scan -> scan.tableName(table).select(Select.COUNT)).count();
  }

  private static int batchCount() {
    return (HostileCorpus.bodyLevel().size() + BAD_PER_BATCH - 1) / BAD_PER_BATCH;
  }

  private static List<HostileCase> badOf(int batch) {
    List<HostileCase> all = HostileCorpus.bodyLevel();
    return all.subList(batch * BAD_PER_BATCH, Math.min(all.size(), (batch + 1) * BAD_PER_BATCH));
  }

  private static String validKey(boolean fifo, int batch, int place) {
    return "valid-" + (fifo ? "fifo" : "std") + "-" + batch + "-" + place;
  }

  /** A valid order carrying every personal field, so the log scan has real values to look for. */
  private static String validBody(boolean fifo, int batch, int place) {
    ObjectNode order = JSON.createObjectNode();
    order.put("idempotencyKey", validKey(fifo, batch, place));
    order.put("customerId", "c-valid-" + batch);
    order.putArray("lines").addObject().put("sku", "SKU-" + place).put("quantity", 1 + batch % 7);
    order.put("paymentToken", "tok_valid_" + (fifo ? "f" : "s") + batch + "_" + place);
    order.put("email", "valid.buyer" + batch + "x" + place + (fifo ? "f" : "s") + "@example.org");
    order.putObject("shippingAddress").put("name", "Valid Buyer " + batch + "x" + place)
        .put("line1", "Privatweg " + batch + "x" + place + (fifo ? "f" : "s")).put("city", "Berlin")
        .put("postalCode", "10115").put("country", "DE");
    return order.toString();
  }

  private static Set<String> validSecrets(boolean fifo, int batch, int place) {
    String f = fifo ? "f" : "s";
    return Set.of("tok_valid_" + f + batch + "_" + place, "valid.buyer" + batch + "x" + place + f + "@example.org",
        "Valid Buyer " + batch + "x" + place, "Privatweg " + batch + "x" + place + f);
  }

  private static SQSEvent.SQSMessage record(String messageId, String body, boolean fifo, int place) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId(messageId);
    message.setReceiptHandle("handle-" + messageId);
    message.setBody(body);
    message.setEventSource("aws:sqs");
    message.setEventSourceArn(queueArn(fifo));
    message.setAwsRegion("eu-west-1");
    Map<String, String> attributes = new HashMap<>(Map.of("ApproximateReceiveCount", "1"));
    if (fifo) {
      // Two message groups, so bad and valid records share a group in every batch.
      attributes.put("MessageGroupId", "group-" + place % 2);
      attributes.put("MessageDeduplicationId", messageId);
    }
    message.setAttributes(attributes);
    message.setMessageAttributes(Map.of());
    return message;
  }

  private static String queueArn(boolean fifo) {
    return QUEUE_ARN + (fifo ? ".fifo" : "");
  }

  private static String group(List<SQSEvent.SQSMessage> records, String messageId) {
    return records.stream().filter(r -> r.getMessageId().equals(messageId)).findFirst().orElseThrow()
        .getAttributes().get("MessageGroupId");
  }

  /** Neither as written nor hidden in JSON escapes: the DLQ must never store a card number. */
  private static void assertNoCardNumber(String body, String what) {
    assertThat(CardNumbers.containsCardNumber(body)).as(what + ": card number in the DLQ copy " + body).isFalse();
    JsonNode parsed;
    try {
      parsed = JSON.readTree(body);
    } catch (IOException | RuntimeException notJson) {
      return;
    }
    List<String> texts = new ArrayList<>();
    collect(parsed, texts);
    assertThat(texts).as(what + ": card number (decoded) in the DLQ copy").noneMatch(CardNumbers::containsCardNumber);
  }

  private static void collect(JsonNode node, List<String> texts) {
    if (node == null) {
      return;
    }
    if (node.isValueNode()) {
      texts.add(node.asText());
    }
    node.forEach(child -> collect(child, texts));
    node.fieldNames().forEachRemaining(texts::add);
  }
}
