package dev.fulfillment.tasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.fulfillment.tasks.config.AwsClients;
import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.tasks.domain.Order;
import dev.fulfillment.tasks.domain.OrderLine;
import dev.fulfillment.tasks.domain.PricedLine;
import dev.fulfillment.tasks.error.InvalidOrderTransitionException;
import dev.fulfillment.tasks.error.InvalidTaskInputException;
import dev.fulfillment.tasks.error.OrderNotFoundException;
import dev.fulfillment.tasks.logging.JsonLogger;
import dev.fulfillment.tasks.order.DynamoDbOrderRepository;
import dev.fulfillment.tasks.order.OrderRepository;
import dev.fulfillment.tasks.priming.Priming;
import dev.fulfillment.tasks.stock.DynamoDbInventoryRepository;
import dev.fulfillment.tasks.stock.PricedOrder;
import dev.fulfillment.tasks.stock.StockReservations;
import dev.fulfillment.tasks.validation.InputRules;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Step 1: holds stock for every line, prices the order from the inventory and moves it RECEIVED ->
 * RESERVED. Nothing stays held when it fails. Idempotent on the order id.
 */
public final class ReserveStockHandler implements RequestHandler<ReserveStockRequest, ReserveStockResponse>, Resource {

  private final OrderRepository orders;
  private final StockReservations stock;
  private final JsonLogger log;

  /** For the Lambda runtime: clients from the environment, registered for SnapStart priming. */
  public ReserveStockHandler() {
    this(AwsClients.dynamoDb(), TableNames.fromEnvironment());
    Core.getGlobalContext().register(this);
  }

  public ReserveStockHandler(DynamoDbClient dynamoDb, TableNames tables) {
    this(new DynamoDbOrderRepository(dynamoDb, tables.orders()),
        new StockReservations(new DynamoDbInventoryRepository(dynamoDb, tables.inventory())),
        JsonLogger.create("ReserveStock"));
  }

  public ReserveStockHandler(OrderRepository orders, StockReservations stock, JsonLogger log) {
    this.orders = orders;
    this.stock = stock;
    this.log = log;
  }

  @Override
  public ReserveStockResponse handleRequest(ReserveStockRequest request, Context context) {
    JsonLogger invocation = Invocations.logger(log, context, request == null ? null : request.orderId());
    return Invocations.logged(invocation, () -> {
      InputRules.present(request, "request");
      return reserve(InputRules.orderId(request.orderId()), InputRules.lines(request.lines()), invocation);
    });
  }

  private ReserveStockResponse reserve(String orderId, List<OrderLine> lines, JsonLogger invocation) {
    Order order = orders.find(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    switch (order.status()) {
      case RESERVED, PAID, CONFIRMED -> {
        invocation.info("stock already reserved", Map.of("status", order.status()));
        return response(orderId, order.pricedLines(), order.total(), order.currency());
      }
      case FAILED -> throw new InvalidOrderTransitionException("order " + orderId + " has FAILED; no stock is reserved");
      case RECEIVED -> {
        // reserve below
      }
    }
    if (!order.lines().isEmpty() && !new HashSet<>(order.lines()).equals(new HashSet<>(lines))) {
      throw new InvalidTaskInputException("lines do not match the lines stored with order " + orderId);
    }
    PricedOrder priced = stock.reserveAll(orderId, lines);
    try {
      orders.markReserved(orderId, priced.lines(), priced.total(), priced.currency());
    } catch (InvalidOrderTransitionException failedMeanwhile) {
      // The order failed while we reserved: give the stock back rather than strand it.
      stock.releaseAll(orderId, lines);
      throw failedMeanwhile;
    }
    invocation.info("stock reserved", Map.of("lines", lines.size(), "total", priced.total(),
        "currency", priced.currency()));
    return response(orderId, priced.lines(), priced.total(), priced.currency());
  }

  private static ReserveStockResponse response(String orderId, List<PricedLine> lines, Long total, String currency) {
    return new ReserveStockResponse(orderId, lines, total == null ? 0 : total, currency);
  }

  /** SnapStart: prime before the snapshot, see {@link Priming} for what and why. */
  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    Priming.prime(new ReserveStockRequest("ord_priming", List.of(new OrderLine("SKU-PRIMING", 1))),
        ReserveStockRequest.class,
        new ReserveStockResponse("ord_priming", List.of(new PricedLine("SKU-PRIMING", 1, 100)), 100, "EUR"),
        ReserveStockResponse.class);
    InputRules.lines(List.of(new OrderLine("SKU-PRIMING", 1)));
  }

  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    // Nothing to refresh: no connections or credentials were opened before the snapshot.
  }
}
