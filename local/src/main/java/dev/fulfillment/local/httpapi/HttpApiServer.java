package dev.fulfillment.local.httpapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fulfillment.local.lambda.FunctionInvoker;
import dev.fulfillment.local.lambda.InvokeResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * An API Gateway HTTP API on one port: each request becomes a payload format 2.0 event for the route's Lambda
 * function, and the function's answer becomes the HTTP response, with API Gateway's rules ("Working with AWS Lambda
 * proxy integrations for HTTP APIs"; "HTTP API quotas": 10 MB payload, 30 s integration timeout).
 */
public final class HttpApiServer implements AutoCloseable {
  /** API Gateway's payload quota for HTTP APIs. */
  public static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final List<HttpApiRoute> routes;
  private final FunctionInvoker functions;
  private final String apiId;
  private final String accountId;
  private final Consumer<String> log;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  private HttpApiServer(List<HttpApiRoute> routes, FunctionInvoker functions, String apiId, String accountId,
                        Consumer<String> log, HttpServer server) {
    this.routes = routes.stream().sorted(Comparator.comparingInt(HttpApiRoute::specificity)).toList();
    this.functions = functions;
    this.apiId = apiId;
    this.accountId = accountId;
    this.log = log;
    this.server = server;
  }

  /** Binds {@code host:port} (0: any free port); throws {@link java.net.BindException} when it is taken. */
  public static HttpApiServer start(List<HttpApiRoute> routes, FunctionInvoker functions, String apiId,
                                    String accountId, String host, int port, Consumer<String> log) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 256);
    HttpApiServer api = new HttpApiServer(routes, functions, apiId, accountId, log, server);
    server.createContext("/", api::handle);
    server.setExecutor(api.executor);
    server.start();
    return api;
  }

  public URI endpoint() {
    return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private record Matched(HttpApiRoute route, Map<String, String> pathParameters) {}

  private void handle(HttpExchange exchange) {
    String requestId = UUID.randomUUID().toString();
    Instant received = Instant.now();
    try (exchange) {
      Answer answer;
      try {
        answer = answer(exchange, requestId, received);
      } catch (RuntimeException | IOException e) {
        log.accept("HTTP API request " + requestId + " failed: " + e);
        answer = Answer.message(500, "Internal Server Error");
      }
      send(exchange, requestId, answer);
      log.accept(String.format(Locale.ROOT, "%s %s -> %d (%d ms, requestId %s)", exchange.getRequestMethod(),
          exchange.getRequestURI().getRawPath(), answer.status,
          java.time.Duration.between(received, Instant.now()).toMillis(), requestId));
    } catch (IOException | RuntimeException e) {
      log.accept("HTTP API could not answer request " + requestId + ": " + e);
    }
  }

  /** Status, headers (each may repeat, e.g. set-cookie) and body of the HTTP response. */
  private record Answer(int status, List<Map.Entry<String, String>> headers, byte[] body) {
    static Answer message(int status, String message) {
      return new Answer(status, List.of(Map.entry("content-type", "application/json")),
          ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }
  }

  private Answer answer(HttpExchange exchange, String requestId, Instant received) throws IOException {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String rawPath = exchange.getRequestURI().getRawPath();
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(decode(segment));
      }
    }
    Matched matched = null;
    for (HttpApiRoute route : routes) {
      Map<String, String> parameters = route.match(method, segments);
      if (parameters != null) {
        matched = new Matched(route, parameters);
        break;
      }
    }
    byte[] body = readLimited(exchange.getRequestBody());
    if (body == null) {
      return Answer.message(413, "Request Entity Too Large");
    }
    if (matched == null) {
      return Answer.message(404, "Not Found");
    }
    ObjectNode event = event(exchange, matched, body, requestId, received);
    return invoke(matched.route(), JSON.writeValueAsBytes(event), requestId);
  }

  private Answer invoke(HttpApiRoute route, byte[] event, String requestId) {
    Future<InvokeResult> call = executor.submit(() -> functions.invoke(route.functionName(), event));
    InvokeResult result;
    try {
      result = call.get(route.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // The integration did not answer within the integration timeout: HTTP APIs answer 503 for Lambda proxy
      // integrations ("Service Unavailable"), and the function keeps running until its own timeout.
      log.accept("HTTP API request " + requestId + ": integration timed out after " + route.timeout().toMillis() + " ms");
      return Answer.message(503, "Service Unavailable");
    } catch (ExecutionException e) {
      log.accept("HTTP API request " + requestId + ": integration failed: " + e.getCause());
      return Answer.message(500, "Internal Server Error");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.message(503, "Service Unavailable");
    }
    return switch (result) {
      case InvokeResult.FunctionError error -> {
        log.accept("HTTP API request " + requestId + ": function error " + error.errorType());
        yield Answer.message(500, "Internal Server Error");
      }
      case InvokeResult.Success success -> response(success.payload(), requestId);
    };
  }

  /**
   * Payload format 2.0 response rules: an object with {@code statusCode} gives status, headers, cookies and body
   * (base64-decoded when {@code isBase64Encoded}); any other valid JSON is the body of a 200 with
   * {@code content-type: application/json}; anything unusable is a 500.
   */
  private Answer response(byte[] payload, String requestId) {
    JsonNode response;
    try {
      response = JSON.readTree(payload);
    } catch (IOException e) {
      log.accept("HTTP API request " + requestId + ": the function's response is not JSON");
      return Answer.message(500, "Internal Server Error");
    }
    if (response == null || !response.isObject() || !response.has("statusCode")) {
      String body = response == null ? "" : response.isTextual() ? response.textValue() : response.toString();
      return new Answer(200, List.of(Map.entry("content-type", "application/json")),
          body.getBytes(StandardCharsets.UTF_8));
    }
    JsonNode status = response.get("statusCode");
    if (!status.canConvertToInt() || status.asInt() < 100 || status.asInt() > 599) {
      log.accept("HTTP API request " + requestId + ": malformed Lambda proxy response (statusCode " + status + ")");
      return Answer.message(500, "Internal Server Error");
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    response.path("headers").properties().forEach(h -> headers.add(Map.entry(h.getKey(), h.getValue().asText())));
    response.path("multiValueHeaders").properties().forEach(h -> h.getValue()
        .forEach(v -> headers.add(Map.entry(h.getKey(), v.asText()))));
    response.path("cookies").forEach(c -> headers.add(Map.entry("set-cookie", c.asText())));
    JsonNode body = response.path("body");
    byte[] bytes;
    if (body.isMissingNode() || body.isNull()) {
      bytes = new byte[0];
    } else if (response.path("isBase64Encoded").asBoolean(false)) {
      try {
        bytes = Base64.getDecoder().decode(body.asText());
      } catch (IllegalArgumentException e) {
        return Answer.message(500, "Internal Server Error");
      }
    } else {
      bytes = (body.isTextual() ? body.textValue() : body.toString()).getBytes(StandardCharsets.UTF_8);
    }
    return new Answer(status.asInt(), headers, bytes);
  }

  private ObjectNode event(HttpExchange exchange, Matched matched, byte[] body, String requestId, Instant received) {
    URI uri = exchange.getRequestURI();
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "2.0");
    event.put("routeKey", matched.route().routeKey());
    event.put("rawPath", uri.getRawPath());
    event.put("rawQueryString", uri.getRawQuery() == null ? "" : uri.getRawQuery());
    // Header names in lower case; repeated headers joined with commas; cookies moved to their own list.
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    exchange.getRequestHeaders().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("cookie")) {
        for (String value : values) {
          for (String cookie : value.split(";")) {
            if (!cookie.isBlank()) {
              cookies.add(cookie.trim());
            }
          }
        }
      } else {
        headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
      }
    });
    String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
    headers.putIfAbsent("x-forwarded-for", sourceIp);
    headers.putIfAbsent("x-forwarded-port", Integer.toString(server.getAddress().getPort()));
    headers.putIfAbsent("x-forwarded-proto", "http");
    headers.putIfAbsent("x-amzn-trace-id", "Root=1-" + Long.toHexString(received.getEpochSecond()) + "-"
        + requestId.replace("-", "").substring(0, 24));
    if (!cookies.isEmpty()) {
      ArrayNode list = event.putArray("cookies");
      cookies.forEach(list::add);
    }
    ObjectNode headerNode = event.putObject("headers");
    headers.forEach(headerNode::put);
    Map<String, String> query = query(uri.getRawQuery());
    if (!query.isEmpty()) {
      ObjectNode queryNode = event.putObject("queryStringParameters");
      query.forEach(queryNode::put);
    }
    String host = headers.getOrDefault("host", "localhost");
    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", accountId);
    context.put("apiId", apiId);
    context.put("domainName", host);
    context.put("domainPrefix", host.contains(".") ? host.substring(0, host.indexOf('.')) : host);
    ObjectNode http = context.putObject("http");
    http.put("method", method);
    http.put("path", uri.getRawPath());
    http.put("protocol", exchange.getProtocol());
    http.put("sourceIp", sourceIp);
    http.put("userAgent", headers.getOrDefault("user-agent", ""));
    context.put("requestId", requestId);
    context.put("routeKey", matched.route().routeKey());
    context.put("stage", "$default");
    context.put("time", REQUEST_TIME.format(received));
    context.put("timeEpoch", received.toEpochMilli());
    if (!matched.pathParameters().isEmpty()) {
      ObjectNode parameters = event.putObject("pathParameters");
      matched.pathParameters().forEach(parameters::put);
    }
    if (body.length > 0) {
      // Bytes that are not UTF-8 cannot be a JSON string: base64-encoded whatever the media type, never replaced.
      boolean text = isText(headers.get("content-type")) && isUtf8(body);
      event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
      event.put("isBase64Encoded", !text);
    } else {
      event.put("isBase64Encoded", false);
    }
    return event;
  }

  /** Bodies of these media types reach the function as text; everything else base64-encoded. */
  private static boolean isText(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
    return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
        || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/javascript")
        || type.equals("application/x-www-form-urlencoded");
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  /** Query parameters; a repeated name's values are joined with commas (payload format 2.0). */
  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.merge(name, value, (a, b) -> a + "," + b);
    }
    return out;
  }

  private static String decode(String text) {
    try {
      return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }

  /** The body, or null when it is larger than {@link #MAX_PAYLOAD_BYTES}. */
  private static byte[] readLimited(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
    if (bytes.length > MAX_PAYLOAD_BYTES) {
      in.transferTo(OutputStream.nullOutputStream());
      return null;
    }
    return bytes;
  }

  private static void send(HttpExchange exchange, String requestId, Answer answer) throws IOException {
    var headers = exchange.getResponseHeaders();
    for (Map.Entry<String, String> header : answer.headers()) {
      headers.add(header.getKey(), header.getValue());
    }
    headers.set("apigw-requestid", requestId);
    boolean noBody = answer.body().length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD")
        || answer.status() == 204 || answer.status() == 304;
    exchange.sendResponseHeaders(answer.status(), noBody ? -1 : answer.body().length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
