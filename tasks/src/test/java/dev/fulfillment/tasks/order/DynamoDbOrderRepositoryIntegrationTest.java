package dev.fulfillment.tasks.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulfillment.tasks.domain.HistoryEntry;
import dev.fulfillment.tasks.domain.Order;
import dev.fulfillment.tasks.domain.OrderLine;
import dev.fulfillment.tasks.domain.OrderStatus;
import dev.fulfillment.tasks.domain.PricedLine;
import dev.fulfillment.tasks.error.InvalidOrderTransitionException;
import dev.fulfillment.tasks.error.OrderNotFoundException;
import dev.fulfillment.tasks.support.Tables;
import dev.fulfillment.testing.DynaliteExtension;
import dev.fulfillment.testing.DynaliteServer;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(DynaliteExtension.class)
class DynamoDbOrderRepositoryIntegrationTest {

  private static final NewOrder ORDER = new NewOrder("ord_1", "c-1", List.of(new OrderLine("A", 2)), "tok_visa", "h-1");

  private OrderRepository orders;

  @BeforeEach
  void createTable(DynaliteServer dynalite) {
    String table = DynaliteServer.uniqueTableName("orders");
    Tables.create(dynalite.client(), table, "orderId");
    orders = new DynamoDbOrderRepository(dynalite.client(), table);
  }

  @Test
  void createsAReceivedOrderOnceAndTellsARetryFromAReusedKey() {
    CreateOutcome created = orders.create(ORDER);
    CreateOutcome retried = orders.create(ORDER);
    CreateOutcome reused = orders.create(new NewOrder("ord_1", "c-2", List.of(new OrderLine("B", 9)), "tok_visa",
        "h-2"));

    assertThat(created).isInstanceOf(CreateOutcome.Created.class);
    assertThat(created.order().status()).isEqualTo(OrderStatus.RECEIVED);
    assertThat(created.order().lines()).containsExactly(new OrderLine("A", 2));
    assertThat(retried).isInstanceOfSatisfying(CreateOutcome.AlreadyExists.class,
        exists -> assertThat(exists.sameRequest("h-1")).isTrue());
    assertThat(reused).isInstanceOfSatisfying(CreateOutcome.AlreadyExists.class, exists -> {
      assertThat(exists.sameRequest("h-2")).isFalse();
      assertThat(exists.order().customerId()).isEqualTo("c-1");
    });
    assertThat(orders.find("ord_1").orElseThrow().lines()).containsExactly(new OrderLine("A", 2));
  }

  @Test
  void walksForwardWithHistoryAndRepeatsAreNoOps() {
    orders.create(ORDER);

    orders.markReserved("ord_1", List.of(new PricedLine("A", 2, 150)), 300, "EUR");
    orders.markReserved("ord_1", List.of(new PricedLine("A", 2, 150)), 300, "EUR");
    orders.transition("ord_1", EnumSet.of(OrderStatus.RESERVED), OrderStatus.PAID, null);
    Order confirmed = orders.transition("ord_1", EnumSet.of(OrderStatus.PAID), OrderStatus.CONFIRMED, null);
    Order again = orders.transition("ord_1", EnumSet.of(OrderStatus.PAID), OrderStatus.CONFIRMED, null);

    assertThat(again).isEqualTo(confirmed);
    assertThat(confirmed.history()).extracting(HistoryEntry::status).containsExactly(OrderStatus.RECEIVED,
        OrderStatus.RESERVED, OrderStatus.PAID, OrderStatus.CONFIRMED);
    assertThat(confirmed.pricedLines()).containsExactly(new PricedLine("A", 2, 150));
    assertThat(confirmed.total()).isEqualTo(300);
    assertThat(confirmed.currency()).isEqualTo("EUR");
  }

  @ParameterizedTest
  @EnumSource(value = OrderStatus.class, names = {"RECEIVED", "RESERVED", "PAID"})
  void neverMovesBackwards(OrderStatus earlier) {
    orders.create(ORDER);
    orders.markReserved("ord_1", List.of(new PricedLine("A", 2, 150)), 300, "EUR");
    orders.transition("ord_1", EnumSet.of(OrderStatus.RESERVED), OrderStatus.PAID, null);
    orders.transition("ord_1", EnumSet.of(OrderStatus.PAID), OrderStatus.CONFIRMED, null);

    for (OrderStatus source : OrderStatus.sourcesOf(earlier)) {
      assertThatThrownBy(() -> orders.transition("ord_1", EnumSet.of(source), earlier, null))
          .isInstanceOf(InvalidOrderTransitionException.class);
    }
    assertThatThrownBy(() -> orders.transition("ord_1",
        EnumSet.of(OrderStatus.RECEIVED, OrderStatus.RESERVED, OrderStatus.PAID), OrderStatus.FAILED, "late"))
        .isInstanceOf(InvalidOrderTransitionException.class)
        .hasMessage("order ord_1 is CONFIRMED and cannot move to FAILED");
    assertThat(orders.find("ord_1").orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
  }

  @Test
  void aFailedOrderKeepsItsReasonAndIgnoresLaterSteps() {
    orders.create(ORDER);
    orders.transition("ord_1", EnumSet.of(OrderStatus.RECEIVED), OrderStatus.FAILED, "out of stock: A");
    orders.transition("ord_1", EnumSet.of(OrderStatus.RECEIVED), OrderStatus.FAILED, "second reason");

    assertThatThrownBy(() -> orders.markReserved("ord_1", List.of(new PricedLine("A", 2, 1)), 2, "EUR"))
        .isInstanceOf(InvalidOrderTransitionException.class);
    Order failed = orders.find("ord_1").orElseThrow();
    assertThat(failed.status()).isEqualTo(OrderStatus.FAILED);
    assertThat(failed.failureReason()).isEqualTo("out of stock: A");
    assertThat(failed.history()).hasSize(2);
  }

  @Test
  void movingAnUnknownOrderSaysItIsNotFound() {
    assertThatThrownBy(() -> orders.transition("ord_missing", EnumSet.of(OrderStatus.RECEIVED), OrderStatus.FAILED, "x"))
        .isInstanceOf(OrderNotFoundException.class);
  }
}
