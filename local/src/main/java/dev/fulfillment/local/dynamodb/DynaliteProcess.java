package dev.fulfillment.local.dynamodb;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * DynamoDB's API from dynalite (npm, installed by the build from package-lock.json) as a child process: in memory,
 * or on disk under a directory so that data survives a restart. Amazon's DynamoDB Local is not used (its licence).
 */
public final class DynaliteProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private final Process process;
  private final URI endpoint;

  private DynaliteProcess(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /**
   * @param nodeModules the repository's node_modules
   * @param dataDirectory where to keep the tables, or null for memory only
   * @throws BindException when the port is taken
   * @throws MissingNodeException when there is no {@code node} to run dynalite with
   */
  public static DynaliteProcess start(String node, Path nodeModules, String host, int port, Path dataDirectory,
                                      Consumer<String> log) throws IOException {
    Path script = nodeModules.resolve("dynalite").resolve("cli.js");
    if (!Files.exists(script)) {
      throw new IOException(script + " is missing: run `npm ci` in " + nodeModules.getParent()
          + " (./run-local and ./mvnw verify do it)");
    }
    if (portTaken(host, port)) {
      throw new BindException("port " + port + " is in use");
    }
    List<String> command = new ArrayList<>(List.of(node, script.toString(), "--host", host,
        "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
    if (dataDirectory != null) {
      Files.createDirectories(dataDirectory);
      command.add("--path");
      command.add(dataDirectory.toAbsolutePath().toString());
    }
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new MissingNodeException(node, e);
    }
    Thread.ofVirtual().start(() -> {
      try (var reader = process.inputReader()) {
        reader.lines().forEach(line -> log.accept("[dynalite] " + line));
      } catch (IOException | java.io.UncheckedIOException ignored) {
        // process gone
      }
    });
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("dynalite exited with status " + process.exitValue() + " (command: "
            + String.join(" ", command) + ")");
      }
      if (portTaken(host, port)) {
        return new DynaliteProcess(process, URI.create("http://" + host + ":" + port));
      }
      try {
        process.waitFor(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new IOException("interrupted while starting dynalite", e);
      }
    }
    process.destroyForcibly();
    throw new IOException("dynalite did not listen on " + host + ":" + port + " within " + START_TIMEOUT);
  }

  private static boolean portTaken(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 200);
      return true;
    } catch (IOException free) {
      return false;
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  /** There is no node executable to start dynalite with. */
  public static final class MissingNodeException extends IOException {
    public MissingNodeException(String node, IOException cause) {
      super("cannot run `" + node + "`: Node.js >= 20 is needed for DynamoDB (dynalite); install it, put it on PATH"
          + " or set NODE=/path/to/node", cause);
    }
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
