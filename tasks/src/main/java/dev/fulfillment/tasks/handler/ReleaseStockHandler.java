package dev.fulfillment.tasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.fulfillment.tasks.config.AwsClients;
import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.tasks.domain.OrderLine;
import dev.fulfillment.tasks.domain.OrderStatus;
import dev.fulfillment.tasks.error.InvalidOrderTransitionException;
import dev.fulfillment.tasks.logging.JsonLogger;
import dev.fulfillment.tasks.order.DynamoDbOrderRepository;
import dev.fulfillment.tasks.order.OrderRepository;
import dev.fulfillment.tasks.priming.Priming;
import dev.fulfillment.tasks.stock.DynamoDbInventoryRepository;
import dev.fulfillment.tasks.stock.StockReservations;
import dev.fulfillment.tasks.validation.InputRules;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Compensation of ReserveStock and ConfirmOrder: returns everything the order holds or bought to stock,
 * so available + held + sold stays what it was on every path. A repeat returns nothing more.
 */
public final class ReleaseStockHandler implements RequestHandler<ReleaseStockRequest, ReleaseStockResponse>, Resource {

  private final OrderRepository orders;
  private final StockReservations stock;
  private final JsonLogger log;

  /** For the Lambda runtime: clients from the environment, registered for SnapStart priming. */
  public ReleaseStockHandler() {
    this(AwsClients.dynamoDb(), TableNames.fromEnvironment());
    Core.getGlobalContext().register(this);
  }

  public ReleaseStockHandler(DynamoDbClient dynamoDb, TableNames tables) {
    this(new DynamoDbOrderRepository(dynamoDb, tables.orders()),
        new StockReservations(new DynamoDbInventoryRepository(dynamoDb, tables.inventory())),
        JsonLogger.create("ReleaseStock"));
  }

  public ReleaseStockHandler(OrderRepository orders, StockReservations stock, JsonLogger log) {
    this.orders = orders;
    this.stock = stock;
    this.log = log;
  }

  @Override
  public ReleaseStockResponse handleRequest(ReleaseStockRequest request, Context context) {
    JsonLogger invocation = Invocations.logger(log, context, request == null ? null : request.orderId());
    return Invocations.logged(invocation, () -> {
      InputRules.present(request, "request");
      return release(InputRules.orderId(request.orderId()), InputRules.lines(request.lines()), invocation);
    });
  }

  private ReleaseStockResponse release(String orderId, List<OrderLine> lines, JsonLogger invocation) {
    // A confirmed order's goods are the customer's: giving them back to stock would sell them twice.
    if (orders.find(orderId).map(order -> order.status() == OrderStatus.CONFIRMED).orElse(false)) {
      throw new InvalidOrderTransitionException("order " + orderId + " is CONFIRMED; its stock is not released");
    }
    List<String> released = stock.releaseAll(orderId, lines);
    invocation.info("stock released", Map.of("released", released));
    return new ReleaseStockResponse(orderId, released);
  }

  /** SnapStart: prime before the snapshot, see {@link Priming} for what and why. */
  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    Priming.prime(new ReleaseStockRequest("ord_priming", List.of(new OrderLine("SKU-PRIMING", 1))),
        ReleaseStockRequest.class, new ReleaseStockResponse("ord_priming", List.of("SKU-PRIMING")),
        ReleaseStockResponse.class);
  }

  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    // Nothing to refresh: no connections or credentials were opened before the snapshot.
  }
}
