package dev.fulfillment.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One execution environment of one function: a JVM child process running the official Lambda runtime interface
 * client ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda <handler>}), and the Lambda Runtime API
 * it talks to, served here on its own loopback port (Lambda gives each sandbox its own {@code AWS_LAMBDA_RUNTIME_API}).
 *
 * <p>Runtime API (Lambda developer guide, "Using the Lambda runtime API for custom runtimes"):
 * {@code GET /2018-06-01/runtime/invocation/next} blocks until there is an event and answers it with the headers
 * {@code Lambda-Runtime-Aws-Request-Id}, {@code -Deadline-Ms}, {@code -Invoked-Function-Arn}, {@code -Trace-Id};
 * {@code POST .../invocation/{id}/response} and {@code .../{id}/error} end an invocation; {@code POST
 * /2018-06-01/runtime/init/error} reports that initialization failed. One invocation at a time per environment,
 * as in Lambda.
 */
final class ExecutionEnvironment implements AutoCloseable {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String PREFIX = "/2018-06-01/runtime/";

  private final FunctionSpec spec;
  private final int number;
  private final Consumer<String> log;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final BlockingQueue<Pending> events = new LinkedBlockingQueue<>();
  private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
  private final CompletableFuture<Duration> initialized = new CompletableFuture<>();
  private final Instant startedAt = Instant.now();
  private volatile Process process;
  private volatile boolean broken;

  /** An invocation handed (or about to be handed) to the runtime. */
  private record Pending(String requestId, byte[] payload, CompletableFuture<InvokeResult> result, long deadlineMs) {}

