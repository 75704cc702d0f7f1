package dev.fulfillment.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fulfillment.api.start.Failures;
import dev.fulfillment.api.start.OrderStarter;
import dev.fulfillment.api.validation.OrderValidator;
import dev.fulfillment.tasks.logging.JsonLogger;
import dev.fulfillment.tasks.order.OrderRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The HTTP API behind the handler: routing, and one JSON answer for every request, whatever happens. */
public final class OrdersApi {

  private final OrderSubmission submission;
  private final OrderLookup lookup;

  public OrdersApi(OrderValidator validator, OrderStarter starter, OrderRepository orders, int maxBodyBytes) {
    this.submission = new OrderSubmission(validator, starter, maxBodyBytes);
    this.lookup = new OrderLookup(orders);
  }

  /**
   * @param requestId the Lambda request id, echoed in error bodies so a client report finds the logs
   */
  public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, String requestId, JsonLogger log) {
    try {
      String method = method(event);
      String stage = event.getRequestContext() == null ? null : event.getRequestContext().getStage();
      return switch (Route.resolve(method, event.getRawPath(), stage)) {
        case Route.SubmitOrder submit -> submission.submit(event, headers(event), submit.collectionPath(), requestId, log);
        case Route.GetOrder get -> lookup.find(get.orderId(), requestId, log);
        case Route.MethodNotAllowed notAllowed -> Responses.error(405, "MethodNotAllowed",
            "this path accepts " + String.join(", ", new TreeSet<>(notAllowed.allowed())), requestId, List.of(),
            Map.of("allow", String.join(", ", new TreeSet<>(notAllowed.allowed()))));
        case Route.NotFound ignored -> Responses.error(404, "NotFound",
            "no such route; the api serves POST /orders and GET /orders/{orderId}", requestId);
      };
    } catch (RuntimeException e) {
      if (Failures.isTransient(e)) {
        log.warn("request failed transiently", e, Map.of("status", 503));
        return Responses.error(503, "ServiceUnavailable", "try again shortly", requestId, List.of(),
            Map.of("retry-after", "1"));
      }
      log.error("request failed", e, Map.of("status", 500));
      return Responses.error(500, "InternalError", "the request failed; quote the requestId when reporting this",
          requestId);
    }
  }

  private static String method(APIGatewayV2HTTPEvent event) {
    if (event.getRequestContext() == null || event.getRequestContext().getHttp() == null
        || event.getRequestContext().getHttp().getMethod() == null) {
      return "";
    }
    return event.getRequestContext().getHttp().getMethod().toUpperCase(Locale.ROOT);
  }

  /** HTTP API sends header names in lower case; lower-casing again keeps other callers (tests, local) honest. */
  private static Map<String, String> headers(APIGatewayV2HTTPEvent event) {
    Map<String, String> headers = new HashMap<>();
    if (event.getHeaders() != null) {
      event.getHeaders().forEach((name, value) -> {
        if (name != null) {
          headers.put(name.toLowerCase(Locale.ROOT), value);
        }
      });
    }
    return headers;
  }
}
