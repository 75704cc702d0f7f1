package dev.fulfillment.local.httpapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One route of an HTTP API ({@code AWS::ApiGatewayV2::Route}) with its Lambda proxy integration.
 *
 * @param routeKey {@code "POST /orders"}, {@code "GET /orders/{orderId}"}, {@code "ANY /files/{proxy+}"} or
 *     {@code "$default"}
 * @param functionName the integration's function (IntegrationUri: a function or alias ARN)
 * @param timeout the integration timeout ({@code TimeoutInMillis}, at most and by default 30 s)
 */
public record HttpApiRoute(String routeKey, String functionName, Duration timeout) {
  public HttpApiRoute {
    Objects.requireNonNull(routeKey, "routeKey");
    Objects.requireNonNull(functionName, "functionName");
    Objects.requireNonNull(timeout, "timeout");
  }

  public boolean isDefault() {
    return routeKey.equals("$default");
  }

  String method() {
    return isDefault() ? "ANY" : routeKey.substring(0, routeKey.indexOf(' ')).toUpperCase(Locale.ROOT);
  }

  private List<String> segments() {
    String path = routeKey.substring(routeKey.indexOf(' ') + 1);
    List<String> out = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        out.add(segment);
      }
    }
    return out;
  }

  /**
   * Path parameters when this route matches {@code method} and {@code path}, else null. Rules of "Working with
   * routes for HTTP APIs": {@code {name}} matches one segment, a last {@code {name+}} matches the rest (at least one
   * segment), {@code ANY} matches every method.
   */
  Map<String, String> match(String requestMethod, List<String> path) {
    if (isDefault()) {
      return Map.of();
    }
    if (!method().equals("ANY") && !method().equals(requestMethod)) {
      return null;
    }
    List<String> route = segments();
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < route.size(); i++) {
      String segment = route.get(i);
      boolean variable = segment.startsWith("{") && segment.endsWith("}");
      if (variable && segment.endsWith("+}") && i == route.size() - 1) {
        if (path.size() <= i) {
          return null;
        }
        parameters.put(segment.substring(1, segment.length() - 2), String.join("/", path.subList(i, path.size())));
        return parameters;
      }
      if (i >= path.size()) {
        return null;
      }
      if (variable) {
        parameters.put(segment.substring(1, segment.length() - 1), path.get(i));
      } else if (!segment.equals(path.get(i))) {
        return null;
      }
    }
    return route.size() == path.size() ? parameters : null;
  }

  /**
   * Lower is more specific, for "API Gateway selects the route with the most-specific match": the default route
   * last, greedy paths after fixed-length ones, then fewer variables first, and a method before {@code ANY}.
   */
  int specificity() {
    if (isDefault()) {
      return Integer.MAX_VALUE;
    }
    List<String> route = segments();
    boolean greedy = !route.isEmpty() && route.getLast().endsWith("+}");
    long variables = route.stream().filter(s -> s.startsWith("{")).count();
    return (greedy ? 1_000_000 : 0) + (int) variables * 1000 - route.size() * 10 + (method().equals("ANY") ? 1 : 0);
  }
}
