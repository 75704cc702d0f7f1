package dev.fulfillment.local.sfn.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepFunctionsLocalServerTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(List<String> args) {
    return StepFunctionsLocalServer.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void aBusyPortIsReportedInOneClearLine() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int status = run(List.of("--port", Integer.toString(taken.getLocalPort()), "--fast"));

      assertThat(status).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
          .contains("port " + taken.getLocalPort()).contains("already in use");
    }
  }

  @Test
  void anUnknownOptionPrintsTheUsage() {
    assertThat(run(List.of("--turbo"))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --turbo").contains("usage:");
  }

  @Test
  void optionsDefaultToPort8083OnLoopbackAndTheMockConfigFromTheEnvironment() {
    var options = StepFunctionsLocalServer.Options.parse(List.of(), Map.of("SFN_MOCK_CONFIG", "/tmp/mock.json"));

    assertThat(options.port()).isEqualTo(8083);
    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThat(options.mockConfig()).isEqualTo(Path.of("/tmp/mock.json"));
    assertThat(options.fast()).isFalse();
    assertThat(StepFunctionsLocalServer.Options.parse(List.of("--mock-config", "/x.json", "--fast"),
        Map.of("SFN_MOCK_CONFIG", "/tmp/mock.json"))).satisfies(o -> {
          assertThat(o.mockConfig()).isEqualTo(Path.of("/x.json"));
          assertThat(o.fast()).isTrue();
        });
  }

  @Test
  void startsTheEndpointAndTheConsoleOnOnePort() throws Exception {
    var options = StepFunctionsLocalServer.Options.parse(List.of("--port", "0", "--fast"), Map.of());
    try (var running = StepFunctionsLocalServer.start(options)) {
      URI endpoint = running.server().endpoint();
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> api = http.send(HttpRequest.newBuilder(endpoint.resolve("/"))
          .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(api.statusCode()).isEqualTo(200);
      assertThat(api.body()).isEqualTo("{\"stateMachines\":[]}");
    }
  }

  @Test
  void aMissingMockConfigFileStopsTheStart() {
    assertThat(run(List.of("--port", "0", "--mock-config", "/does/not/exist.json"))).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("/does/not/exist.json");
  }
}
