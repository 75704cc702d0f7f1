package dev.fulfillment.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fulfillment.api.config.ApiConfig;
import dev.fulfillment.api.json.Json;
import dev.fulfillment.api.support.FakeStepFunctions;
import dev.fulfillment.api.support.Lambda;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The case table under {@code src/test/resources/http/bad-requests/}: every request there must get
 * the expected 4xx with a JSON error body naming the offending field, must not echo secrets, and
 * must reach neither DynamoDB nor Step Functions.
 *
 * <p>Case fields: {@code method}, {@code path}, {@code headers} (default: JSON content type),
 * {@code body} (text), {@code bodyJson} (any JSON, serialized), {@code generate} (bodies too big or
 * too odd for a file), {@code base64}; expectations {@code expectStatus}, {@code expectError},
 * {@code expectField} and {@code mustNotEcho}.
 */
class BadRequestCasesTest {

  private static final int LIMIT = ApiConfig.DEFAULT_MAX_BODY_BYTES;

  static Stream<Arguments> cases() throws IOException, URISyntaxException {
    Path folder = Path.of(BadRequestCasesTest.class.getResource("/http/bad-requests").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().map(file -> {
        JsonNode spec = read(file);
        return Arguments.of(file.getFileName().toString(), spec);
      }).toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejectsWithAClearErrorAndStartsNothing(String file, JsonNode spec) throws Exception {
    DynamoDbClient dynamoDb = mock(DynamoDbClient.class);
    SfnClient sfn = mock(SfnClient.class);
    Lambda.CapturedLog log = Lambda.capturedLog();
    HttpApiHandler handler = new HttpApiHandler(new ApiConfig("orders", FakeStepFunctions.STATE_MACHINE_ARN, null, LIMIT),
        dynamoDb, sfn, log.logger());

    APIGatewayV2HTTPResponse response = handler.handleRequest(event(spec), Lambda.context("req-bad"));

    assertThat(response.getStatusCode()).as(file).isEqualTo(spec.get("expectStatus").asInt());
    assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
    JsonNode body = Json.mapper().readTree(response.getBody());
    assertThat(body.get("error").asText()).isEqualTo(spec.get("expectError").asText());
    assertThat(body.get("message").asText()).isNotBlank();
    if (spec.has("expectField")) {
      assertThat(body.get("errors")).as("errors of " + response.getBody()).isNotNull();
      assertThat(body.get("errors").findValuesAsText("field")).contains(spec.get("expectField").asText());
      body.get("errors").forEach(error -> assertThat(error.get("message").asText()).isNotBlank());
    }
    if (spec.get("expectStatus").asInt() == 405) {
      assertThat(response.getHeaders()).containsKey("allow");
    }
    if (spec.has("mustNotEcho")) {
      assertThat(response.getBody()).doesNotContain(spec.get("mustNotEcho").asText());
      assertThat(log.text()).doesNotContain(spec.get("mustNotEcho").asText());
    }
    verifyNoInteractions(dynamoDb, sfn);
  }

  private static APIGatewayV2HTTPEvent event(JsonNode spec) {
    Map<String, String> headers = new HashMap<>();
    if (spec.has("headers")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = spec.get("headers").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> header = it.next();
        headers.put(header.getKey(), header.getValue().asText());
      }
    } else {
      headers.put("content-type", "application/json");
    }
    byte[] body = body(spec);
    boolean base64 = spec.path("base64").asBoolean(false);
    String text = body == null ? null
        : base64 && !spec.has("body") ? Base64.getEncoder().encodeToString(body)
        : new String(body, StandardCharsets.UTF_8);
    if (spec.path("generate").asText().equals("invalidUtf8")) {
      // Bytes that are not UTF-8 reach the handler only base64-encoded; as text they would already be decoded.
      text = Base64.getEncoder().encodeToString(body);
      base64 = true;
    }
    String path = spec.get("path").asText();
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey("$default")
        .withRawPath(path)
        .withHeaders(headers)
        .withBody(text)
        .withIsBase64Encoded(base64)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withStage("$default")
            .withRequestId("api-req")
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(spec.get("method").asText()).withPath(path).build())
            .build())
        .build();
  }

  private static byte[] body(JsonNode spec) {
    if (spec.has("body")) {
      return spec.get("body").asText().getBytes(StandardCharsets.UTF_8);
    }
    if (spec.has("bodyJson")) {
      return spec.get("bodyJson").toString().getBytes(StandardCharsets.UTF_8);
    }
    return switch (spec.path("generate").asText()) {
      case "" -> null;
      case "oversized300KiB" -> orderWithPadding(300 * 1024);
      case "oversizedByOne" -> orderWithPadding(LIMIT + 1);
      case "deepNesting" -> ("{\"customerId\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}")
          .getBytes(StandardCharsets.UTF_8);
      case "invalidUtf8" -> {
        byte[] prefix = "{\"customerId\":\"c-".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[prefix.length + 4];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        bytes[prefix.length] = (byte) 0xC3;
        bytes[prefix.length + 1] = (byte) 0x28;
        bytes[prefix.length + 2] = '"';
        bytes[prefix.length + 3] = '}';
        yield bytes;
      }
      default -> throw new IllegalArgumentException("unknown generator " + spec.get("generate"));
    };
  }

  /** A valid order padded with spaces to exactly {@code size} bytes: only its size is wrong. */
  private static byte[] orderWithPadding(int size) {
    String order = "{\"customerId\":\"c-1\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}],\"paymentToken\":\"tok_abc\"}";
    return (order + " ".repeat(size - order.length())).getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode read(Path file) {
    try {
      return Json.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
