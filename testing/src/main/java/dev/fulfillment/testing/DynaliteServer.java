package dev.fulfillment.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A dynalite process (DynamoDB's API on LevelDB, from the repository's npm lock file) on a free
 * loopback port. dynalite stands in for DynamoDB because Amazon's DynamoDB Local may not be used
 * here (its licence); it has no transactions, which the design does not use.
 */
public final class DynaliteServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final URI endpoint;
  private final DynamoDbClient client;

  private DynaliteServer(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
    this.client = DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** Starts an in-memory dynalite; the caller closes it. */
  public static DynaliteServer start() {
    return start(null);
  }

  /** Starts dynalite storing its data under {@code dataDirectory} (kept across restarts), or in memory when null. */
  public static DynaliteServer start(Path dataDirectory) {
    Path script = NodeModules.bin("dynalite");
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(NodeModules.node(), script.toString(),
        "--host", "127.0.0.1", "--port", Integer.toString(port),
        // Tables become ACTIVE at once: tests wait on table status, and 500 ms per table adds up.
        "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
    if (dataDirectory != null) {
      command.add("--path");
      command.add(dataDirectory.toAbsolutePath().toString());
    }
    try {
      Path log = Files.createTempFile("dynalite-", ".log");
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      awaitPort(process, port, log);
      return new DynaliteServer(process, URI.create("http://127.0.0.1:" + port));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start dynalite (" + String.join(" ", command) + ")", e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  /** A client for this server with dummy credentials; shared, do not close. */
  public DynamoDbClient client() {
    return client;
  }

  /** A table name no other test uses, so tests sharing one server never see each other's items. */
  public static String uniqueTableName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Override
  public void close() {
    client.close();
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void awaitPort(Process process, int port, Path log) throws IOException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("dynalite exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for dynalite", e);
        }
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("dynalite did not listen on port " + port + " within " + START_TIMEOUT);
  }
}
