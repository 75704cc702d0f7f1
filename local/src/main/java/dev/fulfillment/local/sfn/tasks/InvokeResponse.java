package dev.fulfillment.local.sfn.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The result of the optimized {@code lambda:invoke} integration: Lambda's Invoke response as the SDK sees it
 * (ExecutedVersion, Payload, SdkHttpMetadata, SdkResponseMetadata, StatusCode), as recorded from AWS.
 */
public final class InvokeResponse {
  private InvokeResponse() {}

  public static ObjectNode of(JsonNode payload) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    String requestId = UUID.randomUUID().toString();
    String length = String.valueOf(payload.toString().getBytes(StandardCharsets.UTF_8).length);
    ObjectNode response = nodes.objectNode();
    response.put("ExecutedVersion", "$LATEST");
    response.set("Payload", payload);
    ObjectNode http = response.putObject("SdkHttpMetadata");
    ObjectNode all = http.putObject("AllHttpHeaders");
    all.putArray("X-Amz-Executed-Version").add("$LATEST");
    all.putArray("x-amzn-Remapped-Content-Length").add("0");
    all.putArray("Connection").add("keep-alive");
    all.putArray("x-amzn-RequestId").add(requestId);
    all.putArray("Content-Length").add(length);
    all.putArray("Content-Type").add("application/json");
    ObjectNode headers = http.putObject("HttpHeaders");
    headers.put("Connection", "keep-alive");
    headers.put("Content-Length", length);
    headers.put("Content-Type", "application/json");
    headers.put("X-Amz-Executed-Version", "$LATEST");
    headers.put("x-amzn-Remapped-Content-Length", "0");
    headers.put("x-amzn-RequestId", requestId);
    http.put("HttpStatusCode", 200);
    response.putObject("SdkResponseMetadata").put("RequestId", requestId);
    response.put("StatusCode", 200);
    return response;
  }
}
