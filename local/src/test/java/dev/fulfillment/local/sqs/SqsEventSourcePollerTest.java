package dev.fulfillment.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.fulfillment.local.lambda.FunctionInvoker;
import dev.fulfillment.local.lambda.InvokeResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The SQS event source poller against a real (embedded) ElasticMQ, with the rules of "Handling errors for an SQS
 * event source in Lambda" (partial batch responses, "Success and failure conditions"). The Lambda function is a
 * stand-in behind {@link FunctionInvoker}: these tests stop at that edge, so they check the event the poller builds
 * and what it does with each possible answer, not the runtime (LambdaRuntimeTest covers that). Queues use a visibility
 * timeout of 1 s so that failed messages come back quickly.
 */
class SqsEventSourcePollerTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  private static final String REGION = "us-east-1";
  private static ElasticMqServer elasticMq;
  private static SqsClient sqs;

  private final List<SqsEventSourcePoller> pollers = new ArrayList<>();
  private final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startElasticMq() throws IOException {
    elasticMq = ElasticMqServer.start("127.0.0.1", freePort(), REGION, "123456789012");
    sqs = SqsClient.builder().endpointOverride(elasticMq.endpoint()).region(Region.of(REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @AfterAll
  static void stopElasticMq() {
    if (sqs != null) {
      sqs.close();
    }
    if (elasticMq != null) {
      elasticMq.close();
    }
  }

  @AfterEach
  void stopPollers() {
    pollers.forEach(SqsEventSourcePoller::close);
  }

  @Test
  void aBatchTheFunctionHandledIsDeletedAndEachRecordIsShapedAsLambdaSendsIt() {
    Queue queue = queue(Map.of());
    queue.send("a", "b", "c");
    StandInFunction function = new StandInFunction(event -> success("null"));

    start(queue, function, 10, Duration.ZERO, false);

    await("the three messages deleted", () -> function.deliveries().size() == 3 && queue.count() == 0);
    Delivery first = function.deliveries().getFirst();
    assertThat(function.deliveries()).extracting(Delivery::body).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(first.record().get("eventSource").asText()).isEqualTo("aws:sqs");
    assertThat(first.record().get("eventSourceARN").asText()).isEqualTo(queue.arn());
    assertThat(first.record().get("awsRegion").asText()).isEqualTo(REGION);
    assertThat(first.record().get("receiptHandle").asText()).isNotEmpty();
    assertThat(first.record().get("md5OfBody").asText()).isNotEmpty();
    assertThat(first.record().path("attributes").path("ApproximateReceiveCount").asText()).isEqualTo("1");
    assertThat(first.record().path("attributes").has("SentTimestamp")).isTrue();
  }

  @Test
  void onlyTheReportedItemFailuresComeBackAfterTheVisibilityTimeout() {
    Queue queue = queue(Map.of());
    queue.send("ok-1", "bad", "ok-2");
    StandInFunction function = new StandInFunction(event -> {
      List<String> failed = new ArrayList<>();
      for (JsonNode record : event.get("Records")) {
        if (record.get("body").asText().equals("bad")
            && record.path("attributes").path("ApproximateReceiveCount").asInt() == 1) {
          failed.add(record.get("messageId").asText());
        }
      }
      return success(batchItemFailures(failed));
    });

    start(queue, function, 10, Duration.ZERO, true);

    await("the failed message delivered again and then deleted",
        () -> function.deliveries().size() == 4 && queue.count() == 0);
    assertThat(function.bodies()).containsExactlyInAnyOrder("ok-1", "bad", "ok-2", "bad");
    List<Delivery> bad = function.deliveries().stream().filter(d -> d.body().equals("bad")).toList();
    assertThat(Duration.between(bad.get(0).at(), bad.get(1).at()))
        .as("a reported failure stays invisible for the queue's visibility timeout (1 s)")
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(bad.get(1).record().path("attributes").path("ApproximateReceiveCount").asText()).isEqualTo("2");
  }

  /** "Success and failure conditions": each of these answers fails the whole batch, so every message returns. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
      "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}",
      "{\"batchItemFailures\":[{\"itemId\":\"$FIRST\"}]}",
      "{\"batchItemFailures\":[{\"itemIdentifier\":\"not-a-message-of-this-batch\"}]}",
      "{\"batchItemFailures\":[{\"itemIdentifier\":\"$FIRST\"},{\"itemIdentifier\":\"\"}]}",
      "not JSON at all"})
  void anInvalidPartialBatchResponseFailsTheWholeBatch(String firstAnswer) {
    Queue queue = queue(Map.of());
    queue.send("one", "two");
    AtomicInteger calls = new AtomicInteger();
    StandInFunction function = new StandInFunction(event -> calls.getAndIncrement() == 0
        ? success(firstAnswer.replace("$FIRST", event.get("Records").get(0).get("messageId").asText()))
        : success("{\"batchItemFailures\":[]}"));

    start(queue, function, 10, Duration.ZERO, true);

    await("both messages delivered twice and then deleted",
        () -> function.deliveries().size() == 4 && queue.count() == 0);
    assertThat(function.bodies()).containsExactlyInAnyOrder("one", "two", "one", "two");
  }

  /** "Success and failure conditions": each of these answers is a complete success. */
  @ParameterizedTest
  @ValueSource(strings = {"", "null", "{}", "{\"batchItemFailures\":[]}", "{\"batchItemFailures\":null}"})
  void anEmptyOrNullPartialBatchResponseIsACompleteSuccess(String answer) {
    Queue queue = queue(Map.of());
    queue.send("one", "two");
    StandInFunction function = new StandInFunction(event -> success(answer));

    start(queue, function, 10, Duration.ZERO, true);

    await("both messages deleted", () -> function.deliveries().size() == 2 && queue.count() == 0);
  }

  @Test
  void aFunctionErrorFailsTheWholeBatchEvenWithReportBatchItemFailures() {
    Queue queue = queue(Map.of());
    queue.send("one", "two");
    AtomicInteger calls = new AtomicInteger();
    StandInFunction function = new StandInFunction(event -> calls.getAndIncrement() == 0
        ? new InvokeResult.FunctionError("java.lang.IllegalStateException",
            "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}".getBytes(StandardCharsets.UTF_8))
        : success("{}"));

    start(queue, function, 10, Duration.ZERO, true);

    await("both messages delivered twice and then deleted",
        () -> function.deliveries().size() == 4 && queue.count() == 0);
    assertThat(function.bodies()).containsExactlyInAnyOrder("one", "two", "one", "two");
  }

  @Test
  void withoutReportBatchItemFailuresAFailureListInTheResponseIsIgnored() {
    Queue queue = queue(Map.of());
    queue.send("one", "two");
    StandInFunction function = new StandInFunction(event -> success(batchItemFailures(
        List.of(event.get("Records").get(0).get("messageId").asText()))));

    start(queue, function, 10, Duration.ZERO, false);

    await("both messages deleted", () -> function.deliveries().size() == 2 && queue.count() == 0);
  }

  @Test
  void noBatchHoldsMoreRecordsThanTheBatchSize() {
    Queue queue = queue(Map.of());
    queue.send("1", "2", "3", "4", "5", "6", "7");
    StandInFunction function = new StandInFunction(event -> success("{}"));

    start(queue, function, 3, Duration.ZERO, false);

    await("all seven delivered and deleted", () -> function.deliveries().size() == 7 && queue.count() == 0);
    assertThat(function.batchSizes()).allSatisfy(size -> assertThat(size).isBetween(1, 3));
  }

  @Test
  void theBatchingWindowGathersMessagesSentAfterTheFirstAndEndsWhenTheBatchIsFull() throws Exception {
    Queue queue = queue(Map.of());
    SqsEventSourcePoller poller = poller(queue, new StandInFunction(event -> success("{}")), 3,
        Duration.ofSeconds(10), false);
    queue.send("first");
    List<List<Message>> received = new CopyOnWriteArrayList<>();
    Instant started = Instant.now();
    Thread receiving = Thread.ofVirtual().start(() -> received.add(poller.receiveBatch()));

    await("the first message received", () -> queue.attribute(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE) == 1);
    queue.send("second", "third");
    receiving.join(Duration.ofSeconds(15));

    assertThat(received).hasSize(1);
    assertThat(received.getFirst()).extracting(Message::body).containsExactlyInAnyOrder("first", "second", "third");
    assertThat(Duration.between(started, Instant.now()))
        .as("a full batch goes without waiting for the rest of the 10 s window")
        .isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void aMessageReceivedAgainWithinALongerBatchingWindowIsInTheBatchOnceWithItsNewestReceiptHandle() {
    Queue queue = queue(Map.of());
    SqsEventSourcePoller poller = poller(queue, new StandInFunction(event -> success("{}")), 10,
        Duration.ofSeconds(3), false);
    queue.send("only");

    List<Message> batch = poller.receiveBatch();

    assertThat(batch).extracting(Message::body).containsExactly("only");
    sqs.deleteMessage(b -> b.queueUrl(queue.url()).receiptHandle(batch.getFirst().receiptHandle()));
    assertThat(queue.count()).as("deleted with the receipt handle the batch kept").isZero();
  }

  @Test
  void aMessageTheFunctionKeepsFailingReachesTheDeadLetterQueueAfterMaxReceiveCount() {
    Queue deadLetters = queue(Map.of());
    Queue queue = queue(Map.of(QueueAttributeName.REDRIVE_POLICY,
        "{\"deadLetterTargetArn\":\"" + deadLetters.arn() + "\",\"maxReceiveCount\":\"2\"}"));
    queue.send("poison");
    StandInFunction function = new StandInFunction(event -> new InvokeResult.FunctionError("Sandbox.Timedout",
        "{\"errorMessage\":\"Task timed out after 1.00 seconds\",\"errorType\":\"Sandbox.Timedout\"}"
            .getBytes(StandardCharsets.UTF_8)));

    start(queue, function, 10, Duration.ZERO, true);

    List<Message> dead = new ArrayList<>();
    await("the message in the dead-letter queue", () -> {
      dead.addAll(sqs.receiveMessage(b -> b.queueUrl(deadLetters.url()).waitTimeSeconds(1)).messages());
      return !dead.isEmpty();
    });
    assertThat(dead).extracting(Message::body).containsExactly("poison");
    assertThat(function.bodies()).as("delivered maxReceiveCount times, then moved").containsExactly("poison", "poison");
    assertThat(queue.count()).isZero();
  }

  @Test
  void aFifoQueueDeliversTheRecordsOfAMessageGroupInOrder() {
    Queue queue = queue("fifo-" + UUID.randomUUID() + ".fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true",
        QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"));
    for (int i = 1; i <= 6; i++) {
      String body = "m" + i;
      sqs.sendMessage(b -> b.queueUrl(queue.url()).messageBody(body).messageGroupId("order-group"));
    }
    StandInFunction function = new StandInFunction(event -> success("{}"));

    start(queue, function, 2, Duration.ZERO, true, 5);

    await("all six delivered and deleted", () -> function.deliveries().size() == 6 && queue.count() == 0);
    assertThat(function.bodies()).containsExactly("m1", "m2", "m3", "m4", "m5", "m6");
    assertThat(function.deliveries().getFirst().record().path("attributes").path("MessageGroupId").asText())
        .isEqualTo("order-group");
  }

  // --- the stand-in function and helpers

  /** One record as the function received it. */
  record Delivery(JsonNode record, Instant at) {
    String body() {
      return record.get("body").asText();
    }
  }

  /** Stands in for the Lambda service: records every event and answers as the test scripts it. */
  static final class StandInFunction implements FunctionInvoker {
    private final Function<JsonNode, InvokeResult> script;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    StandInFunction(Function<JsonNode, InvokeResult> script) {
      this.script = script;
    }

    @Override
    public synchronized InvokeResult invoke(String functionName, byte[] payload) {
      JsonNode event;
      try {
        event = JSON.readTree(payload);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Instant now = Instant.now();
      event.get("Records").forEach(record -> deliveries.add(new Delivery(record, now)));
      batchSizes.add(event.get("Records").size());
      return script.apply(event);
    }

    List<Delivery> deliveries() {
      return deliveries;
    }

    List<String> bodies() {
      return deliveries.stream().map(Delivery::body).toList();
    }

    List<Integer> batchSizes() {
      return batchSizes;
    }
  }

  private static InvokeResult success(String payload) {
    return new InvokeResult.Success(payload.getBytes(StandardCharsets.UTF_8));
  }

  private static String batchItemFailures(List<String> messageIds) {
    var response = JSON.createObjectNode();
    var failures = response.putArray("batchItemFailures");
    messageIds.forEach(id -> failures.addObject().put("itemIdentifier", id));
    return response.toString();
  }

  private record Queue(String url, String arn) {
    void send(String... bodies) {
      for (String body : bodies) {
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
      }
    }

    int attribute(QueueAttributeName name) {
      return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(name)).attributes().get(name));
    }

    /** Messages still in the queue, visible or in flight (deleted ones are not). */
    int count() {
      return attribute(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
          + attribute(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
    }
  }

  private Queue queue(Map<QueueAttributeName, String> attributes) {
    return queue("queue-" + UUID.randomUUID(), attributes);
  }

  private Queue queue(String name, Map<QueueAttributeName, String> extra) {
    Map<QueueAttributeName, String> attributes = new java.util.HashMap<>(extra);
    attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, "1");
    String url = sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
    String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    return new Queue(url, arn);
  }

  private SqsEventSourcePoller poller(Queue queue, StandInFunction function, int batchSize, Duration window,
                                      boolean reportBatchItemFailures) {
    return poller(queue, function, batchSize, window, reportBatchItemFailures, 1);
  }

  private SqsEventSourcePoller poller(Queue queue, StandInFunction function, int batchSize, Duration window,
                                      boolean reportBatchItemFailures, int concurrency) {
    EventSourceMapping mapping = new EventSourceMapping(queue.url(), queue.arn(), "stand-in", batchSize, window,
        concurrency, reportBatchItemFailures, true);
    SqsEventSourcePoller poller = new SqsEventSourcePoller(mapping, sqs, function, REGION, Duration.ofSeconds(1),
        log::add);
    pollers.add(poller);
    return poller;
  }

  private void start(Queue queue, StandInFunction function, int batchSize, Duration window,
                     boolean reportBatchItemFailures) {
    start(queue, function, batchSize, window, reportBatchItemFailures, 1);
  }

  private void start(Queue queue, StandInFunction function, int batchSize, Duration window,
                     boolean reportBatchItemFailures, int concurrency) {
    poller(queue, function, batchSize, window, reportBatchItemFailures, concurrency).start();
  }

  private void await(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out after " + DEADLINE + " waiting for " + what + "; poller log: " + log);
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
