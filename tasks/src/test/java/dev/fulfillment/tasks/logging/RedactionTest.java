package dev.fulfillment.tasks.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void masksCardNumbersWrittenWithSpacesOrDashesAndKeepsTheTextAround() {
    assertThat(Redaction.redactText("paid with 4111 1111 1111 1111 today"))
        .isEqualTo("paid with [REDACTED-PAN] today");
    assertThat(Redaction.redactText("card=4111-1111-1111-1111;x")).isEqualTo("card=[REDACTED-PAN];x");
    assertThat(Redaction.redactText("5555555555554444")).isEqualTo("[REDACTED-PAN]");
  }

  @Test
  void leavesShortNumbersAndDoubleSeparatorsAlone() {
    assertThat(Redaction.redactText("order 123456789012 of 2 items")).isEqualTo("order 123456789012 of 2 items");
    // Two separators in a row end a run: these are two short numbers, not one long one.
    assertThat(Redaction.redactText("1234567  1234567")).isEqualTo("1234567  1234567");
  }

  @Test
  void masksAHugeDigitRunWithoutOverflowingTheStack() {
    String digits = "7".repeat(3_000);

    assertThat(Redaction.redactText("x" + digits + "y")).isEqualTo("x[REDACTED-PAN]y");
    assertThat(Redaction.maskCardLike("1 ".repeat(50_000) + "1")).isEqualTo("[REDACTED-PAN]");
  }

  @Test
  void cutsHostileLongTextBeforeScanningIt() {
    String hostile = "a".repeat(200_000) + "@example.com";

    String redacted = Redaction.redactText(hostile);

    assertThat(redacted).hasSize(Redaction.MAX_TEXT + "...[TRUNCATED]".length()).endsWith("...[TRUNCATED]");
  }

  @Test
  void masksCardLikeNumbersGivenAsNumbers() {
    assertThat(Redaction.redact("amount", 4111111111111111L)).isEqualTo("[REDACTED-PAN]");
    assertThat(Redaction.redact("amount", 2899L)).isEqualTo(2899L);
  }
}
