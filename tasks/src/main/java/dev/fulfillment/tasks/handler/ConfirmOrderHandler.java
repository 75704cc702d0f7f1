package dev.fulfillment.tasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.fulfillment.tasks.config.AwsClients;
import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.tasks.domain.Order;
import dev.fulfillment.tasks.domain.OrderLine;
import dev.fulfillment.tasks.domain.OrderStatus;
import dev.fulfillment.tasks.error.InvalidOrderTransitionException;
import dev.fulfillment.tasks.error.OrderNotFoundException;
import dev.fulfillment.tasks.logging.JsonLogger;
import dev.fulfillment.tasks.order.DynamoDbOrderRepository;
import dev.fulfillment.tasks.order.OrderRepository;
import dev.fulfillment.tasks.priming.Priming;
import dev.fulfillment.tasks.stock.DynamoDbInventoryRepository;
import dev.fulfillment.tasks.stock.StockReservations;
import dev.fulfillment.tasks.validation.InputRules;
import java.util.EnumSet;
import java.util.List;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Step 3: turns the order's holds into sold units and moves it PAID -> CONFIRMED. Idempotent. */
public final class ConfirmOrderHandler implements RequestHandler<ConfirmOrderRequest, ConfirmOrderResponse>, Resource {

  private final OrderRepository orders;
  private final StockReservations stock;
  private final JsonLogger log;

  /** For the Lambda runtime: clients from the environment, registered for SnapStart priming. */
  public ConfirmOrderHandler() {
    this(AwsClients.dynamoDb(), TableNames.fromEnvironment());
    Core.getGlobalContext().register(this);
  }

  public ConfirmOrderHandler(DynamoDbClient dynamoDb, TableNames tables) {
    this(new DynamoDbOrderRepository(dynamoDb, tables.orders()),
        new StockReservations(new DynamoDbInventoryRepository(dynamoDb, tables.inventory())),
        JsonLogger.create("ConfirmOrder"));
  }

  public ConfirmOrderHandler(OrderRepository orders, StockReservations stock, JsonLogger log) {
    this.orders = orders;
    this.stock = stock;
    this.log = log;
  }

  @Override
  public ConfirmOrderResponse handleRequest(ConfirmOrderRequest request, Context context) {
    JsonLogger invocation = Invocations.logger(log, context, request == null ? null : request.orderId());
    return Invocations.logged(invocation, () -> {
      InputRules.present(request, "request");
      return confirm(InputRules.orderId(request.orderId()), InputRules.lines(request.lines()), invocation);
    });
  }

  private ConfirmOrderResponse confirm(String orderId, List<OrderLine> lines, JsonLogger invocation) {
    Order order = orders.find(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    if (order.status() == OrderStatus.CONFIRMED) {
      return new ConfirmOrderResponse(orderId, OrderStatus.CONFIRMED);
    }
    if (order.status() != OrderStatus.PAID) {
      throw new InvalidOrderTransitionException("order " + orderId + " is " + order.status()
          + "; only a PAID order is confirmed");
    }
    stock.confirmAll(orderId, lines);
    orders.transition(orderId, EnumSet.of(OrderStatus.PAID), OrderStatus.CONFIRMED, null);
    invocation.info("order confirmed");
    return new ConfirmOrderResponse(orderId, OrderStatus.CONFIRMED);
  }

  /** SnapStart: prime before the snapshot, see {@link Priming} for what and why. */
  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    Priming.prime(new ConfirmOrderRequest("ord_priming", List.of(new OrderLine("SKU-PRIMING", 1))),
        ConfirmOrderRequest.class, new ConfirmOrderResponse("ord_priming", OrderStatus.CONFIRMED),
        ConfirmOrderResponse.class);
  }

  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    // Nothing to refresh: no connections or credentials were opened before the snapshot.
  }
}
