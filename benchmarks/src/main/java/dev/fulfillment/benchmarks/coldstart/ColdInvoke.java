package dev.fulfillment.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold invocation in a fresh JVM, as Lambda's Java runtime does it: construct the handler, turn the
 * event JSON into the handler's input type with the runtime's own serializer ({@code
 * aws-lambda-java-serialization}: its event serializers for {@code aws-lambda-java-events} types, its Jackson
 * factory for POJOs and records, as the runtime interface client chooses), call it once, serialize the
 * result the same way, exit. Run once per JVM by
 * {@link ColdStartBenchmark}; prints where the time went on its last line.
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

    Type[] types = ioTypes(handler.getClass());
    Object input = serializer(types[0]).fromJson(eventJson);
    long deserialized = System.nanoTime();
    Object output = handler.handleRequest(input, new BenchContext());
    if (output == null) {
      throw new IllegalStateException(handlerClass + " returned nothing");
    }
    long handled = System.nanoTime();
    ByteArrayOutputStream result = new ByteArrayOutputStream();
    serializer(types[1]).toJson(output, result);
    long done = System.nanoTime();
    System.out.printf(java.util.Locale.ROOT, "construct %.0f ms, deserialize %.0f ms, handle %.0f ms, serialize %.0f ms%n",
        millis(start, constructed), millis(constructed, deserialized), millis(deserialized, handled), millis(handled, done));
  }

  private static double millis(long from, long to) {
    return (to - from) / 1_000_000.0;
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<Object, Object> instantiate(String handlerClass) throws Exception {
    return (RequestHandler<Object, Object>) Class.forName(handlerClass).getConstructor().newInstance();
  }

  /** I and O of RequestHandler<I, O>, as the Lambda runtime finds them. */
  private static Type[] ioTypes(Class<?> handlerClass) {
    for (Type type : handlerClass.getGenericInterfaces()) {
      if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == RequestHandler.class) {
        return parameterized.getActualTypeArguments();
      }
    }
    throw new IllegalArgumentException(handlerClass + " does not implement RequestHandler<I, O>");
  }

  /** The runtime's choice: its event serializers for the Lambda event classes, Jackson for everything else. */
  @SuppressWarnings("unchecked")
  private static PojoSerializer<Object> serializer(Type type) {
    if (type instanceof Class<?> raw && LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
      return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(raw, ColdInvoke.class.getClassLoader());
    }
    return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
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
