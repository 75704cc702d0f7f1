package dev.fulfillment.api.support;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.Context;
import dev.fulfillment.tasks.logging.JsonLogger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Lambda context and a logger whose lines the test can read. */
public final class Lambda {

  private Lambda() {
  }

  public static Context context(String requestId) {
    Context context = mock(Context.class);
    when(context.getAwsRequestId()).thenReturn(requestId);
    when(context.getFunctionName()).thenReturn("api-test");
    return context;
  }

  /** A logger writing into a buffer; {@link CapturedLog#text()} reads it. */
  public static CapturedLog capturedLog() {
    return new CapturedLog();
  }

  public static final class CapturedLog {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    // A fixed clock: tests look for digits (card numbers) in the text, and a live timestamp's nanoseconds
    // would sometimes hold them.
    private final JsonLogger logger = JsonLogger.create("api-test", new PrintStream(buffer, true, StandardCharsets.UTF_8),
        Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC), JsonLogger.Level.DEBUG);

    public JsonLogger logger() {
      return logger;
    }

    public String text() {
      return buffer.toString(StandardCharsets.UTF_8);
    }
  }
}
