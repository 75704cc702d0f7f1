package dev.fulfillment.tasks.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulfillment.tasks.domain.OrderLine;
import dev.fulfillment.tasks.domain.PricedLine;
import dev.fulfillment.tasks.error.MixedCurrencyException;
import dev.fulfillment.tasks.error.OutOfStockException;
import dev.fulfillment.tasks.error.UnknownSkuException;
import dev.fulfillment.tasks.support.Tables;
import dev.fulfillment.testing.DynaliteExtension;
import dev.fulfillment.testing.DynaliteServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynaliteExtension.class)
class StockReservationsIntegrationTest {

  private DynamoDbInventoryRepository inventory(DynaliteServer dynalite, StockItem... items) {
    String table = DynaliteServer.uniqueTableName("inventory");
    Tables.create(dynalite.client(), table, "sku");
    DynamoDbInventoryRepository inventory = new DynamoDbInventoryRepository(dynalite.client(), table);
    for (StockItem item : items) {
      inventory.put(item);
    }
    return inventory;
  }

  private static long accounted(InventoryRepository inventory, String sku) {
    return inventory.find(sku).orElseThrow().accountedUnits();
  }

  @Test
  void reserveConfirmAndReleaseConserveEveryUnit(DynaliteServer dynalite) {
    var inventory = inventory(dynalite, new StockItem("A", 10, 500, "EUR", "Anvil"),
        new StockItem("B", 4, 250, "EUR", "Bolt"));
    var stock = new StockReservations(inventory);
    List<OrderLine> lines = List.of(new OrderLine("A", 3), new OrderLine("B", 4));

    PricedOrder priced = stock.reserveAll("ord_1", lines);
    assertThat(priced).isEqualTo(new PricedOrder(
        List.of(new PricedLine("A", 3, 500), new PricedLine("B", 4, 250)), 3 * 500 + 4 * 250, "EUR"));
    assertThat(inventory.find("A").orElseThrow().available()).isEqualTo(7);
    assertThat(inventory.find("A").orElseThrow().holds()).containsExactlyEntriesOf(Map.of("ord_1", 3L));

    stock.confirmAll("ord_1", lines);
    stock.confirmAll("ord_1", lines);
    assertThat(inventory.find("B").orElseThrow().sold()).containsExactlyEntriesOf(Map.of("ord_1", 4L));
    assertThat(inventory.find("B").orElseThrow().holds()).isEmpty();
    assertThat(accounted(inventory, "A")).isEqualTo(10);
    assertThat(accounted(inventory, "B")).isEqualTo(4);

    assertThat(stock.releaseAll("ord_1", lines)).containsExactly("A", "B");
    assertThat(stock.releaseAll("ord_1", lines)).isEmpty();
    assertThat(inventory.find("A").orElseThrow().available()).isEqualTo(10);
    assertThat(inventory.find("B").orElseThrow().available()).isEqualTo(4);
    assertThat(inventory.find("B").orElseThrow().sold()).isEmpty();
  }

  @Test
  void reservingTheSameOrderTwiceHoldsOnce(DynaliteServer dynalite) {
    var inventory = inventory(dynalite, new StockItem("A", 10, 500, "EUR", "Anvil"));
    var stock = new StockReservations(inventory);

    PricedOrder first = stock.reserveAll("ord_1", List.of(new OrderLine("A", 4)));
    PricedOrder second = stock.reserveAll("ord_1", List.of(new OrderLine("A", 4)));

    assertThat(second).isEqualTo(first);
    assertThat(inventory.find("A").orElseThrow().available()).isEqualTo(6);
    assertThat(inventory.find("A").orElseThrow().holds()).containsExactlyEntriesOf(Map.of("ord_1", 4L));
  }

