package dev.fulfillment.local.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The Step Functions endpoint with sfn-throttle: StartExecution answers ThrottlingException at the plan's rate. */
public final class FaultyStepFunctionsHandler implements HttpHandler {
  private final HttpHandler api;
  private final FaultInjector faults;

  public FaultyStepFunctionsHandler(HttpHandler api, FaultInjector faults) {
    this.api = api;
    this.faults = faults;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    if (target == null || !target.endsWith(".StartExecution")) {
      api.handle(exchange);
      return;
    }
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (!faults.decide(FaultKind.SFN_THROTTLE, "StartExecution", body)) {
      exchange.setStreams(new ByteArrayInputStream(body), null);
      api.handle(exchange);
      return;
    }
    try (exchange) {
      byte[] bytes = "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
      exchange.sendResponseHeaders(400, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
