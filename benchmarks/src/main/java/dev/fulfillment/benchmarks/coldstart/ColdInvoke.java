package dev.fulfillment.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold invocation in a fresh JVM, as Lambda's Java runtime does it: construct the handler, turn the
 * event JSON into the handler's input type, call it once, exit. Run once per JVM by
 * {@link ColdStartBenchmark}; prints {@code construct_ms invoke_ms} on its last line.
 *
 * <p>Variant {@code tuned} uses the handler's no-arg constructor, exactly what Lambda calls. Variant
 * {@code naive} builds the same handler with {@code DynamoDbClient.create()} and friends: the SDK's
 * default builder (Apache HTTP client, default region and credential chains) — what a handler written the
 * obvious way gets.
 */
public final class ColdInvoke {

  private ColdInvoke() {
  }

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    String variant = args[0];
    String handlerClass = args[1];
    String eventJson = Files.readString(Path.of(args[2]));

    RequestHandler<Object, Object> handler = "naive".equals(variant)
        ? NaiveHandlers.create(handlerClass)
        : instantiate(handlerClass);
    long constructed = System.nanoTime();

    ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    Object input = json.readValue(eventJson, json.constructType(inputType(handler.getClass())));
    Object output = handler.handleRequest(input, new BenchContext());
    long done = System.nanoTime();
    if (output == null) {
      throw new IllegalStateException(handlerClass + " returned nothing");
    }
    System.out.println((constructed - start) / 1_000_000.0 + " " + (done - constructed) / 1_000_000.0);
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<Object, Object> instantiate(String handlerClass) throws Exception {
    return (RequestHandler<Object, Object>) Class.forName(handlerClass).getConstructor().newInstance();
  }

  /** The I of RequestHandler<I, O>, as the Lambda runtime finds it. */
  private static Type inputType(Class<?> handlerClass) {
    for (Type type : handlerClass.getGenericInterfaces()) {
      if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == RequestHandler.class) {
        return parameterized.getActualTypeArguments()[0];
      }
    }
    throw new IllegalArgumentException(handlerClass + " does not implement RequestHandler<I, O>");
  }

  /** The few Context members our handlers read. */
  private static final class BenchContext implements Context {
    @Override public String getAwsRequestId() { return "bench-request"; }
    @Override public String getLogGroupName() { return "bench"; }
    @Override public String getLogStreamName() { return "bench"; }
    @Override public String getFunctionName() { return "bench"; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:bench"; }
    @Override public com.amazonaws.services.lambda.runtime.CognitoIdentity getIdentity() { return null; }
    @Override public com.amazonaws.services.lambda.runtime.ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 30_000; }
    @Override public int getMemoryLimitInMB() { return 1024; }
    @Override public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override public void log(String message) { System.err.println(message); }
        @Override public void log(byte[] message) { System.err.println(new String(message)); }
      };
    }
  }
}