  @Test
  void aShortLineGivesBackTheEarlierLinesAndNamesTheShortSkus(DynaliteServer dynalite) {
    var inventory = inventory(dynalite, new StockItem("A", 10, 500, "EUR", null),
        new StockItem("B", 1, 250, "EUR", null), new StockItem("C", 5, 100, "EUR", null),
        new StockItem("D", 0, 100, "EUR", null));
    var stock = new StockReservations(inventory);
    List<OrderLine> lines = List.of(new OrderLine("A", 2), new OrderLine("B", 2), new OrderLine("C", 1),
        new OrderLine("D", 1));

    assertThatThrownBy(() -> stock.reserveAll("ord_1", lines))
        .isInstanceOfSatisfying(OutOfStockException.class, e -> assertThat(e.skus()).containsExactly("B", "D"))
        .hasMessage("out of stock: B, D");

    for (String sku : List.of("A", "B", "C", "D")) {
      assertThat(inventory.find(sku).orElseThrow().holds()).as(sku).isEmpty();
    }
    assertThat(inventory.find("A").orElseThrow().available()).isEqualTo(10);
    assertThat(inventory.find("C").orElseThrow().available()).isEqualTo(5);
  }

  @Test
  void anUnknownSkuFailsTheOrderAndHoldsNothing(DynaliteServer dynalite) {
    var inventory = inventory(dynalite, new StockItem("A", 10, 500, "EUR", null));
    var stock = new StockReservations(inventory);

    assertThatThrownBy(() -> stock.reserveAll("ord_1", List.of(new OrderLine("A", 1), new OrderLine("NOPE", 1))))
        .isInstanceOfSatisfying(UnknownSkuException.class, e -> assertThat(e.skus()).containsExactly("NOPE"));
    assertThat(inventory.find("A").orElseThrow().available()).isEqualTo(10);
    assertThat(inventory.find("NOPE")).isEmpty();
  }

  @Test
  void linesInDifferentCurrenciesFailTheOrderAndHoldNothing(DynaliteServer dynalite) {
    var inventory = inventory(dynalite, new StockItem("A", 10, 500, "EUR", null),
        new StockItem("B", 10, 500, "USD", null));
    var stock = new StockReservations(inventory);

    assertThatThrownBy(() -> stock.reserveAll("ord_1", List.of(new OrderLine("A", 1), new OrderLine("B", 1))))
        .isInstanceOf(MixedCurrencyException.class)
        .hasMessageContaining("EUR, USD");
    assertThat(inventory.find("A").orElseThrow().available()).isEqualTo(10);
    assertThat(inventory.find("B").orElseThrow().available()).isEqualTo(10);
  }

  @Test
  void aSkuItemWrittenWithoutHoldsOrSoldMapsCanStillBeReserved(DynaliteServer dynalite) {
    String table = DynaliteServer.uniqueTableName("inventory");
    Tables.create(dynalite.client(), table, "sku");
    var inventory = new DynamoDbInventoryRepository(dynalite.client(), table);
    dynalite.client().putItem(request -> request.tableName(table).item(Map.of(
        "sku", AttributeValue.fromS("A"), "available", AttributeValue.fromN("3"),
        "price", AttributeValue.fromN("100"), "currency", AttributeValue.fromS("EUR"))));

    PricedOrder priced = new StockReservations(inventory).reserveAll("ord_1", List.of(new OrderLine("A", 2)));

    assertThat(priced.total()).isEqualTo(200);
    assertThat(inventory.find("A").orElseThrow().holds()).containsExactlyEntriesOf(Map.of("ord_1", 2L));
    assertThat(inventory.find("A").orElseThrow().available()).isEqualTo(1);
  }

  @Test
  void concurrentOrdersNeverOversellAScarceSku(DynaliteServer dynalite) throws Exception {
    int units = 7;
    int orders = 50;
    var inventory = inventory(dynalite, new StockItem("SCARCE", units, 100, "EUR", null));
    var stock = new StockReservations(inventory);
    ExecutorService pool = Executors.newFixedThreadPool(orders);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < orders; i++) {
        String orderId = "ord_" + i;
        Callable<Boolean> reserve = () -> {
          start.await();
          try {
            stock.reserveAll(orderId, List.of(new OrderLine("SCARCE", 1)));
            return true;
          } catch (OutOfStockException soldOut) {
            return false;
          }
        };
        outcomes.add(pool.submit(reserve));
      }
      start.countDown();
      long reserved = 0;
      for (Future<Boolean> outcome : outcomes) {
        if (outcome.get()) {
          reserved++;
        }
      }
      StockLevel level = inventory.find("SCARCE").orElseThrow();
      assertThat(reserved).isEqualTo(units);
      assertThat(level.available()).isZero();
      assertThat(level.holds()).hasSize(units);
      assertThat(level.accountedUnits()).isEqualTo(units);
    } finally {
      pool.shutdownNow();
    }
  }
}
