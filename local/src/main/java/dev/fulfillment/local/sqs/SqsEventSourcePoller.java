package dev.fulfillment.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.local.lambda.FunctionInvoker;
import dev.fulfillment.local.lambda.InvokeResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * Lambda's SQS poller for one event source mapping ("Using Lambda with Amazon SQS"):
 *
 * <ul>
 *   <li>long polling (20 s) by up to five pollers, no more concurrent invocations than {@code MaximumConcurrency};</li>
 *   <li>a batch grows until it holds {@code BatchSize} records or the batching window has passed since its first
 *       record;</li>
 *   <li>when the function succeeds, the batch's messages are deleted; when it fails (an error, a timeout), none is,
 *       and they return after the queue's visibility timeout, reaching the DLQ after the redrive policy's
 *       maxReceiveCount (SQS's own rule, ElasticMQ applies it);</li>
 *   <li>with {@code ReportBatchItemFailures}, only the records named in {@code batchItemFailures} stay; the batch
 *       counts as fully successful for a null/empty response or list, and as fully failed for a response that is not
 *       valid JSON, or an itemIdentifier that is null, empty, or not a message id of the batch
 *       ("Handling errors for an SQS event source in Lambda", "Success and failure conditions").</li>
 * </ul>
 */
public final class SqsEventSourcePoller implements AutoCloseable {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final int LAMBDA_POLLERS = 5;
  private static final int MAX_RECEIVE = 10;

  private final EventSourceMapping mapping;
  private final SqsClient sqs;
  private final FunctionInvoker functions;
  private final String region;
  private final Consumer<String> log;
  private final Duration longPoll;
  private final Predicate<Message> deliverTwice;
  private final List<Thread> pollers = new ArrayList<>();
  private volatile boolean running = true;

  /**
   * @param longPoll the ReceiveMessage wait (Lambda uses 20 s; tests may shorten it so shutdown is quick)
   */
  public SqsEventSourcePoller(EventSourceMapping mapping, SqsClient sqs, FunctionInvoker functions, String region,
                              Duration longPoll, Consumer<String> log) {
    this(mapping, sqs, functions, region, longPoll, log, message -> false);
  }

  /**
   * @param deliverTwice messages to deliver a second time, in a batch of their own after the first (the
   *     sqs-duplicate fault: SQS's at-least-once delivery, on demand)
   */
  public SqsEventSourcePoller(EventSourceMapping mapping, SqsClient sqs, FunctionInvoker functions, String region,
                              Duration longPoll, Consumer<String> log, Predicate<Message> deliverTwice) {
    this.deliverTwice = deliverTwice;
    this.mapping = mapping;
    this.sqs = sqs;
    this.functions = functions;
    this.region = region;
    this.longPoll = longPoll;
    this.log = log;
  }

  public EventSourceMapping mapping() {
    return mapping;
  }

  public void start() {
    if (!mapping.enabled()) {
      return;
    }
    int count = Math.max(1, Math.min(LAMBDA_POLLERS, mapping.maximumConcurrency()));
    for (int i = 0; i < count; i++) {
      pollers.add(Thread.ofVirtual().name("sqs-poller-" + mapping.functionName() + "-" + i).start(this::poll));
    }
  }

  private void poll() {
    while (running) {
      try {
        List<Message> batch = receiveBatch();
        if (!batch.isEmpty() && running) {
          List<Message> again = batch.stream().filter(deliverTwice).toList();
          deliver(batch);
          if (!again.isEmpty() && running) {
            deliver(again);
          }
        }
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        log.accept("SQS poller for " + mapping.functionName() + ": " + e.getMessage() + " (retrying in 1 s)");
        pause(Duration.ofSeconds(1));
      }
    }
  }

  /** One batch: long-poll for the first messages, then fill up within the batching window. */
  List<Message> receiveBatch() {
    List<Message> first = receive(Math.min(MAX_RECEIVE, mapping.batchSize()), longPoll);
    if (first.isEmpty()) {
      return first;
    }
    // By message id: a batching window longer than the queue's visibility timeout receives the same message again,
    // and Lambda's batch holds each message once. The newest receive wins, since SQS invalidates the older receipt
    // handle ("Amazon SQS visibility timeout": a message received again gets a new receipt handle), and deleting
    // with the old one would fail and leave the message to be delivered once more.
    Map<String, Message> batch = new LinkedHashMap<>();
    first.forEach(m -> batch.put(m.messageId(), m));
    long windowEnds = System.nanoTime() + mapping.batchingWindow().toNanos();
    while (running && batch.size() < mapping.batchSize()) {
      long left = windowEnds - System.nanoTime();
      if (left <= 0) {
        break;
      }
      Duration wait = Duration.ofNanos(left);
      // ReceiveMessage waits in whole seconds; a window shorter than a second is spent on a short poll.
      receive(Math.min(MAX_RECEIVE, mapping.batchSize() - batch.size()),
          wait.toSeconds() >= 1 ? Duration.ofSeconds(Math.min(20, wait.toSeconds())) : Duration.ZERO)
          .forEach(m -> batch.put(m.messageId(), m));
    }
    return new ArrayList<>(batch.values());
  }

  private List<Message> receive(int max, Duration wait) {
    return sqs.receiveMessage(ReceiveMessageRequest.builder()
        .queueUrl(mapping.queueUrl())
        .maxNumberOfMessages(max)
        .waitTimeSeconds((int) wait.toSeconds())
        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
        .messageAttributeNames("All")
        .build()).messages();
  }

  /** Invokes the function with the batch and deletes what succeeded. */
  void deliver(List<Message> batch) {
    byte[] event;
    try {
      event = JSON.writeValueAsBytes(event(batch));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    InvokeResult result = functions.invoke(mapping.functionName(), event);
    List<Message> succeeded = switch (result) {
      case InvokeResult.FunctionError error -> {
        log.accept("SQS batch of " + batch.size() + " -> " + mapping.functionName() + ": function error "
            + error.errorType() + "; every message returns after the visibility timeout");
        yield List.of();
      }
      case InvokeResult.Success success -> succeeded(batch, success.payload());
    };
    delete(succeeded);
    if (result instanceof InvokeResult.Success) {
      log.accept("SQS batch of " + batch.size() + " -> " + mapping.functionName() + ": " + succeeded.size()
          + " done, " + (batch.size() - succeeded.size()) + " left to be retried");
    }
  }

  private List<Message> succeeded(List<Message> batch, byte[] payload) {
    if (!mapping.reportBatchItemFailures()) {
      return batch;
    }
    JsonNode response;
    try {
      response = payload.length == 0 ? null : JSON.readTree(payload);
    } catch (IOException e) {
      log.accept("SQS batch -> " + mapping.functionName() + ": the response is not valid JSON; the whole batch failed");
      return List.of();
    }
    if (response == null || response.isNull() || (response.isObject() && response.isEmpty())) {
      return batch;
    }
    JsonNode failures = response.path("batchItemFailures");
    if (failures.isMissingNode() || failures.isNull() || (failures.isArray() && failures.isEmpty())) {
      return batch;
    }
    if (!failures.isArray()) {
      log.accept("SQS batch -> " + mapping.functionName() + ": batchItemFailures is not a list; the whole batch failed");
      return List.of();
    }
    Set<String> ids = new HashSet<>();
    batch.forEach(m -> ids.add(m.messageId()));
    Set<String> failed = new HashSet<>();
    for (JsonNode failure : failures) {
      JsonNode id = failure.path("itemIdentifier");
      if (!id.isTextual() || id.textValue().isEmpty() || !ids.contains(id.textValue())) {
        log.accept("SQS batch -> " + mapping.functionName() + ": itemIdentifier " + id
            + " is empty or not in the batch; the whole batch failed");
        return List.of();
      }
      failed.add(id.textValue());
    }
    return batch.stream().filter(m -> !failed.contains(m.messageId())).toList();
  }

  private void delete(List<Message> messages) {
    for (int from = 0; from < messages.size(); from += MAX_RECEIVE) {
      List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + MAX_RECEIVE));
      List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
            .receiptHandle(chunk.get(i).receiptHandle()).build());
      }
      var response = sqs.deleteMessageBatch(b -> b.queueUrl(mapping.queueUrl()).entries(entries));
      if (response.hasFailed() && !response.failed().isEmpty()) {
        log.accept("SQS: could not delete " + response.failed().size() + " processed messages: "
            + response.failed().getFirst().message());
      }
    }
  }

  /** The SQS event Lambda passes to the function (one record per message). */
  private ObjectNode event(List<Message> batch) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (Message message : batch) {
      ObjectNode record = records.addObject();
      record.put("messageId", message.messageId());
      record.put("receiptHandle", message.receiptHandle());
      record.put("body", message.body());
      ObjectNode attributes = record.putObject("attributes");
      message.attributesAsStrings().forEach(attributes::put);
      ObjectNode messageAttributes = record.putObject("messageAttributes");
      for (Map.Entry<String, MessageAttributeValue> entry : message.messageAttributes().entrySet()) {
        MessageAttributeValue value = entry.getValue();
        ObjectNode attribute = messageAttributes.putObject(entry.getKey());
        if (value.stringValue() != null) {
          attribute.put("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
          attribute.put("binaryValue", java.util.Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()));
        }
        ArrayNode strings = attribute.putArray("stringListValues");
        value.stringListValues().forEach(strings::add);
        ArrayNode binaries = attribute.putArray("binaryListValues");
        value.binaryListValues().stream().map(SdkBytes::asByteArray)
            .forEach(b -> binaries.add(java.util.Base64.getEncoder().encodeToString(b)));
        attribute.put("dataType", value.dataType());
      }
      record.put("md5OfBody", message.md5OfBody());
      if (message.md5OfMessageAttributes() != null) {
        record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
      }
      record.put("eventSource", "aws:sqs");
      record.put("eventSourceARN", mapping.queueArn());
      record.put("awsRegion", region);
    }
    return event;
  }

  private void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    pollers.forEach(Thread::interrupt);
  }
}
