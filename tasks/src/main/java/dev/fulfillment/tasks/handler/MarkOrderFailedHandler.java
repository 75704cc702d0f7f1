package dev.fulfillment.tasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fulfillment.tasks.config.AwsClients;
import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.tasks.domain.OrderStatus;
import dev.fulfillment.tasks.error.InvalidTaskInputException;
import dev.fulfillment.tasks.logging.JsonLogger;
import dev.fulfillment.tasks.logging.Redaction;
import dev.fulfillment.tasks.order.DynamoDbOrderRepository;
import dev.fulfillment.tasks.order.OrderRepository;
import dev.fulfillment.tasks.priming.Priming;
import dev.fulfillment.tasks.validation.InputRules;
import java.util.EnumSet;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Last step of every failure path: moves a non-terminal order to FAILED with a reason. A repeat is a
 * no-op; a CONFIRMED order is refused with InvalidOrderTransitionException.
 */
public final class MarkOrderFailedHandler implements RequestHandler<MarkOrderFailedRequest, MarkOrderFailedResponse>,
    Resource {

  /** Step Functions error names are at most 256 characters. */
  static final int MAX_ERROR_LENGTH = 256;
  private static final JsonFactory JSON = new JsonFactory();

  private final OrderRepository orders;
  private final JsonLogger log;

  /** For the Lambda runtime: clients from the environment, registered for SnapStart priming. */
  public MarkOrderFailedHandler() {
    this(AwsClients.dynamoDb(), TableNames.fromEnvironment());
    Core.getGlobalContext().register(this);
  }

  public MarkOrderFailedHandler(DynamoDbClient dynamoDb, TableNames tables) {
    this(new DynamoDbOrderRepository(dynamoDb, tables.orders()), JsonLogger.create("MarkOrderFailed"));
  }

  public MarkOrderFailedHandler(OrderRepository orders, JsonLogger log) {
    this.orders = orders;
    this.log = log;
  }

  @Override
  public MarkOrderFailedResponse handleRequest(MarkOrderFailedRequest request, Context context) {
    JsonLogger invocation = Invocations.logger(log, context, request == null ? null : request.orderId());
    return Invocations.logged(invocation, () -> {
      InputRules.present(request, "request");
      String orderId = InputRules.orderId(request.orderId());
      String error = request.error();
      if (error == null || error.isBlank() || error.length() > MAX_ERROR_LENGTH) {
        throw new InvalidTaskInputException("error must be an error name of 1-" + MAX_ERROR_LENGTH + " characters");
      }
      String reason = failureReason(error, request.reason());
      orders.transition(orderId, EnumSet.of(OrderStatus.RECEIVED, OrderStatus.RESERVED, OrderStatus.PAID),
          OrderStatus.FAILED, reason);
      invocation.info("order failed", Map.of("error", error));
      return new MarkOrderFailedResponse(orderId, OrderStatus.FAILED);
    });
  }

  /**
   * "error: message". A Java Lambda's failure reaches Step Functions with the whole error object as its
   * Cause ({@code {"errorMessage", "errorType", "stackTrace"}}); only the message is worth keeping on the
   * order. Card-like numbers, tokens and contact data are masked before anything is stored.
   */
  static String failureReason(String error, String cause) {
    String message = cause == null ? "" : cause.strip();
    if (message.startsWith("{")) {
      String errorMessage = errorMessage(message);
      if (errorMessage != null) {
        message = errorMessage;
      }
    }
    return Redaction.redactText(message.isEmpty() ? error : error + ": " + message);
  }

  /** The top-level "errorMessage" of a JSON object, or null when there is none or the text is not JSON. */
  private static String errorMessage(String json) {
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String found = null;
      for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("errorMessage".equals(name) && value != JsonToken.VALUE_NULL) {
          found = value.isScalarValue() ? parser.getText() : "";
        }
        parser.skipChildren();
      }
      // Only a whole, well-formed object counts; anything else is kept as the text it is.
      return parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null ? found : null;
    } catch (java.io.IOException notJson) {
      return null;
    }
  }

  /** SnapStart: prime before the snapshot, see {@link Priming} for what and why. */
  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    Priming.prime(new MarkOrderFailedRequest("ord_priming", "priming", "Priming"), MarkOrderFailedRequest.class,
        new MarkOrderFailedResponse("ord_priming", OrderStatus.FAILED), MarkOrderFailedResponse.class);
    failureReason("Priming", "{\"errorMessage\":\"priming\"}");
  }

  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    // Nothing to refresh: no connections or credentials were opened before the snapshot.
  }
}
