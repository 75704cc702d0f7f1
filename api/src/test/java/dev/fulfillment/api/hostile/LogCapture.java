package dev.fulfillment.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulfillment.api.validation.CardNumbers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Captures everything written to {@code System.out} and {@code System.err} (where {@code JsonLogger}
 * writes, and where anything else printing would go) while installed, and checks captured lines.
 */
final class LogCapture implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TOKEN = Pattern.compile("tok_[A-Za-z0-9]");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}\\.[A-Za-z]{2,}");

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;

  private LogCapture() {
    PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
  }

  static LogCapture install() {
    return new LogCapture();
  }

  /** A position to read from later with {@link #since}. */
  synchronized int mark() {
    return buffer.size();
  }

  synchronized String since(int mark) {
    return new String(buffer.toByteArray(), mark, buffer.size() - mark, StandardCharsets.UTF_8);
  }

  synchronized String all() {
    return since(0);
  }

  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  /**
   * Every line is one JSON log object (a forged line would not be), and no line holds any of
   * {@code secrets}, nor anything shaped like a payment token, a card number or an e-mail address.
   */
  static void assertClean(String text, Collection<String> secrets, String what) {
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode entry;
      try {
        entry = JSON.readTree(line);
      } catch (IOException e) {
        throw new AssertionError(what + ": a log line is not JSON: " + line, e);
      }
      assertThat(entry.isObject()).as(what + ": log line is an object: " + line).isTrue();
      assertThat(entry.path("level").asText()).as(what + ": level of " + line).isIn("DEBUG", "INFO", "WARN", "ERROR");
      // A line forged by a hostile value would lack the fields only the logger writes.
      assertThat(entry.has("timestamp") && entry.has("function") && entry.has("requestId"))
          .as(what + ": a line written by JsonLogger: " + line).isTrue();
      assertThat(line).as(what).doesNotContain(HostileCorpusGenerator.FORGED_MARKER);
      assertThat(TOKEN.matcher(line).find()).as(what + ": a payment token in " + line).isFalse();
      assertThat(EMAIL.matcher(line).find()).as(what + ": an e-mail address in " + line).isFalse();
      assertThat(CardNumbers.containsCardNumber(line)).as(what + ": a card number in " + line).isFalse();
      for (String secret : secrets) {
        if (line.contains(secret)) {
          throw new AssertionError(what + ": the corpus secret [" + secret + "] is in the log line " + line);
        }
      }
    }
  }
}
