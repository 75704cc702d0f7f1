package dev.fulfillment.local.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.fulfillment.local.lambda.FunctionInvoker;
import dev.fulfillment.local.lambda.InvokeResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API emulation against API Gateway's documented rules for Lambda proxy integrations with payload format
 * 2.0 ("Create AWS Lambda proxy integrations for HTTP APIs", "HTTP API quotas"). The function is a stand-in behind
 * the {@link FunctionInvoker} the server uses: these tests check the event the server builds and how it maps each
 * answer, not the Lambda runtime.
 */
class HttpApiServerTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();
  private final StandInFunctions functions = new StandInFunctions();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpApiServer server;

  @BeforeEach
  void startTheApi() throws IOException {
    functions.answer("echo", event -> proxyResponse(200, Map.of(), "ok"));
    functions.answer("bare", event -> success("{\"orderId\":\"ord_1\",\"status\":\"RECEIVED\"}"));
    functions.answer("failing", event -> new InvokeResult.FunctionError("java.lang.IllegalStateException",
        "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}".getBytes(StandardCharsets.UTF_8)));
    functions.answer("slow", event -> {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return proxyResponse(200, Map.of(), "too late");
    });
    functions.answer("rich", event -> success("{\"statusCode\":201,\"headers\":{\"x-order\":\"ord_2\"},"
        + "\"cookies\":[\"session=abc; HttpOnly\",\"theme=dark\"],\"isBase64Encoded\":true,"
        + "\"body\":\"" + Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 0xff}) + "\"}"));
    functions.answer("malformed", event -> success("{\"statusCode\":\"not a status\"}"));
    server = HttpApiServer.start(List.of(
            new HttpApiRoute("POST /orders", "echo", Duration.ofSeconds(30)),
            new HttpApiRoute("GET /orders/{orderId}", "echo", Duration.ofSeconds(30)),
            new HttpApiRoute("GET /bare", "bare", Duration.ofSeconds(30)),
            new HttpApiRoute("GET /failing", "failing", Duration.ofSeconds(30)),
            // The integration timeout comes from the route (TimeoutInMillis); short here so the test is quick.
            new HttpApiRoute("GET /slow", "slow", Duration.ofMillis(300)),
            new HttpApiRoute("GET /rich", "rich", Duration.ofSeconds(30)),
            new HttpApiRoute("GET /malformed", "malformed", Duration.ofSeconds(30))),
        functions, "api0001", "123456789012", "127.0.0.1", 0, line -> { });
  }

  @AfterEach
  void stopTheApi() {
    release.countDown();
    server.close();
  }

  @Test
  void aBodyOverTenMegabytesIsRefusedWith413WithoutCallingTheFunction() throws Exception {
    HttpResponse<String> tooLarge = send(post("/orders", new byte[HttpApiServer.MAX_PAYLOAD_BYTES + 1]));

    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");
    assertThat(functions.events("echo")).isEmpty();
  }

  @Test
  void aBodyOfExactlyTenMegabytesReachesTheFunction() throws Exception {
    HttpResponse<String> accepted = send(post("/orders", new byte[HttpApiServer.MAX_PAYLOAD_BYTES]));

    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(Base64.getDecoder().decode(functions.events("echo").getFirst().get("body").asText()))
        .hasSize(HttpApiServer.MAX_PAYLOAD_BYTES);
  }

  @Test
  void aResponseWithoutStatusCodeIsTheBodyOfA200WithContentTypeJson() throws Exception {
    HttpResponse<String> response = send(get("/bare"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(JSON.readTree(response.body()))
        .isEqualTo(JSON.readTree("{\"orderId\":\"ord_1\",\"status\":\"RECEIVED\"}"));
  }

  @Test
  void anIntegrationSlowerThanTheRouteTimeoutIs503ServiceUnavailable() throws Exception {
    HttpResponse<String> response = send(get("/slow"));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("{\"message\":\"Service Unavailable\"}");
  }

  @Test
  void aFunctionErrorIs500InternalServerError() throws Exception {
    HttpResponse<String> response = send(get("/failing"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
  }

  @Test
  void aMalformedProxyResponseIs500InternalServerError() throws Exception {
    HttpResponse<String> response = send(get("/malformed"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
  }

  @Test
  void aPathWithoutARouteIs404NotFound() throws Exception {
    HttpResponse<String> unknownPath = send(get("/nowhere"));
    HttpResponse<String> unknownMethod = send(HttpRequest.newBuilder(uri("/bare"))
        .DELETE().build());

    assertThat(unknownPath.statusCode()).isEqualTo(404);
    assertThat(unknownPath.body()).isEqualTo("{\"message\":\"Not Found\"}");
    assertThat(unknownMethod.statusCode()).isEqualTo(404);
  }

  @Test
  void theEventHasLowerCaseHeadersJoinedWithCommasCookiesAndTheQueryString() throws Exception {
    send(HttpRequest.newBuilder(uri("/orders/ord_42?tag=a&tag=b&q=two%20words"))
        .header("X-Custom-Header", "first")
        .header("X-Custom-Header", "second")
        .header("Cookie", "session=abc; theme=dark")
        .GET().build());

    JsonNode event = functions.events("echo").getFirst();
    assertThat(event.get("version").asText()).isEqualTo("2.0");
    assertThat(event.get("routeKey").asText()).isEqualTo("GET /orders/{orderId}");
    assertThat(event.get("rawPath").asText()).isEqualTo("/orders/ord_42");
    assertThat(event.get("rawQueryString").asText()).isEqualTo("tag=a&tag=b&q=two%20words");
    assertThat(event.get("queryStringParameters"))
        .isEqualTo(JSON.readTree("{\"tag\":\"a,b\",\"q\":\"two words\"}"));
    assertThat(event.get("pathParameters")).isEqualTo(JSON.readTree("{\"orderId\":\"ord_42\"}"));
    assertThat(event.get("headers").get("x-custom-header").asText()).isEqualTo("first,second");
    event.get("headers").fieldNames().forEachRemaining(name -> assertThat(name).isLowerCase());
    assertThat(event.get("headers").has("cookie")).as("cookies move to their own field").isFalse();
    assertThat(event.get("cookies")).isEqualTo(JSON.readTree("[\"session=abc\",\"theme=dark\"]"));
    assertThat(event.at("/requestContext/http/method").asText()).isEqualTo("GET");
    assertThat(event.at("/requestContext/http/path").asText()).isEqualTo("/orders/ord_42");
    assertThat(event.at("/requestContext/routeKey").asText()).isEqualTo("GET /orders/{orderId}");
    assertThat(event.at("/requestContext/stage").asText()).isEqualTo("$default");
    assertThat(event.at("/requestContext/requestId").asText()).isNotEmpty();
    assertThat(event.at("/requestContext/timeEpoch").asLong()).isPositive();
  }

  @Test
  void aJsonBodyArrivesAsTextAndABinaryBodyBase64Encoded() throws Exception {
    send(post("/orders", "{\"customerId\":\"c-1\"}".getBytes(StandardCharsets.UTF_8), "application/json"));
    byte[] binary = {0, 1, 2, (byte) 0xfe, (byte) 0xff};
    send(post("/orders", binary, "application/octet-stream"));

    JsonNode text = functions.events("echo").get(0);
    JsonNode bytes = functions.events("echo").get(1);
    assertThat(text.get("isBase64Encoded").asBoolean()).isFalse();
    assertThat(text.get("body").asText()).isEqualTo("{\"customerId\":\"c-1\"}");
    assertThat(bytes.get("isBase64Encoded").asBoolean()).isTrue();
    assertThat(Base64.getDecoder().decode(bytes.get("body").asText())).isEqualTo(binary);
  }

  @Test
  void aJsonBodyThatIsNotUtf8ArrivesBase64EncodedNotWithReplacementCharacters() throws Exception {
    byte[] latin1 = "{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    send(post("/orders", latin1, "application/json"));

    JsonNode event = functions.events("echo").getLast();
    assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
    assertThat(Base64.getDecoder().decode(event.get("body").asText())).isEqualTo(latin1);
  }

  @Test
  void aProxyResponseGivesStatusHeadersCookiesAndADecodedBase64Body() throws Exception {
    HttpResponse<byte[]> response = http.send(get("/rich"), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("x-order")).hasValue("ord_2");
    assertThat(response.headers().allValues("set-cookie")).containsExactly("session=abc; HttpOnly", "theme=dark");
    assertThat(response.body()).isEqualTo(new byte[] {0, 1, 2, (byte) 0xff});
  }

  // --- helpers

  /** Stands in for the Lambda service: each function name answers as the test scripts it; events are kept. */
  private static final class StandInFunctions implements FunctionInvoker {
    private final Map<String, Function<JsonNode, InvokeResult>> answers = new ConcurrentHashMap<>();
    private final Map<String, List<JsonNode>> events = new ConcurrentHashMap<>();

    void answer(String functionName, Function<JsonNode, InvokeResult> answer) {
      answers.put(functionName, answer);
    }

    List<JsonNode> events(String functionName) {
      return events.computeIfAbsent(functionName, k -> new CopyOnWriteArrayList<>());
    }

    @Override
    public InvokeResult invoke(String functionName, byte[] payload) {
      JsonNode event;
      try {
        event = JSON.readTree(payload);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      events(functionName).add(event);
      return answers.get(functionName).apply(event);
    }
  }

  private static InvokeResult success(String payload) {
    return new InvokeResult.Success(payload.getBytes(StandardCharsets.UTF_8));
  }

  private static InvokeResult proxyResponse(int status, Map<String, String> headers, String body) {
    var response = JSON.createObjectNode();
    response.put("statusCode", status);
    headers.forEach(response.putObject("headers")::put);
    response.put("body", body);
    return success(response.toString());
  }

  private URI uri(String pathAndQuery) {
    return URI.create(server.endpoint() + pathAndQuery);
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET().build();
  }

  private HttpRequest post(String path, byte[] body) {
    return post(path, body, "application/octet-stream");
  }

  private HttpRequest post(String path, byte[] body, String contentType) {
    return HttpRequest.newBuilder(uri(path)).header("content-type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
