package dev.fulfillment.local.lambda;

import java.nio.charset.StandardCharsets;

/** What one synchronous invocation (Invoke with RequestResponse) produced. */
public sealed interface InvokeResult {

  /** The payload bytes, as the function's serializer wrote them. */
  byte[] payload();

  default String payloadText() {
    return new String(payload(), StandardCharsets.UTF_8);
  }

  /** The handler returned. */
  record Success(byte[] payload) implements InvokeResult {}

  /**
   * The invocation failed (Invoke's {@code X-Amz-Function-Error: Unhandled}): {@code payload} is the error document
   * {@code {"errorMessage", "errorType", "stackTrace"}} as the Java runtime shapes it, {@code errorType} its type
   * (the exception's fully qualified class name, or {@code Sandbox.Timedout}, {@code Runtime.ExitError}, ...).
   */
  record FunctionError(String errorType, byte[] payload) implements InvokeResult {}
}
