package dev.fulfillment.local.sfn.api;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP server on the JDK's {@code com.sun.net.httpserver}, one virtual thread per request, serving one handler at
 * {@code /} (the Step Functions API, optionally next to the console).
 */
public final class StepFunctionsHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private StepFunctionsHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Binds {@code host:port} (port 0: any free port) and starts serving; throws {@link java.net.BindException}. */
  public static StepFunctionsHttpServer start(HttpHandler handler, String host, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 256);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    server.createContext("/", handler);
    server.setExecutor(executor);
    server.start();
    return new StepFunctionsHttpServer(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public URI endpoint() {
    return URI.create("http://" + server.getAddress().getHostString() + ":" + port());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
