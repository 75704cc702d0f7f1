package dev.fulfillment.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.api.json.Json;
import dev.fulfillment.api.validation.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON responses. Every answer, error or not, is a JSON object with {@code Content-Type:
 * application/json}; errors are {@code {"error": code, "message": text, "requestId": id,
 * "errors"?: [{field, message}]}} so a client can branch on {@code error} and show {@code message}.
 */
final class Responses {

  private Responses() {
  }

  static APIGatewayV2HTTPResponse json(int status, JsonNode body, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", "application/json");
    // An error body must not be cached by a proxy and then served for a later, valid request.
    headers.put("cache-control", "no-store");
    headers.putAll(extraHeaders);
    try {
      return APIGatewayV2HTTPResponse.builder()
          .withStatusCode(status)
          .withHeaders(headers)
          .withBody(Json.mapper().writeValueAsString(body))
          .withIsBase64Encoded(false)
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a response could not be written", e);
    }
  }

  static APIGatewayV2HTTPResponse error(int status, String code, String message, String requestId) {
    return error(status, code, message, requestId, List.of(), Map.of());
  }

  static APIGatewayV2HTTPResponse error(int status, String code, String message, String requestId,
                                        List<FieldError> errors, Map<String, String> extraHeaders) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("error", code);
    body.put("message", message);
    if (requestId != null) {
      body.put("requestId", requestId);
    }
    if (!errors.isEmpty()) {
      ArrayNode list = body.putArray("errors");
      errors.forEach(error -> list.addObject().put("field", error.field()).put("message", error.message()));
    }
    return json(status, body, extraHeaders);
  }
}
