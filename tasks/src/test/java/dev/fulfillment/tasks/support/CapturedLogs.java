package dev.fulfillment.tasks.support;

import dev.fulfillment.tasks.logging.JsonLogger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** A JsonLogger writing into memory, so tests can read what would have gone to CloudWatch. */
public final class CapturedLogs {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  public JsonLogger logger(String function) {
    return JsonLogger.create(function, new PrintStream(bytes, true, StandardCharsets.UTF_8), Clock.systemUTC(),
        JsonLogger.Level.DEBUG);
  }

  public String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
