package dev.fulfillment.tasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.fulfillment.tasks.error.BusinessException;
import dev.fulfillment.tasks.error.InvalidTaskInputException;
import dev.fulfillment.tasks.error.TransientException;
import dev.fulfillment.tasks.logging.JsonLogger;
import dev.fulfillment.tasks.validation.InputRules;
import java.util.Map;
import java.util.function.Supplier;

/** Runs a handler body and logs how it ended, by kind of failure; the exception itself is rethrown unchanged. */
final class Invocations {

  private Invocations() {
  }

  /** The invocation's logger; the order id is only attached when it is well formed (hostile input stays out of logs). */
  static JsonLogger logger(JsonLogger log, Context context, String orderId) {
    JsonLogger invocation = log.withContext(context);
    return orderId != null && InputRules.ORDER_ID.matcher(orderId).matches() ? invocation.withOrderId(orderId) : invocation;
  }

  static <T> T logged(JsonLogger log, Supplier<T> body) {
    try {
      return body.get();
    } catch (BusinessException | TransientException | InvalidTaskInputException expected) {
      // Outcomes the workflow handles (catch or retry): a warning, without a stack trace's noise.
      log.warn(expected.getMessage(), Map.of("errorType", expected.getClass().getName()));
      throw expected;
    } catch (RuntimeException unexpected) {
      log.error("unexpected failure", unexpected, Map.of());
      throw unexpected;
    }
  }
}
