package dev.fulfillment.local.lambda;

/** Invokes a Lambda function synchronously (Invoke, RequestResponse); {@link LambdaRuntime} is the real one. */
@FunctionalInterface
public interface FunctionInvoker {
  /** @param functionName a name or ARN, maybe qualified, as Invoke's FunctionName accepts it */
  InvokeResult invoke(String functionName, byte[] payload);
}
