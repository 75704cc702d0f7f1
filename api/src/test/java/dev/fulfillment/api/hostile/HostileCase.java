package dev.fulfillment.api.hostile;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case of the hostile corpus ({@code src/test/resources/hostile/}): a request and what the api
 * must answer. Fields of a case file:
 * <ul>
 *   <li>{@code name}, {@code category};</li>
 *   <li>{@code method}, {@code path}, {@code headers} (default {@code content-type: application/json});</li>
 *   <li>the body, one of: {@code body} (text), {@code bodyJson} (any JSON, sent compact),
 *       {@code bodyBase64} (bytes, sent base64-encoded: the only way bytes that are not UTF-8 reach the
 *       handler), {@code bodyParts} ({@code [{text, times?}]}, concatenated: bodies too big for a file);
 *       {@code base64: true} sends a {@code body} as is with the flag set, other bodies encoded;</li>
 *   <li>{@code expectStatus}, {@code expectError}, {@code expectField} or {@code expectFields} (each
 *       must be among the response's {@code errors[].field}), {@code mustNotEcho} (text or list);</li>
 *   <li>{@code sqs: false} keeps a body-level case out of the SQS runner.</li>
 * </ul>
 *
 * @param id where the case comes from, e.g. {@code handwritten/013-invalid-utf-8-bytes.json} or
 *     {@code generated/injection.json#17}
 */
public record HostileCase(String id, JsonNode spec) {

  public String name() {
    return spec.path("name").asText();
  }

  public String category() {
    return spec.path("category").asText("uncategorized");
  }

  public String method() {
    return spec.path("method").asText();
  }

  public String path() {
    return spec.path("path").asText();
  }

  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    if (spec.has("headers")) {
      spec.get("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asText()));
    } else {
      headers.put("content-type", "application/json");
    }
    return headers;
  }

  /** The body's bytes, or null when the case has no body. */
  public byte[] bodyBytes() {
    if (spec.has("body")) {
      return spec.get("body").asText().getBytes(StandardCharsets.UTF_8);
    }
    if (spec.has("bodyJson")) {
      return spec.get("bodyJson").toString().getBytes(StandardCharsets.UTF_8);
    }
    if (spec.has("bodyBase64")) {
      return Base64.getDecoder().decode(spec.get("bodyBase64").asText());
    }
    if (spec.has("bodyParts")) {
      StringBuilder text = new StringBuilder();
      for (JsonNode part : spec.get("bodyParts")) {
        text.append(part.get("text").asText().repeat(part.path("times").asInt(1)));
      }
      return text.toString().getBytes(StandardCharsets.UTF_8);
    }
    return null;
  }

  /** Whether the event carries the body base64-encoded ({@code isBase64Encoded}). */
  public boolean base64Encoded() {
    return spec.has("bodyBase64") || spec.path("base64").asBoolean(false);
  }

  /** The body as the event's {@code body} field carries it. */
  public String eventBody() {
    if (spec.has("bodyBase64")) {
      return spec.get("bodyBase64").asText();
    }
    if (spec.has("body")) {
      return spec.get("body").asText();
    }
    byte[] bytes = bodyBytes();
    if (bytes == null) {
      return null;
    }
    return base64Encoded() ? Base64.getEncoder().encodeToString(bytes) : new String(bytes, StandardCharsets.UTF_8);
  }

  /** An HTTP API payload 2.0 event for this request on the {@code $default} stage. */
  public APIGatewayV2HTTPEvent httpEvent(String requestId) {
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey("$default")
        .withRawPath(path())
        .withHeaders(headers())
        .withBody(eventBody())
        .withIsBase64Encoded(base64Encoded())
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withStage("$default")
            .withRequestId(requestId)
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method()).withPath(path()).build())
            .build())
        .build();
  }

  public int expectStatus() {
    return spec.get("expectStatus").asInt();
  }

  public String expectError() {
    return spec.get("expectError").asText();
  }

  /** Field paths the response's errors must name ({@code ""} is the whole body). */
  public List<String> expectFields() {
    List<String> fields = new ArrayList<>();
    if (spec.has("expectField")) {
      fields.add(spec.get("expectField").asText());
    }
    spec.path("expectFields").forEach(field -> fields.add(field.asText()));
    return fields;
  }

  public List<String> mustNotEcho() {
    JsonNode value = spec.path("mustNotEcho");
    List<String> texts = new ArrayList<>();
    if (value.isTextual()) {
      texts.add(value.asText());
    } else {
      value.forEach(text -> texts.add(text.asText()));
    }
    return texts;
  }

  /**
   * Whether the case is about the body alone, so it can be an SQS record too: a POST of a JSON body
   * to /orders, rejected for its body (400 or 413), sent as text with nothing but the content type.
   * Bytes that are not UTF-8 cannot be an SQS message (its body is Unicode text).
   */
  public boolean isBodyLevel() {
    return method().equals("POST") && path().equals("/orders") && !base64Encoded()
        && headers().equals(Map.of("content-type", "application/json"))
        && (expectError().equals("ValidationFailed") || expectError().equals("PayloadTooLarge"))
        && bodyBytes() != null
        && spec.path("sqs").asBoolean(true);
  }

  /** The SQS record body for a body-level case. */
  public String sqsBody() {
    return new String(bodyBytes(), StandardCharsets.UTF_8);
  }

  /** Texts the DLQ copy's failureReason must contain: the fields named, or the problem. */
  public List<String> expectedReasonFragments() {
    if (expectError().equals("PayloadTooLarge")) {
      return List.of("must be at most");
    }
    List<String> fragments = new ArrayList<>(List.of("invalid order: "));
    for (String field : expectFields()) {
      fragments.add(field.isEmpty() ? "body: " : field + ": ");
    }
    return fragments;
  }

  @Override
  public String toString() {
    return id;
  }
}
