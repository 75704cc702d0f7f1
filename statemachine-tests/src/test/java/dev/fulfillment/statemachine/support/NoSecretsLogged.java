package dev.fulfillment.statemachine.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures what the real handlers print while a test class runs (they log JSON lines to standard output, as
 * in Lambda) and fails the class if any line holds a payment token or a card-like number (SECURITY.md).
 * Output still reaches the console: the capture is a tee.
 */
public final class NoSecretsLogged implements BeforeAllCallback, AfterAllCallback {

  private PrintStream original;
  private ByteArrayOutputStream captured;

  @Override
  public void beforeAll(ExtensionContext context) {
    original = System.out;
    captured = new ByteArrayOutputStream();
    OutputStream tee = new OutputStream() {
      @Override
      public void write(int b) {
        original.write(b);
        captured.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        original.write(bytes, offset, length);
        captured.write(bytes, offset, length);
      }
    };
    System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    System.setOut(original);
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    if (lines.isEmpty()) {
      throw new AssertionError("the handlers logged nothing: the capture did not work, so nothing was checked");
    }
    List<String> leaks = dev.fulfillment.testing.LogSecrets.leaks(lines, 5);
    if (!leaks.isEmpty()) {
      throw new AssertionError("a handler logged a payment token or a card-like number: " + leaks);
    }
  }
}
