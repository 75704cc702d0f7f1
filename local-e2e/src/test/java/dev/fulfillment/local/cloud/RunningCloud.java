package dev.fulfillment.local.cloud;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The local cloud started from infra/cdk.out on free ports, with SDK clients for its endpoints. */
final class RunningCloud implements AutoCloseable {
  static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  static final Path TEMPLATE = REPOSITORY.resolve("infra/cdk.out/FulfillmentStack.template.json");

  final LocalCloud cloud;
  final SfnClient sfn;
  final SqsClient sqs;
  final DynamoDbClient dynamoDb;
  final HttpClient http = HttpClient.newHttpClient();
  private final PrintWriter log;
  private final List<String> lines;

  private RunningCloud(LocalCloud cloud, PrintWriter log, List<String> lines) {
    this.cloud = cloud;
    this.log = log;
    this.lines = lines;
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    var client = UrlConnectionHttpClient.create();
    this.sfn = SfnClient.builder().endpointOverride(cloud.stepFunctionsEndpoint()).region(Region.US_EAST_1)
        .credentialsProvider(credentials).httpClient(client).build();
    this.sqs = SqsClient.builder().endpointOverride(cloud.sqsEndpoint()).region(Region.US_EAST_1)
        .credentialsProvider(credentials).httpClient(client).build();
    this.dynamoDb = DynamoDbClient.builder().endpointOverride(cloud.dynamoDbEndpoint()).region(Region.US_EAST_1)
        .credentialsProvider(credentials).httpClient(client).build();
  }

  static RunningCloud start() throws IOException {
    return start("local-cloud-e2e.log", options -> options);
  }

  /**
   * @param logName the log file under target/
   * @param customize changes to the options every test cloud gets (free ports, short long polls, the catalog seed)
   */
  static RunningCloud start(String logName, UnaryOperator<CloudOptions> customize) throws IOException {
    Path logFile = Path.of("target", logName);
    Files.createDirectories(logFile.getParent());
    PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true);
    CloudOptions options = customize.apply(CloudOptions.defaults()
        .withTemplate(TEMPLATE)
        .withSeed(REPOSITORY.resolve("local/seed/catalog.json"))
        .withPorts(freePort(), freePort(), freePort(), freePort())
        .withSqsLongPoll(Duration.ofSeconds(1))
        .withWorkDirectory(Path.of("target", "lambda-task-roots").toAbsolutePath()));
    List<String> lines = new CopyOnWriteArrayList<>();
    LocalCloud cloud = LocalCloud.start(options, line -> {
      lines.add(line);
      synchronized (log) {
        log.println(line);
      }
    });
    log.println(cloud.banner());
    return new RunningCloud(cloud, log, lines);
  }

  /** Every line the cloud logged so far (start-up listing, function output, ...). */
  List<String> logLines() {
    return lines;
  }

  HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(cloud.httpApiEndpoint() + path))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(cloud.httpApiEndpoint() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Polls until {@code condition} holds; fails with {@code what} after {@code timeout}. */
  static void await(String what, Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    sfn.close();
    sqs.close();
    dynamoDb.close();
    cloud.close();
    log.close();
    assertNoSecretLogged(lines);
  }

  /**
   * Every end-to-end suite's cloud log, scanned when the cloud stops: no payment token and no card-like number
   * may appear in any line the cloud or its functions printed (SECURITY.md). The start-up banner's copy-paste
   * example submits an order with the sandbox token on purpose, so its curl line is the one exception.
   */
  static void assertNoSecretLogged(List<String> lines) {
    List<String> leaks = dev.fulfillment.testing.LogSecrets.leaks(
        lines.stream().filter(line -> !line.startsWith("   curl ")).toList(), 5);
    if (!leaks.isEmpty()) {
      throw new AssertionError("the local cloud logged a payment token or a card-like number: " + leaks);
    }
  }

}
