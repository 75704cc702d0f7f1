package dev.fulfillment.local.sfn.api;

import dev.fulfillment.local.sfn.EngineClock;
import dev.fulfillment.local.sfn.LocalStepFunctions;
import dev.fulfillment.local.sfn.TaskInvoker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The engine behind the HTTP API on a free port, with an SDK client and a raw HTTP client pointed at it. */
final class LocalEndpoint implements AutoCloseable {
  private static final long POLL_PAUSE_NANOS = Duration.ofMillis(2).toNanos();
  static final String ROLE = "arn:aws:iam::123456789012:role/DummyRole";

  final LocalStepFunctions engine;
  final StepFunctionsHttpServer server;
  final SfnClient sfn;
  private final HttpClient http = HttpClient.newHttpClient();

  private LocalEndpoint(EngineClock clock, TaskInvoker invoker) {
    LocalStepFunctions.Builder builder = LocalStepFunctions.builder().clock(clock);
    if (invoker != null) {
      builder.taskInvoker(invoker);
    }
    engine = builder.build();
    try {
      server = StepFunctionsHttpServer.start(new StepFunctionsApiHandler(new StepFunctionsApi(engine)), "127.0.0.1",
          0);
    } catch (IOException e) {
      engine.close();
      throw new UncheckedIOException(e);
    }
    sfn = SfnClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        // StartSyncExecution's endpoint has the host prefix "sync-" (sync-states.<region>.amazonaws.com); against a
        // local endpoint the SDK must not prepend it, as with Step Functions Local.
        .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))
            .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build();
  }

  /** Virtual time: Wait states and back-off take no real time. */
  static LocalEndpoint fast() {
    return new LocalEndpoint(EngineClock.virtual(), null);
  }

  static LocalEndpoint fast(TaskInvoker invoker) {
    return new LocalEndpoint(EngineClock.virtual(), invoker);
  }

  /** Wall-clock time, for executions that must stay RUNNING while the test looks at them. */
  static LocalEndpoint realTime() {
    return new LocalEndpoint(EngineClock.system(), null);
  }

  /** A raw AWS JSON 1.0 call: {@code target} null sends no X-Amz-Target header. */
  HttpResponse<String> post(String target, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.endpoint().resolve("/"))
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (target != null) {
      request.header("X-Amz-Target", target);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  URI uri() {
    return server.endpoint();
  }

  /** Polls {@code read} until {@code done} holds, at most 10 seconds. */
  static <T> T await(Supplier<T> read, Predicate<T> done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    T value = read.get();
    while (!done.test(value)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not reached within 10 s; last value: " + value);
      }
      LockSupport.parkNanos(POLL_PAUSE_NANOS);
      value = read.get();
    }
    return value;
  }

  @Override
  public void close() {
    sfn.close();
    server.close();
    engine.close();
  }
}
