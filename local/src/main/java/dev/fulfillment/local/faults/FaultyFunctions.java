package dev.fulfillment.local.faults;

import dev.fulfillment.local.lambda.FunctionInvoker;
import dev.fulfillment.local.lambda.InvokeResult;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Lambda as seen by its callers, with the lambda faults of the plan. The function itself is untouched: it never
 * knows it is under test.
 */
public final class FaultyFunctions implements FunctionInvoker {
  private final FunctionInvoker functions;
  private final FaultInjector faults;

  public FaultyFunctions(FunctionInvoker functions, FaultInjector faults) {
    this.functions = functions;
    this.faults = faults;
  }

  @Override
  public InvokeResult invoke(String functionName, byte[] payload) {
    String name = shortName(functionName);
    if (faults.decide(FaultKind.LAMBDA_TRANSIENT, name, payload)) {
      return error("Lambda.ServiceException", "Lambda encountered an internal error (fault injected before the"
          + " handler ran)");
    }
    InvokeResult result = functions.invoke(functionName, payload);
    if (faults.decide(FaultKind.LAMBDA_CRASH_AFTER_WRITE, name, payload)) {
      return error("Lambda.ServiceException", "Lambda encountered an internal error (fault injected after the"
          + " handler ran; its result was dropped)");
    }
    if (faults.decide(FaultKind.LAMBDA_TIMEOUT, name, payload)) {
      return error("Sandbox.Timedout", "RequestId: " + UUID.randomUUID() + " Error: Task timed out (fault injected"
          + " after the handler ran)");
    }
    return result;
  }

  /** The function name out of a name or an ARN, qualified or not. */
  private static String shortName(String functionName) {
    String name = functionName;
    int at = name.indexOf(":function:");
    if (at >= 0) {
      name = name.substring(at + ":function:".length());
    }
    int colon = name.indexOf(':');
    return colon >= 0 ? name.substring(0, colon) : name;
  }

  private static InvokeResult.FunctionError error(String type, String message) {
    String body = "{\"errorMessage\":\"" + message + "\",\"errorType\":\"" + type + "\",\"stackTrace\":[]}";
    return new InvokeResult.FunctionError(type, body.getBytes(StandardCharsets.UTF_8));
  }
}
