package dev.fulfillment.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How the engine calls a Lambda function (synchronously, like Invoke with RequestResponse). The local runner
 * plugs in its Lambda runtime, tests plug in handlers or stand-ins. An invoker may also simply throw: the
 * exception is reported the way Lambda's Java runtime reports it (error = fully qualified class name).
 */
@FunctionalInterface
public interface TaskInvoker {

  /**
   * @param functionName the function as the definition names it (name, partial or full ARN, maybe qualified)
   * @param payload the request payload
   */
  LambdaResult invoke(String functionName, JsonNode payload);

  /** What an invocation produced. */
  sealed interface LambdaResult permits Returned, Raised {}

  /** The function returned {@code payload}. */
  record Returned(JsonNode payload) implements LambdaResult {}

  /**
   * The function failed: {@code errorType} becomes the Step Functions error; {@code cause} is the error payload
   * text Lambda returned (for example {@code {"errorMessage":"...","errorType":"...","stackTrace":[]}}).
   */
  record Raised(String errorType, String cause) implements LambdaResult {}

  /** The error payload Lambda's Java runtime writes for an uncaught exception. */
  static Raised raised(Throwable error) {
    var json = com.fasterxml.jackson.databind.json.JsonMapper.builder().build();
    var payload = json.createObjectNode();
    payload.put("errorMessage", error.getMessage());
    payload.put("errorType", error.getClass().getName());
    var trace = payload.putArray("stackTrace");
    for (StackTraceElement element : error.getStackTrace()) {
      trace.add(element.toString());
    }
    return new Raised(error.getClass().getName(), payload.toString());
  }

  /** The default invoker: every task fails with a clear error instead of pretending to have run. */
  static TaskInvoker unavailable() {
    return (functionName, payload) -> new Raised("Lambda.ServiceException",
        "No TaskInvoker is configured for the local engine, so Lambda function '" + functionName
            + "' cannot be invoked; pass one to LocalStepFunctions.builder().taskInvoker(...) or use a mock config");
  }

}
