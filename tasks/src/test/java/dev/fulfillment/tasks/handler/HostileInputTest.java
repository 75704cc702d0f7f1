package dev.fulfillment.tasks.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.tasks.domain.OrderLine;
import dev.fulfillment.tasks.error.InvalidTaskInputException;
import dev.fulfillment.tasks.payment.PaymentProvider;
import dev.fulfillment.tasks.support.CapturedLogs;
import dev.fulfillment.tasks.support.LambdaJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Hostile and malformed task inputs, one JSON file per case under {@code hostile/}: each is rejected,
 * either by the runtime's deserialisation or by the handler with InvalidTaskInputException and a clear
 * message, and none reaches DynamoDB.
 */
class HostileInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TableNames TABLES = new TableNames("orders", "inventory", "payments");

  record Case(String name, String handler, JsonNode event, String rejectedBy, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() throws IOException, URISyntaxException {
    Path folder = Path.of(HostileInputTest.class.getClassLoader().getResource("hostile").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().map(HostileInputTest::load).toList().stream();
    }
  }

  private static Case load(Path file) {
    try {
      JsonNode node = JSON.readTree(file.toFile());
      return new Case(file.getFileName().toString(), node.get("handler").asText(), node.get("event"),
          node.get("rejectedBy").asText(), node.get("message").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejectsTheInputBeforeTouchingAnyTable(Case hostile) {
    DynamoDbClient dynamoDb = mock(DynamoDbClient.class);
    CapturedLogs logs = new CapturedLogs();
    String event = hostile.event().toString();

    if (hostile.rejectedBy().equals("runtime")) {
      assertThatThrownBy(() -> invoke(hostile.handler(), event, dynamoDb, logs)).isNotInstanceOf(
          InvalidTaskInputException.class);
    } else {
      assertThatThrownBy(() -> invoke(hostile.handler(), event, dynamoDb, logs))
          .isInstanceOf(InvalidTaskInputException.class)
          .hasMessageContaining(hostile.message());
      assertThat(logs.text()).contains("\"level\":\"WARN\"")
          .contains(InvalidTaskInputException.class.getName())
          .doesNotContain("4242 4242");
      assertThat(logs.text().lines()).allSatisfy(line -> assertThat(JSON.readTree(line).isObject()).isTrue());
    }
    verifyNoInteractions(dynamoDb);
  }

  @Test
  void rejectsAnOrderWithMoreLinesThanAnyRealOrderHas() {
    DynamoDbClient dynamoDb = mock(DynamoDbClient.class);
    var lines = IntStream.range(0, 101).mapToObj(i -> new OrderLine("SKU-" + i, 1)).toList();

    assertThatThrownBy(() -> new ReserveStockHandler(dynamoDb, TABLES)
        .handleRequest(new ReserveStockRequest("ord_1", lines), null))
        .isInstanceOf(InvalidTaskInputException.class)
        .hasMessage("lines may hold at most 100 lines, got 101");
    verifyNoInteractions(dynamoDb);
  }

  @Test
  void rejectsANullEvent() {
    DynamoDbClient dynamoDb = mock(DynamoDbClient.class);

    assertThatThrownBy(() -> new RefundPaymentHandler(dynamoDb, TABLES, mock(PaymentProvider.class))
        .handleRequest(null, null))
        .isInstanceOf(InvalidTaskInputException.class)
        .hasMessage("request is required");
    verifyNoInteractions(dynamoDb);
  }

  private static Object invoke(String handler, String event, DynamoDbClient dynamoDb, CapturedLogs logs) {
    var orders = new dev.fulfillment.tasks.order.DynamoDbOrderRepository(dynamoDb, TABLES.orders());
    var stock = new dev.fulfillment.tasks.stock.StockReservations(
        new dev.fulfillment.tasks.stock.DynamoDbInventoryRepository(dynamoDb, TABLES.inventory()));
    var payments = new dev.fulfillment.tasks.payment.Payments(
        new dev.fulfillment.tasks.payment.DynamoDbPaymentLedger(dynamoDb, TABLES.payments()),
        mock(PaymentProvider.class), java.time.Clock.systemUTC());
    return switch (handler) {
      case "ReserveStock" -> new ReserveStockHandler(orders, stock, logs.logger(handler))
          .handleRequest(LambdaJson.read(event, ReserveStockRequest.class), null);
      case "ChargePayment" -> new ChargePaymentHandler(orders, payments, logs.logger(handler))
          .handleRequest(LambdaJson.read(event, ChargePaymentRequest.class), null);
      case "ConfirmOrder" -> new ConfirmOrderHandler(orders, stock, logs.logger(handler))
          .handleRequest(LambdaJson.read(event, ConfirmOrderRequest.class), null);
      case "ReleaseStock" -> new ReleaseStockHandler(orders, stock, logs.logger(handler))
          .handleRequest(LambdaJson.read(event, ReleaseStockRequest.class), null);
      case "RefundPayment" -> new RefundPaymentHandler(orders, payments, logs.logger(handler))
          .handleRequest(LambdaJson.read(event, RefundPaymentRequest.class), null);
      case "MarkOrderFailed" -> new MarkOrderFailedHandler(orders, logs.logger(handler))
          .handleRequest(LambdaJson.read(event, MarkOrderFailedRequest.class), null);
      default -> throw new IllegalArgumentException("unknown handler " + handler);
    };
  }
}
