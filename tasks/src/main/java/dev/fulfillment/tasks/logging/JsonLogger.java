package dev.fulfillment.tasks.logging;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Structured logs: one JSON object per line on stdout, which Lambda ships to CloudWatch Logs as one
 * event per line. Fields: {@code timestamp}, {@code level}, {@code message}, {@code requestId},
 * {@code orderId}, {@code function}, then the caller's key/values. Every caller-supplied text goes
 * through {@link Redaction}: secrets and personal data are masked by key and by value shape.
 *
 * <p>Immutable; {@link #withContext} and {@link #withOrderId} return narrowed copies, so one instance
 * per handler is shared safely across invocations.
 */
public final class JsonLogger {

  public enum Level { DEBUG, INFO, WARN, ERROR }

  private static final Set<String> FIXED_FIELDS = Set.of("timestamp", "level", "message", "requestId", "orderId",
      "function");
  private static final Set<String> ERROR_FIELDS = Set.of("errorType", "errorMessage", "stackTrace");
  private static final int MAX_STACK_FRAMES = 15;
  /**
   * jackson-core alone: the values written are the few shapes {@link Redaction#redact} returns, so the
   * logger needs no data binding, whose classes would cost every cold start tens of milliseconds.
   */
  private static final JsonFactory JSON = new JsonFactory();

  private final String function;
  private final String requestId;
  private final String orderId;
  private final PrintStream out;
  private final Clock clock;
  private final Level threshold;

  private JsonLogger(String function, String requestId, String orderId, PrintStream out, Clock clock, Level threshold) {
    this.function = function;
    this.requestId = requestId;
    this.orderId = orderId;
    this.out = out;
    this.clock = clock;
    this.threshold = threshold;
  }

  /**
   * A logger to stdout whose threshold is the function's application log level: Lambda's advanced
   * logging controls publish it to the function as {@code AWS_LAMBDA_LOG_LEVEL}; INFO when unset.
   */
  public static JsonLogger create(String function) {
    return create(function, System.out, Clock.systemUTC(), levelFrom(System.getenv("AWS_LAMBDA_LOG_LEVEL")));
  }

  public static JsonLogger create(String function, PrintStream out, Clock clock, Level threshold) {
    return new JsonLogger(function, null, null, out, clock, threshold);
  }

  /** Copies the invocation's request id and the function's name from the Lambda context. */
  public JsonLogger withContext(Context context) {
    if (context == null) {
      return this;
    }
    String name = context.getFunctionName() == null ? function : context.getFunctionName();
    return new JsonLogger(name, context.getAwsRequestId(), orderId, out, clock, threshold);
  }

  public JsonLogger withOrderId(String id) {
    return new JsonLogger(function, requestId, id, out, clock, threshold);
  }

  public void debug(String message) {
    log(Level.DEBUG, message, Map.of(), null);
  }

  public void debug(String message, Map<String, ?> fields) {
    log(Level.DEBUG, message, fields, null);
  }

  public void info(String message) {
    log(Level.INFO, message, Map.of(), null);
  }

  public void info(String message, Map<String, ?> fields) {
    log(Level.INFO, message, fields, null);
  }

  public void warn(String message, Map<String, ?> fields) {
    log(Level.WARN, message, fields, null);
  }

  public void warn(String message, Throwable error, Map<String, ?> fields) {
    log(Level.WARN, message, fields, error);
  }

  public void error(String message, Throwable error, Map<String, ?> fields) {
    log(Level.ERROR, message, fields, error);
  }

  public boolean isEnabled(Level level) {
    return level.compareTo(threshold) >= 0;
  }

  private void log(Level level, String message, Map<String, ?> fields, Throwable error) {
    if (!isEnabled(level)) {
      return;
    }
    StringWriter line = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(line)) {
      json.writeStartObject();
      json.writeStringField("timestamp", clock.instant().toString());
      json.writeStringField("level", level.name());
      json.writeStringField("message", Redaction.redactText(message));
      json.writeStringField("requestId", requestId);
      json.writeStringField("orderId", Redaction.redactText(orderId));
      json.writeStringField("function", function);
      if (error != null) {
        json.writeStringField("errorType", error.getClass().getName());
        json.writeStringField("errorMessage", Redaction.redactText(error.getMessage()));
        json.writeArrayFieldStart("stackTrace");
        for (StackTraceElement frame : Arrays.asList(error.getStackTrace()).subList(0,
            Math.min(MAX_STACK_FRAMES, error.getStackTrace().length))) {
          json.writeString(frame.toString());
        }
        json.writeEndArray();
      }
      if (fields != null) {
        for (Map.Entry<String, ?> field : fields.entrySet()) {
          String key = String.valueOf(field.getKey());
          // The fixed fields stay trustworthy: a caller cannot overwrite requestId or level.
          boolean taken = FIXED_FIELDS.contains(key) || error != null && ERROR_FIELDS.contains(key);
          String name = taken ? "extra_" + key : key;
          json.writeFieldName(name);
          writeValue(json, Redaction.redact(key, field.getValue()));
        }
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write a log line", e);
    }
    out.println(line);
  }

  /** Writes what {@link Redaction#redact} returns: null, booleans, numbers, maps, collections and text. */
  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    switch (value) {
      case null -> json.writeNull();
      case Boolean bool -> json.writeBoolean(bool);
      case Integer number -> json.writeNumber(number.longValue());
      case Long number -> json.writeNumber(number.longValue());
      case Short number -> json.writeNumber(number.longValue());
      case Byte number -> json.writeNumber(number.longValue());
      // jackson-core writes NaN and the infinities as strings (WRITE_NAN_AS_STRINGS): the line stays JSON.
      case Double number -> json.writeNumber(number.doubleValue());
      case Float number -> json.writeNumber(number.doubleValue());
      case BigInteger number -> json.writeNumber(number);
      case BigDecimal number -> json.writeNumber(number);
      case Map<?, ?> map -> {
        json.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          json.writeFieldName(String.valueOf(entry.getKey()));
          writeValue(json, entry.getValue());
        }
        json.writeEndObject();
      }
      case Collection<?> collection -> {
        json.writeStartArray();
        for (Object element : collection) {
          writeValue(json, element);
        }
        json.writeEndArray();
      }
      default -> json.writeString(String.valueOf(value));
    }
  }

  static Level levelFrom(String value) {
    if (value == null || value.isBlank()) {
      return Level.INFO;
    }
    return switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "TRACE", "DEBUG" -> Level.DEBUG;
      case "WARN" -> Level.WARN;
      case "ERROR", "FATAL" -> Level.ERROR;
      default -> Level.INFO;
    };
  }
}
