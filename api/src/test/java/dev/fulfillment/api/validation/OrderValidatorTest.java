package dev.fulfillment.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulfillment.api.order.OrderRequest;
import dev.fulfillment.api.order.RequestedLine;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rules' positive side and their bounds; the rejections are the HTTP case table's job. */
class OrderValidatorTest {

  private final OrderValidator validator = new OrderValidator();

  @Test
  void acceptsAFullOrderAndSortsItsLinesBySku() {
    OrderRequest order = valid("{\"customerId\":\"c.1:x_y-z\",\"lines\":[{\"sku\":\"B-2\",\"quantity\":1000},"
        + "{\"sku\":\"A-1\",\"quantity\":1}],\"paymentToken\":\"tok_A_1\",\"shippingAddress\":{\"line1\":\"Main St 1\","
        + "\"city\":\"Köln\",\"postalCode\":\"50667\",\"country\":\"DE\"},\"email\":\"a@b.de\"}");

    assertThat(order.lines()).containsExactly(new RequestedLine("A-1", 1), new RequestedLine("B-2", 1000));
    assertThat(order.shippingAddress()).containsEntry("city", "Köln");
    assertThat(order.toString()).doesNotContain("tok_A_1").doesNotContain("a@b.de").doesNotContain("Main St");
  }

  @Test
  void acceptsExactlyFiftyLinesAndTreatsNullOptionalFieldsAsAbsent() {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < OrderValidator.MAX_LINES; i++) {
      lines.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(i).append("\",\"quantity\":1}");
    }
    OrderRequest order = valid("{\"customerId\":\"c\",\"lines\":[" + lines + "],\"paymentToken\":\"tok_x\","
        + "\"email\":null,\"shippingAddress\":null}");

    assertThat(order.lines()).hasSize(50);
    assertThat(order.email()).isNull();
  }

  @Test
  void hashesTheSameOrderTheSameWayWhateverItsLayout() {
    OrderRequest a = valid("{\"customerId\":\"c\",\"lines\":[{\"sku\":\"A\",\"quantity\":1},{\"sku\":\"B\",\"quantity\":2}],"
        + "\"paymentToken\":\"tok_x\"}");
    OrderRequest b = valid("{ \"paymentToken\" : \"tok_x\", \"lines\" : [{\"quantity\":2,\"sku\":\"B\"},"
        + "{\"quantity\":1,\"sku\":\"A\"}], \"customerId\" : \"c\" }");
    OrderRequest other = valid("{\"customerId\":\"c\",\"lines\":[{\"sku\":\"A\",\"quantity\":1},{\"sku\":\"B\",\"quantity\":3}],"
        + "\"paymentToken\":\"tok_x\"}");

    assertThat(a.requestHash()).isEqualTo(b.requestHash()).isNotEqualTo(other.requestHash());
  }

  @Test
  void capsTheNumberOfErrorsReported() {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      lines.append(i == 0 ? "" : ",").append("{\"sku\":\"x\",\"quantity\":0}");
    }
    Validation<OrderRequest> result = validator.validate(bytes("{\"lines\":[" + lines + "]}"));

    assertThat(result).isInstanceOfSatisfying(Validation.Invalid.class,
        invalid -> assertThat(invalid.errors()).hasSize(OrderValidator.MAX_ERRORS));
  }

  @Test
  void recognisesCardNumbersByTheLuhnCheckOnly() {
    assertThat(CardNumbers.containsCardNumber("pay with 4111-1111-1111-1111 please")).isTrue();
    assertThat(CardNumbers.containsCardNumber("4111111111111112")).isFalse();
    assertThat(CardNumbers.containsCardNumber("order 123456789012")).isFalse();
    assertThat(CardNumbers.mask("card 4111 1111 1111 1111 ok")).isEqualTo("card **** **** **** 1111 ok");
  }

  @Test
  void masksEveryCardNumberOfATextAndLeavesOtherDigitRunsAlone() {
    assertThat(CardNumbers.mask("a 4111111111111111, b 5555-5555-5555-4444, id 12345, c 4111111111111112."))
        .isEqualTo("a ************1111, b ****-****-****-4444, id 12345, c 4111111111111112.");
    assertThat(CardNumbers.mask("4111111111111111")).isEqualTo("************1111");
    assertThat(CardNumbers.mask("no digits")).isEqualTo("no digits");
  }

  @Test
  void acceptsUtf8WithAByteOrderMarkButNoOtherEncoding() {
    String order = "{\"customerId\":\"c-1\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}],\"paymentToken\":\"tok_a\"}";

    assertThat(valid("\uFEFF" + order).customerId()).isEqualTo("c-1");
    // Given bytes, Jackson itself detects UTF-16 and UTF-32 and would have accepted these.
    for (java.nio.charset.Charset other : java.util.List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
        java.nio.charset.Charset.forName("UTF-32"))) {
      assertThat(validator.validate(order.getBytes(other))).as(other.name()).isInstanceOf(Validation.Invalid.class);
    }
  }

  @Test
  void scansDigitRunsOfAnyLengthWithoutOverflowingTheStack() {
    // The former regular expression recursed once per digit: about 2,000 digits overflowed the stack,
    // an Error that escaped both handlers (a 5xx over HTTP, a whole failed batch over SQS).
    String digits = "9".repeat(30_000);
    String grouped = "12 34-".repeat(10_000) + "4111111111111111";

    assertThat(CardNumbers.containsCardNumber(digits)).isFalse();
    assertThat(CardNumbers.mask(digits)).isEqualTo(digits);
    assertThat(CardNumbers.containsCardNumber(grouped)).isFalse();
    Validation<OrderRequest> result = validator.validate(bytes("{\"customerId\":\"" + digits + "\"}"));
    assertThat(result).isInstanceOf(Validation.Invalid.class);
    assertThat(((Validation.Invalid<OrderRequest>) result).errors()).extracting(FieldError::field).contains("customerId");
  }

  private OrderRequest valid(String json) {
    Validation<OrderRequest> result = validator.validate(bytes(json));
    assertThat(result).as(String.valueOf(result)).isInstanceOf(Validation.Valid.class);
    return ((Validation.Valid<OrderRequest>) result).value();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
