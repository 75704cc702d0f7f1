package dev.fulfillment.api.intake;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.api.order.OrderId;
import dev.fulfillment.api.order.OrderRequest;
import dev.fulfillment.api.start.OrderStarter;
import dev.fulfillment.api.start.StartOutcome;
import dev.fulfillment.api.validation.CardNumbers;
import dev.fulfillment.api.validation.FieldError;
import dev.fulfillment.api.validation.OrderValidator;
import dev.fulfillment.api.validation.Validation;
import dev.fulfillment.tasks.logging.JsonLogger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bulk intake: every SQS record is an order body, optionally with an {@code idempotencyKey} field;
 * each is validated and started on its own through the same path as {@code POST /orders}.
 *
 * <p>Partial batch responses (Lambda "Handling errors for an SQS event source",
 * ReportBatchItemFailures): only records listed in {@code batchItemFailures} return to the queue. An
 * empty or unknown itemIdentifier makes Lambda treat the whole batch as failed, so identifiers are
 * always the records' own message ids. On a FIFO queue processing stops at the first failure, and
 * that record and every one after it are reported, so ordering within a message group holds.
 */
public final class OrderIntake {

  static final String IDEMPOTENCY_KEY_FIELD = "idempotencyKey";

  private final OrderValidator validator;
  private final OrderStarter starter;
  private final DeadLetterQueue deadLetters;
  private final int maxBodyBytes;

  OrderIntake(OrderValidator validator, OrderStarter starter, DeadLetterQueue deadLetters, int maxBodyBytes) {
    this.validator = validator;
    this.starter = starter;
    this.deadLetters = deadLetters;
    this.maxBodyBytes = maxBodyBytes;
  }

  public SQSBatchResponse process(SQSEvent event, JsonLogger log) {
    List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
    Set<String> failed = new LinkedHashSet<>();
    boolean unreportable = false;
    for (int i = 0; i < records.size(); i++) {
      SQSEvent.SQSMessage record = records.get(i);
      RecordOutcome outcome = processOne(record, log);
      if (!(outcome instanceof RecordOutcome.Retry)) {
        continue;
      }
      List<SQSEvent.SQSMessage> toReport = isFifo(record) ? records.subList(i, records.size()) : List.of(record);
      for (SQSEvent.SQSMessage reported : toReport) {
        if (hasMessageId(reported)) {
          failed.add(reported.getMessageId());
        } else {
          unreportable = true;
        }
      }
      if (isFifo(record)) {
        if (toReport.size() > 1) {
          log.info("FIFO batch stopped at the first failure", Map.of("notProcessed", toReport.size() - 1));
        }
        break;
      }
    }
    if (unreportable) {
      // A record without a message id cannot be named in batchItemFailures, and an empty identifier
      // would fail the whole batch anyway: fail it explicitly. Redelivery is safe, every start is idempotent.
      throw new IllegalStateException("a record without a messageId failed; the whole batch will be retried");
    }
    List<SQSBatchResponse.BatchItemFailure> failures = failed.stream()
        .map(SQSBatchResponse.BatchItemFailure::new)
        .toList();
    return new SQSBatchResponse(new ArrayList<>(failures));
  }

  private RecordOutcome processOne(SQSEvent.SQSMessage record, JsonLogger batchLog) {
    JsonLogger log = batchLog;
    try {
      Parsed parsed = parse(record);
      if (parsed.errors() != null) {
        return deadLetter(record, "invalid order: " + new Validation.Invalid<>(parsed.errors()).summary(), log);
      }
      log = batchLog.withOrderId(parsed.orderId().value());
      return switch (starter.start(parsed.orderId(), parsed.order(), log)) {
        case StartOutcome.Started started -> {
          log.info(started.firstTime() ? "order accepted" : "order already started (redelivery or retry)",
              Map.of("messageId", String.valueOf(record.getMessageId()), "executionArn", started.executionArn()));
          yield new RecordOutcome.Started(started.orderId().value());
        }
        case StartOutcome.Conflict conflict -> deadLetter(record,
            "idempotencyKey already used for a different order (" + conflict.orderId() + ")", log);
        case StartOutcome.Unavailable unavailable -> retry(record, unavailable.reason(), log);
        case StartOutcome.Failed failed -> retry(record, failed.reason(), log);
      };
    } catch (RuntimeException e) {
      log.error("record failed unexpectedly", e, Map.of("messageId", String.valueOf(record.getMessageId())));
      return new RecordOutcome.Retry(e.getClass().getSimpleName());
    }
  }

