package dev.fulfillment.api.intake;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.fulfillment.api.validation.CardNumbers;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Puts records that can never succeed on the intake DLQ, with why. Left to SQS, an invalid record
 * would be received maxReceiveCount times before the redrive policy moved it, and the DLQ copy would
 * not say why. So the handler sends the copy itself, with message attributes {@code failureReason},
 * {@code sourceMessageId} and {@code sourceQueueArn}, and then reports the record as processed.
 * Card numbers in the body are masked (all but the last four digits) so the DLQ never stores one.
 */
final class DeadLetterQueue {

  static final String FAILURE_REASON = "failureReason";
  static final String SOURCE_MESSAGE_ID = "sourceMessageId";
  static final String SOURCE_QUEUE_ARN = "sourceQueueArn";
  /** A message attribute value counts towards the message size; the reason stays short. */
  static final int MAX_REASON_LENGTH = 1024;
  /** MessageDeduplicationId: up to 128 characters of alphanumerics and punctuation (SendMessage reference). */
  private static final Pattern DEDUPLICATION_ID = Pattern.compile("[!-~]{1,128}");

  private final SqsClient sqs;
  private final String queueUrl;

  DeadLetterQueue(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  boolean isConfigured() {
    return sqs != null && queueUrl != null;
  }

  void send(SQSEvent.SQSMessage message, String reason) {
    Map<String, MessageAttributeValue> attributes = new HashMap<>();
    attributes.put(FAILURE_REASON, text(reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason));
    if (message.getMessageId() != null && !message.getMessageId().isEmpty()) {
      attributes.put(SOURCE_MESSAGE_ID, text(message.getMessageId()));
    }
    if (message.getEventSourceArn() != null && !message.getEventSourceArn().isEmpty()) {
      attributes.put(SOURCE_QUEUE_ARN, text(message.getEventSourceArn()));
    }
    String body = message.getBody() == null || message.getBody().isEmpty()
        ? "(the message had an empty body)"
        : CardNumbers.mask(message.getBody());
    SendMessageRequest.Builder request = SendMessageRequest.builder()
        .queueUrl(queueUrl)
        .messageBody(body)
        .messageAttributes(attributes);
    // A FIFO queue's DLQ is FIFO too, and SendMessage to a FIFO queue needs a group id, plus a
    // deduplication id unless content-based deduplication is on. The source message id as
    // deduplication id also makes a repeated send (after a failed batch) a no-op within 5 minutes.
    if (queueUrl.endsWith(".fifo")) {
      String group = message.getAttributes() == null ? null : message.getAttributes().get("MessageGroupId");
      request.messageGroupId(group == null || group.isEmpty() ? "invalid-orders" : group);
      request.messageDeduplicationId(deduplicationId(message.getMessageId()));
    }
    sqs.sendMessage(request.build());
  }

  private static String deduplicationId(String messageId) {
    if (messageId != null && DEDUPLICATION_ID.matcher(messageId).matches()) {
      return messageId;
    }
    return UUID.nameUUIDFromBytes(String.valueOf(messageId).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