  private ExecutionEnvironment(FunctionSpec spec, int number, Consumer<String> log) throws IOException {
    this.spec = spec;
    this.number = number;
    this.log = log;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext(PREFIX, this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts the process (the cold start); the first invocation waits for its initialization. */
  static ExecutionEnvironment start(FunctionSpec spec, int number, ChildLauncher launcher, Consumer<String> log)
      throws IOException {
    ExecutionEnvironment environment = new ExecutionEnvironment(spec, number, log);
    try {
      String runtimeApi = "127.0.0.1:" + environment.server.getAddress().getPort();
      Process process = launcher.launch(spec, runtimeApi);
      environment.process = process;
      environment.pipe(process.getInputStream());
      process.onExit().thenAccept(environment::exited);
      return environment;
    } catch (IOException | RuntimeException e) {
      environment.close();
      throw e;
    }
  }

  String label() {
    return spec.name() + "#" + number;
  }

  boolean usable() {
    return !broken && process != null && process.isAlive();
  }

  /** Waits for the end of the Init phase; false when it failed or took longer than {@code timeout}. */
  boolean awaitInit(Duration timeout) {
    try {
      initialized.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return usable();
    } catch (TimeoutException | ExecutionException e) {
      broken = true;
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs one invocation. {@code initTimeout} bounds the cold start; the function's own timeout starts when the
   * runtime takes the event, as Lambda's does.
   */
  InvokeResult invoke(byte[] payload, Duration initTimeout) {
    String requestId = UUID.randomUUID().toString();
    boolean cold = !initialized.isDone();
    try {
      initialized.get(initTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      broken = true;
      destroy();
      return error(requestId, "Sandbox.Timedout", "RequestId: " + requestId + " Error: Init timed out after "
          + initTimeout.toSeconds() + " seconds (cold start of " + label() + ")");
    } catch (ExecutionException e) {
      broken = true;
      return initFailure(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error(requestId, "Runtime.Interrupted", "interrupted while waiting for " + label() + " to start");
    }
    long start = System.nanoTime();
    long deadlineMs = System.currentTimeMillis() + spec.timeout().toMillis();
    Pending pending = new Pending(requestId, payload, new CompletableFuture<>(), deadlineMs);
    inFlight.put(requestId, pending);
    log.accept("START RequestId: " + requestId + " Version: $LATEST (" + (cold ? "cold" : "warm") + " start on "
        + label() + ")");
    events.add(pending);
    InvokeResult result;
    try {
      result = pending.result().get(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // Lambda stops the environment when the function times out; the next invocation gets a fresh one.
      broken = true;
      destroy();
      result = error(requestId, "Sandbox.Timedout", "RequestId: " + requestId + " Error: Task timed out after "
          + String.format(Locale.ROOT, "%.2f", spec.timeout().toMillis() / 1000.0) + " seconds");
    } catch (ExecutionException e) {
      result = error(requestId, "Runtime.ExitError", String.valueOf(e.getCause().getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result = error(requestId, "Runtime.Interrupted", "interrupted while waiting for " + label());
    } finally {
      inFlight.remove(requestId);
      events.remove(pending);
    }
    double millis = (System.nanoTime() - start) / 1_000_000.0;
    log.accept("END RequestId: " + requestId);
    log.accept(String.format(Locale.ROOT, "REPORT RequestId: %s Duration: %.2f ms Memory Size: %d MB%s%s", requestId,
        millis, spec.memoryMb(),
        cold ? String.format(Locale.ROOT, " Init Duration: %.2f ms", initialized.getNow(Duration.ZERO).toNanos() / 1e6) : "",
        result instanceof InvokeResult.FunctionError failed ? " Error: " + failed.errorType() : ""));
    return result;
  }

  private InvokeResult initFailure(Throwable cause) {
    if (cause instanceof InitError init) {
      return new InvokeResult.FunctionError(init.errorType, init.body);
    }
    return error("init", "Runtime.ExitError", String.valueOf(cause.getMessage()));
  }

  /** The runtime reported an init error, or the process died before it asked for an event. */
  private static final class InitError extends RuntimeException {
    private final String errorType;
    private final byte[] body;

    InitError(String errorType, byte[] body) {
      super(errorType, null, false, false);
      this.errorType = errorType;
      this.body = body;
    }
  }

  private static InvokeResult.FunctionError error(String requestId, String type, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("errorMessage", message);
    body.put("errorType", type);
    body.putArray("stackTrace");
    return new InvokeResult.FunctionError(type, body.toString().getBytes(StandardCharsets.UTF_8));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
      String method = exchange.getRequestMethod();
      if (method.equals("GET") && path.equals("invocation/next")) {
        next(exchange);
      } else if (method.equals("POST") && path.equals("init/error")) {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String type = errorType(exchange, body);
        log.accept("INIT_REPORT " + label() + " Status: error Error Type: " + type);
        initialized.completeExceptionally(new InitError(type, body));
        broken = true;
        respond(exchange, 202, "{\"status\":\"OK\"}");
      } else if (method.equals("POST") && path.startsWith("invocation/")
          && (path.endsWith("/response") || path.endsWith("/error"))) {
        String rest = path.substring("invocation/".length());
        String requestId = rest.substring(0, rest.lastIndexOf('/'));
        byte[] body = exchange.getRequestBody().readAllBytes();
        Pending pending = inFlight.get(requestId);
        if (pending == null) {
          respond(exchange, 400, "{\"errorMessage\":\"unknown or finished request id " + requestId
              + "\",\"errorType\":\"InvalidRequestID\"}");
          return;
        }
        pending.result().complete(path.endsWith("/response") ? new InvokeResult.Success(body)
            : new InvokeResult.FunctionError(errorType(exchange, body), body));
        respond(exchange, 202, "{\"status\":\"OK\"}");
      } else {
        respond(exchange, 404, "{\"errorMessage\":\"no such runtime API resource\",\"errorType\":\"NotFound\"}");
      }
    } catch (RuntimeException e) {
      log.accept("runtime API of " + label() + " failed: " + e);
    }
  }

  private void next(HttpExchange exchange) throws IOException {
    if (!initialized.isDone()) {
      // The first "next" is the end of the Init phase: static initializers and the handler's constructor ran.
      Duration init = Duration.between(startedAt, Instant.now());
      initialized.complete(init);
      log.accept("INIT_REPORT " + label() + " Init Duration: " + init.toMillis() + " ms (cold start)");
    }
    Pending pending;
    try {
      pending = events.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json");
    headers.set("Lambda-Runtime-Aws-Request-Id", pending.requestId());
    headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(pending.deadlineMs()));
    headers.set("Lambda-Runtime-Invoked-Function-Arn", spec.arn());
    headers.set("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
        + pending.requestId().replace("-", "").substring(0, 24) + ";Sampled=0");
    exchange.sendResponseHeaders(200, pending.payload().length == 0 ? -1 : pending.payload().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(pending.payload());
    }
  }

  /** The error type: the body's {@code errorType} (the Java runtime's class name), else the header. */
  private static String errorType(HttpExchange exchange, byte[] body) {
    try {
      JsonNode parsed = JSON.readTree(body);
      if (parsed != null && parsed.path("errorType").isTextual()) {
        return parsed.get("errorType").asText();
      }
    } catch (IOException notJson) {
      // fall back to the header
    }
    String header = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
    return header == null || header.isBlank() ? "Unhandled" : header;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private void exited(Process process) {
    broken = true;
    String reason = "Runtime exited with error: exit status " + process.exitValue();
    initialized.completeExceptionally(new IllegalStateException(reason));
    for (Pending pending : List.copyOf(inFlight.values())) {
      pending.result().completeExceptionally(new IllegalStateException("RequestId: " + pending.requestId()
          + " Error: " + reason));
    }
  }

  private void pipe(InputStream output) {
    Thread.ofVirtual().name(label() + "-log").start(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          log.accept(line);
        }
      } catch (IOException closed) {
        // the process is gone
      }
    });
  }

  private void destroy() {
    Process running = process;
    if (running != null) {
      running.descendants().forEach(ProcessHandle::destroyForcibly);
      running.destroyForcibly();
    }
  }

  @Override
  public void close() {
    broken = true;
    Process running = process;
    if (running != null) {
      running.descendants().forEach(ProcessHandle::destroy);
      running.destroy();
      try {
        if (!running.waitFor(3, TimeUnit.SECONDS)) {
          running.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running.destroyForcibly();
      }
    }
    server.stop(0);
    executor.shutdownNow();
  }
}
