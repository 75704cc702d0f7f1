package dev.fulfillment.statemachine.support;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulfillment.local.sfn.TaskInvoker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.UUID;

/**
 * One {@link RequestHandler} called the way Lambda's Java runtime calls it: the event JSON becomes the handler's
 * input type through the runtime's own serializer ({@code aws-lambda-java-serialization}, the library the runtime
 * uses for POJO handlers), the result goes back to JSON the same way, and an exception becomes
 * {@code errorType = class name} with the {@code {errorMessage, errorType, stackTrace}} payload.
 */
public final class InProcessLambda {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String functionName;
  private final RequestHandler<Object, Object> handler;
  private final PojoSerializer<Object> input;
  private final PojoSerializer<Object> output;

  /** How the event becomes the handler's input and the result becomes JSON. */
  public enum Serialization {
    /** Lambda's Java runtime serializer for POJO handlers ({@code aws-lambda-java-serialization}). */
    LAMBDA_RUNTIME,
    /** A plain Jackson mapper (records through their canonical constructor). */
    JACKSON
  }

  @SuppressWarnings("unchecked")
  public InProcessLambda(String functionName, RequestHandler<?, ?> handler, Serialization serialization) {
    this.functionName = functionName;
    this.handler = (RequestHandler<Object, Object>) handler;
    Type[] types = requestHandlerTypes(handler.getClass());
    this.input = serializer(types[0], serialization);
    this.output = serializer(types[1], serialization);
  }

  private static PojoSerializer<Object> serializer(Type type, Serialization serialization) {
    if (serialization == Serialization.LAMBDA_RUNTIME) {
      return JacksonFactory.getInstance().getSerializer(type);
    }
    com.fasterxml.jackson.databind.JavaType javaType = JSON.getTypeFactory().constructType(type);
    return new PojoSerializer<>() {
      @Override
      public Object fromJson(java.io.InputStream in) {
        try {
          return JSON.readValue(in, javaType);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }

      @Override
      public Object fromJson(String in) {
        try {
          return JSON.readValue(in, javaType);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }

      @Override
      public void toJson(Object value, java.io.OutputStream out) {
        try {
          JSON.writeValue(out, value);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
  }

  public TaskInvoker.LambdaResult invoke(JsonNode payload) {
    try {
      Object request = input.fromJson(payload.toString());
      Object response = handler.handleRequest(request, new LocalContext(functionName));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      output.toJson(response, bytes);
      return new TaskInvoker.Returned(JSON.readTree(bytes.toByteArray()));
    } catch (IOException e) {
      return TaskInvoker.raised(e);
    } catch (RuntimeException | Error e) {
      return TaskInvoker.raised(e);
    }
  }

  private static Type[] requestHandlerTypes(Class<?> type) {
    for (Type candidate : type.getGenericInterfaces()) {
      if (candidate instanceof ParameterizedType parameterized
          && parameterized.getRawType() == RequestHandler.class) {
        return parameterized.getActualTypeArguments();
      }
    }
    throw new IllegalArgumentException(type.getName() + " does not implement RequestHandler<I, O> directly");
  }

  /** The Lambda context of one invocation. */
  private record LocalContext(String functionName, String requestId) implements Context {
    LocalContext(String functionName) {
      this(functionName, UUID.randomUUID().toString());
    }

    @Override
    public String getAwsRequestId() {
      return requestId;
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
      return "local";
    }

    @Override
    public String getFunctionName() {
      return functionName;
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return 20_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
        }

        @Override
        public void log(byte[] message) {
        }
      };
    }
  }
}
