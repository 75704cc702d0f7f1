package dev.fulfillment.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.fulfillment.local.sfn.TaskInvoker;
import java.io.IOException;

/**
 * Lets the Step Functions engine call the local Lambda functions ({@code arn:aws:states:::lambda:invoke} and plain
 * function ARNs; alias and version ARNs reach the function). A function error becomes a task failure whose error is
 * the runtime's {@code errorType} and whose cause is the error document, as Step Functions reports Lambda errors.
 */
public final class LambdaTaskInvoker implements TaskInvoker {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private final FunctionInvoker runtime;

  public LambdaTaskInvoker(FunctionInvoker runtime) {
    this.runtime = runtime;
  }

  @Override
  public LambdaResult invoke(String functionName, JsonNode payload) {
    byte[] request;
    try {
      request = JSON.writeValueAsBytes(payload == null ? NullNode.getInstance() : payload);
    } catch (IOException e) {
      return new Raised("Lambda.SdkClientException", "cannot serialize the payload: " + e.getMessage());
    }
    InvokeResult result = runtime.invoke(functionName, request);
    return switch (result) {
      case InvokeResult.Success success -> new Returned(parse(success.payload()));
      case InvokeResult.FunctionError error -> error.errorType().equals("ResourceNotFoundException")
          ? new Raised("Lambda.ResourceNotFoundException", error.payloadText())
          : new Raised(error.errorType(), error.payloadText());
    };
  }

  /** Lambda's payload is any JSON text; a handler returning a bare string still yields JSON. */
  private static JsonNode parse(byte[] payload) {
    if (payload.length == 0) {
      return NullNode.getInstance();
    }
    try {
      JsonNode node = JSON.readTree(payload);
      return node == null ? NullNode.getInstance() : node;
    } catch (IOException notJson) {
      return TextNode.valueOf(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
