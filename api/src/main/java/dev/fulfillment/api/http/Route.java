package dev.fulfillment.api.http;

import java.util.Set;

/** Where a request goes: the api's two routes, or why it goes nowhere. */
sealed interface Route {

  record SubmitOrder(String collectionPath) implements Route {
  }

  record GetOrder(String orderId) implements Route {
  }

  /** The path exists but not with this method; {@code allowed} becomes the Allow header (RFC 9110). */
  record MethodNotAllowed(Set<String> allowed) implements Route {
  }

  record NotFound() implements Route {
  }

  /**
   * Resolves {@code rawPath}. With a named stage, HTTP API payload 2.0 puts the stage in rawPath
   * ({@code /prod/orders}); with the {@code $default} stage it does not. The routes are matched on
   * the path after the stage, so the handler works behind {@code $default} or specific routes alike.
   *
   * @param collectionPath the path the client used for {@code /orders}, stage included: status
   *     links are built from it so they work on whatever stage the client called
   */
  static Route resolve(String method, String rawPath, String stage) {
    String path = rawPath == null ? "" : rawPath;
    String prefix = "";
    if (stage != null && !stage.isEmpty() && !stage.equals("$default") && path.startsWith("/" + stage + "/")) {
      prefix = "/" + stage;
      path = path.substring(prefix.length());
    }
    if (path.equals("/orders")) {
      return "POST".equals(method) ? new SubmitOrder(prefix + path) : new MethodNotAllowed(Set.of("POST"));
    }
    if (path.startsWith("/orders/") && path.indexOf('/', "/orders/".length()) < 0 && path.length() > "/orders/".length()) {
      String orderId = path.substring("/orders/".length());
      return "GET".equals(method) ? new GetOrder(orderId) : new MethodNotAllowed(Set.of("GET"));
    }
    return new NotFound();
  }
}
