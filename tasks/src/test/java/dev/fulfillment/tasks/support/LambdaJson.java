package dev.fulfillment.tasks.support;

import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

/**
 * Reads JSON into a handler's input type the way the Lambda Java runtime does for POJO and record
 * handlers (its own shaded Jackson, from aws-lambda-java-serialization), so tests see what the runtime
 * would pass, including what it rejects before the handler runs.
 */
public final class LambdaJson {

  private LambdaJson() {
  }

  public static <T> T read(String json, Class<T> type) {
    return JacksonFactory.getInstance().getSerializer(type).fromJson(json);
  }
}