  /** An order and its id, or why the record is not one. */
  private record Parsed(OrderId orderId, OrderRequest order, List<FieldError> errors) {
  }

  private Parsed parse(SQSEvent.SQSMessage record) {
    String body = record.getBody() == null ? "" : record.getBody();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > maxBodyBytes) {
      return invalid("", "the body must be at most " + maxBodyBytes + " bytes");
    }
    JsonNode root;
    switch (validator.parse(bytes)) {
      case Validation.Invalid<JsonNode> invalid -> {
        return new Parsed(null, null, invalid.errors());
      }
      case Validation.Valid<JsonNode> valid -> root = valid.value();
    }
    String key = null;
    if (root.isObject() && root.has(IDEMPOTENCY_KEY_FIELD)) {
      JsonNode keyNode = root.get(IDEMPOTENCY_KEY_FIELD);
      if (!keyNode.isNull()) {
        if (!keyNode.isTextual() || !OrderId.isValidKey(keyNode.textValue())) {
          return invalid(IDEMPOTENCY_KEY_FIELD, "must be 1-64 characters of 0-9 A-Z a-z _ -");
        }
        if (CardNumbers.containsCardNumber(keyNode.textValue())) {
          // The key becomes the order id and the execution name; the card check of the body runs without it.
          return invalid(IDEMPOTENCY_KEY_FIELD, CardNumbers.KEY_MESSAGE);
        }
        key = keyNode.textValue();
      }
      // The key names the order; it is not part of it (nor of its request hash).
      root = ((ObjectNode) root.deepCopy()).without(IDEMPOTENCY_KEY_FIELD);
    }
    return switch (validator.validate(root)) {
      case Validation.Invalid<OrderRequest> invalid -> new Parsed(null, null, invalid.errors());
      case Validation.Valid<OrderRequest> valid -> new Parsed(
          key != null ? OrderId.fromIdempotencyKey(key) : OrderId.fromSqsMessageId(record.getMessageId()),
          valid.value(), null);
    };
  }

  private static Parsed invalid(String field, String message) {
    return new Parsed(null, null, List.of(new FieldError(field, message)));
  }

  private RecordOutcome deadLetter(SQSEvent.SQSMessage record, String reason, JsonLogger log) {
    Map<String, Object> fields = Map.of("messageId", String.valueOf(record.getMessageId()), "reason", reason);
    if (!deadLetters.isConfigured()) {
      // Without DLQ_URL the queue's redrive policy is the only way out: retry until maxReceiveCount.
      log.error("record can never succeed and DLQ_URL is not set; leaving it to the redrive policy", null, fields);
      return new RecordOutcome.Retry(reason);
    }
    try {
      deadLetters.send(record, reason);
    } catch (RuntimeException e) {
      log.warn("record can never succeed but the DLQ could not take it; it will be retried", e, fields);
      return new RecordOutcome.Retry(reason);
    }
    log.warn("record can never succeed; moved to the DLQ", fields);
    return new RecordOutcome.DeadLettered(reason);
  }

  private static RecordOutcome retry(SQSEvent.SQSMessage record, String reason, JsonLogger log) {
    log.warn("record will be retried", Map.of("messageId", String.valueOf(record.getMessageId()), "reason", reason));
    return new RecordOutcome.Retry(reason);
  }

  private static boolean hasMessageId(SQSEvent.SQSMessage record) {
    return record.getMessageId() != null && !record.getMessageId().isBlank();
  }

  /** FIFO queue names end in ".fifo" (SQS naming rule), and so do their ARNs. */
  private static boolean isFifo(SQSEvent.SQSMessage record) {
    return record.getEventSourceArn() != null && record.getEventSourceArn().endsWith(".fifo");
  }
}
