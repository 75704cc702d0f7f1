package dev.fulfillment.tasks.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.tasks.domain.OrderLine;
import dev.fulfillment.tasks.domain.OrderStatus;
import dev.fulfillment.tasks.error.OutOfStockException;
import dev.fulfillment.tasks.error.PaymentDeclinedException;
import dev.fulfillment.tasks.order.DynamoDbOrderRepository;
import dev.fulfillment.tasks.order.NewOrder;
import dev.fulfillment.tasks.payment.SandboxPaymentProvider;
import dev.fulfillment.tasks.stock.DynamoDbInventoryRepository;
import dev.fulfillment.tasks.stock.StockItem;
import dev.fulfillment.tasks.support.Tables;
import dev.fulfillment.testing.DynaliteExtension;
import dev.fulfillment.testing.DynaliteServer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The six handlers on real tables, in the orders the workflow runs them, every step twice (as a
 * Step Functions retry would): stock is conserved and money moves once on every path.
 */
@ExtendWith(DynaliteExtension.class)
class FulfillmentStepsIntegrationTest {

  private static final List<OrderLine> LINES = List.of(new OrderLine("A", 2), new OrderLine("B", 1));

  private DynaliteServer dynalite;
  private TableNames tables;
  private DynamoDbOrderRepository orders;
  private DynamoDbInventoryRepository inventory;
  private final SandboxPaymentProvider provider = new SandboxPaymentProvider();

  @BeforeEach
  void seed(DynaliteServer server) {
    dynalite = server;
    tables = Tables.create(server);
    orders = new DynamoDbOrderRepository(server.client(), tables.orders());
    inventory = new DynamoDbInventoryRepository(server.client(), tables.inventory());
    inventory.put(new StockItem("A", 5, 1000, "EUR", "Anvil"));
    inventory.put(new StockItem("B", 3, 250, "EUR", "Bolt"));
  }

  private void newOrder(String token) {
    orders.create(new NewOrder("ord_1", "c-1", LINES, token, "h-1"));
  }

  private ReserveStockResponse reserve() {
    var handler = new ReserveStockHandler(dynalite.client(), tables);
    handler.handleRequest(new ReserveStockRequest("ord_1", LINES), null);
    return handler.handleRequest(new ReserveStockRequest("ord_1", LINES), null);
  }

  private void assertStockConserved() {
    assertThat(inventory.find("A").orElseThrow().accountedUnits()).isEqualTo(5);
    assertThat(inventory.find("B").orElseThrow().accountedUnits()).isEqualTo(3);
  }

  private void compensate(boolean refund) {
    if (refund) {
      var refunds = new RefundPaymentHandler(dynalite.client(), tables, provider);
      refunds.handleRequest(new RefundPaymentRequest("ord_1"), null);
      refunds.handleRequest(new RefundPaymentRequest("ord_1"), null);
    }
    var release = new ReleaseStockHandler(dynalite.client(), tables);
    release.handleRequest(new ReleaseStockRequest("ord_1", LINES), null);
    release.handleRequest(new ReleaseStockRequest("ord_1", LINES), null);
    var fail = new MarkOrderFailedHandler(dynalite.client(), tables);
    fail.handleRequest(new MarkOrderFailedRequest("ord_1", "cause", "SomeError"), null);
    fail.handleRequest(new MarkOrderFailedRequest("ord_1", "cause", "SomeError"), null);
  }

  @Test
  void theHappyPathChargesOnceAndSellsTheHeldUnits() {
    newOrder("tok_visa");

    ReserveStockResponse reserved = reserve();
    var charge = new ChargePaymentHandler(dynalite.client(), tables, provider);
    ChargePaymentResponse first = charge.handleRequest(new ChargePaymentRequest("ord_1", reserved.total(),
        reserved.currency()), null);
    ChargePaymentResponse second = charge.handleRequest(new ChargePaymentRequest("ord_1", reserved.total(),
        reserved.currency()), null);
    var confirm = new ConfirmOrderHandler(dynalite.client(), tables);
    confirm.handleRequest(new ConfirmOrderRequest("ord_1", LINES), null);
    ConfirmOrderResponse confirmed = confirm.handleRequest(new ConfirmOrderRequest("ord_1", LINES), null);

    assertThat(reserved.total()).isEqualTo(2 * 1000 + 250);
    assertThat(second).isEqualTo(first);
    assertThat(confirmed.status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(orders.find("ord_1").orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(inventory.find("A").orElseThrow().sold()).containsEntry("ord_1", 2L);
    assertThat(inventory.find("A").orElseThrow().available()).isEqualTo(3);
    assertThat(dynalite.client().scan(r -> r.tableName(tables.payments())).count()).isEqualTo(1);
    assertStockConserved();
  }

  @Test
  void aDeclinedCardReleasesTheStockAndFailsTheOrder() {
    newOrder("tok_chargeDeclined");
    ReserveStockResponse reserved = reserve();

    assertThatThrownBy(() -> new ChargePaymentHandler(dynalite.client(), tables, provider)
        .handleRequest(new ChargePaymentRequest("ord_1", reserved.total(), "EUR"), null))
        .isInstanceOf(PaymentDeclinedException.class);
    compensate(false);

    var order = orders.find("ord_1").orElseThrow();
    assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
    assertThat(order.failureReason()).isEqualTo("SomeError: cause");
    assertThat(inventory.find("A").orElseThrow().available()).isEqualTo(5);
    assertStockConserved();
  }

  @Test
  void aFailureAfterTheChargeRefundsOnceAndReturnsEvenSoldUnits() {
    newOrder("tok_visa");
    ReserveStockResponse reserved = reserve();
    new ChargePaymentHandler(dynalite.client(), tables, provider)
        .handleRequest(new ChargePaymentRequest("ord_1", reserved.total(), "EUR"), null);
    // ConfirmOrder got as far as selling the units, then the step failed before moving the order.
    inventory.confirm("ord_1", "A");

    compensate(true);

    assertThat(orders.find("ord_1").orElseThrow().status()).isEqualTo(OrderStatus.FAILED);
    assertThat(inventory.find("A").orElseThrow().available()).isEqualTo(5);
    assertThat(inventory.find("A").orElseThrow().sold()).isEmpty();
    assertThat(new RefundPaymentHandler(dynalite.client(), tables, provider)
        .handleRequest(new RefundPaymentRequest("ord_1"), null)).isEqualTo(new RefundPaymentResponse("ord_1", true,
        2250));
    assertStockConserved();
  }

  @Test
  void anOrderLargerThanTheStockFailsWithoutHoldingAnything() {
    List<OrderLine> greedy = List.of(new OrderLine("A", 2), new OrderLine("B", 4));
    orders.create(new NewOrder("ord_1", "c-1", greedy, "tok_visa", "h-1"));

    assertThatThrownBy(() -> new ReserveStockHandler(dynalite.client(), tables)
        .handleRequest(new ReserveStockRequest("ord_1", greedy), null))
        .isInstanceOf(OutOfStockException.class)
        .hasMessage("out of stock: B");
    compensate(true);

    assertThat(inventory.find("A").orElseThrow().available()).isEqualTo(5);
    assertThat(orders.find("ord_1").orElseThrow().status()).isEqualTo(OrderStatus.FAILED);
    assertStockConserved();
  }
}
