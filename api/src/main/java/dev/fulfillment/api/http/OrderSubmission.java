package dev.fulfillment.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.api.json.Json;
import dev.fulfillment.api.order.OrderId;
import dev.fulfillment.api.order.OrderRequest;
import dev.fulfillment.api.start.OrderStarter;
import dev.fulfillment.api.start.StartOutcome;
import dev.fulfillment.api.validation.CardNumbers;
import dev.fulfillment.api.validation.FieldError;
import dev.fulfillment.api.validation.OrderValidator;
import dev.fulfillment.api.validation.Validation;
import dev.fulfillment.tasks.logging.JsonLogger;
import java.util.List;
import java.util.Map;

/** {@code POST /orders}: 415, 413, 400, 409, 503 or 202, checked in that order. */
final class OrderSubmission {

  static final String IDEMPOTENCY_KEY = "idempotency-key";

  private final OrderValidator validator;
  private final OrderStarter starter;
  private final int maxBodyBytes;

  OrderSubmission(OrderValidator validator, OrderStarter starter, int maxBodyBytes) {
    this.validator = validator;
    this.starter = starter;
    this.maxBodyBytes = maxBodyBytes;
  }

  APIGatewayV2HTTPResponse submit(APIGatewayV2HTTPEvent event, Map<String, String> headers, String collectionPath,
                                  String requestId, JsonLogger log) {
    if (!ContentTypes.isJson(headers.get("content-type"))) {
      log.info("order rejected: content type is not JSON", Map.of("status", 415));
      return Responses.error(415, "UnsupportedMediaType",
          "send the order as application/json (UTF-8)", requestId);
    }
    byte[] body;
    switch (RequestBody.of(event.getBody(), event.getIsBase64Encoded(), maxBodyBytes)) {
      case RequestBody.TooLarge tooLarge -> {
        log.info("order rejected: body too large", Map.of("status", 413, "limitBytes", tooLarge.limit()));
        return Responses.error(413, "PayloadTooLarge",
            "the body must be at most " + tooLarge.limit() + " bytes", requestId);
      }
      case RequestBody.NotBase64 ignored -> {
        return rejected(List.of(new FieldError("", "the body is marked base64-encoded but is not valid base64")),
            requestId, log);
      }
      case RequestBody.Bytes bytes -> body = bytes.value();
    }
    String key = headers.get(IDEMPOTENCY_KEY);
    if (key != null && !OrderId.isValidKey(key)) {
      return rejected(List.of(new FieldError("header:Idempotency-Key",
          "must be 1-64 characters of 0-9 A-Z a-z _ - (one key per request)")), requestId, log);
    }
    if (key != null && CardNumbers.containsCardNumber(key)) {
      // Digits and dashes are a valid key, but the key becomes the order id, the execution name and a URL.
      return rejected(List.of(new FieldError("header:Idempotency-Key", CardNumbers.KEY_MESSAGE)), requestId, log);
    }
    OrderRequest order;
    switch (validator.validate(body)) {
      case Validation.Invalid<OrderRequest> invalid -> {
        return rejected(invalid.errors(), requestId, log);
      }
      case Validation.Valid<OrderRequest> valid -> order = valid.value();
    }
    OrderId orderId = key == null ? OrderId.generate() : OrderId.fromIdempotencyKey(key);
    JsonLogger orderLog = log.withOrderId(orderId.value());
    return switch (starter.start(orderId, order, orderLog)) {
      case StartOutcome.Started started -> {
        orderLog.info(started.firstTime() ? "order accepted" : "order accepted again (retry)",
            Map.of("executionArn", started.executionArn(), "lines", order.lines().size()));
        String statusUrl = collectionPath + "/" + orderId.value();
        ObjectNode accepted = Json.mapper().createObjectNode()
            .put("orderId", orderId.value())
            .put("executionArn", started.executionArn())
            .put("statusUrl", statusUrl);
        yield Responses.json(202, accepted, Map.of("location", statusUrl));
      }
      case StartOutcome.Conflict conflict -> {
        orderLog.warn("order rejected: idempotency key reused for a different order", Map.of("status", 409));
        yield Responses.error(409, "IdempotencyKeyReused",
            "this Idempotency-Key was already used for a different order; use a new key for a new order",
            requestId);
      }
      case StartOutcome.Unavailable unavailable -> Responses.error(503, "ServiceUnavailable",
          "the order could not be started right now; retry with the same Idempotency-Key", requestId,
          List.of(), Map.of("retry-after", "1"));
      case StartOutcome.Failed failed -> Responses.error(500, "InternalError",
          "the order could not be started; quote the requestId when reporting this", requestId);
    };
  }

  private static APIGatewayV2HTTPResponse rejected(List<FieldError> errors, String requestId, JsonLogger log) {
    // Field paths only: messages are safe too, but paths are what an operator searches for.
    log.info("order rejected: invalid", Map.of("status", 400,
        "fields", errors.stream().map(FieldError::field).toList()));
    return Responses.error(400, "ValidationFailed", "the order is invalid; see errors", requestId, errors, Map.of());
  }
}
