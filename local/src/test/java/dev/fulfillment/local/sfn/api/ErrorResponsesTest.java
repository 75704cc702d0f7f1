package dev.fulfillment.local.sfn.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad requests answered with AWS's error shape: one JSON file per case under {@code api/errors/}, each with the
 * target, the body (or a generated one: deep nesting, huge payloads), and the expected HTTP status, error code and
 * message fragment. After every case the server must still answer a good request.
 */
class ErrorResponsesTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static LocalEndpoint endpoint;

  @BeforeAll
  static void start() {
    endpoint = LocalEndpoint.fast();
  }

  @AfterAll
  static void stop() {
    endpoint.close();
  }

  static Stream<Arguments> cases() throws IOException, URISyntaxException {
    Path folder = Path.of(ErrorResponsesTest.class.getResource("/api/errors").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted()
          .map(f -> Arguments.of(f.getFileName().toString().replace(".json", ""), read(f)))
          .toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersBadRequestsWithAwsErrors(String name, JsonNode testCase) throws IOException {
    JsonNode target = testCase.get("target");
    HttpResponse<String> response = endpoint.post(target == null || target.isNull() ? null : target.asText(),
        body(testCase));

    assertThat(response.statusCode()).as("HTTP status").isEqualTo(testCase.get("status").asInt());
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
    JsonNode error = JSON.readTree(response.body());
    String code = testCase.get("code").asText();
    assertThat(error.path("__type").asText()).as("__type").endsWith("#" + code);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(code);
    assertThat(error.path("message").asText()).as("message").isNotBlank();
    if (testCase.has("messageContains")) {
      assertThat(error.path("message").asText()).contains(testCase.get("messageContains").asText());
    }
    assertThat(endpoint.post("AWSStepFunctions.ListStateMachines", "{}".getBytes(StandardCharsets.UTF_8))
        .statusCode()).as("a good request after the bad one").isEqualTo(200);
  }

  private static byte[] body(JsonNode testCase) throws IOException {
    if (testCase.has("rawBody")) {
      return testCase.get("rawBody").asText().getBytes(StandardCharsets.UTF_8);
    }
    JsonNode generate = testCase.get("generate");
    if (generate == null) {
      return JSON.writeValueAsBytes(testCase.get("body"));
    }
    String generated = generated(generate.get("kind").asText(), generate.get("size").asInt());
    if (!testCase.has("body")) {
      return generated.getBytes(StandardCharsets.UTF_8);
    }
    String value = generate.get("as").asText().equals("string") ? JSON.writeValueAsString(generated) : generated;
    return JSON.writeValueAsString(testCase.get("body")).replace("\"$GENERATED\"", value)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** nested: {@code [[[...]]]} that deep; padding: a JSON object of exactly that many bytes. */
  private static String generated(String kind, int size) {
    return switch (kind) {
      case "nested" -> "[".repeat(size) + "]".repeat(size);
      case "padding" -> "{\"pad\":\"" + "a".repeat(size - 10) + "\"}";
      default -> throw new IllegalArgumentException("unknown generator " + kind);
    };
  }

  private static JsonNode read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
