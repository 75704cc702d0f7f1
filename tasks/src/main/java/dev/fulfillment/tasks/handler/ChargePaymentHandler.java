package dev.fulfillment.tasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.fulfillment.tasks.config.AwsClients;
import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.tasks.domain.Order;
import dev.fulfillment.tasks.domain.OrderStatus;
import dev.fulfillment.tasks.error.InvalidOrderTransitionException;
import dev.fulfillment.tasks.error.InvalidTaskInputException;
import dev.fulfillment.tasks.error.OrderNotFoundException;
import dev.fulfillment.tasks.logging.JsonLogger;
import dev.fulfillment.tasks.order.DynamoDbOrderRepository;
import dev.fulfillment.tasks.order.OrderRepository;
import dev.fulfillment.tasks.payment.DynamoDbPaymentLedger;
import dev.fulfillment.tasks.payment.LedgerEntry;
import dev.fulfillment.tasks.payment.PaymentProvider;
import dev.fulfillment.tasks.payment.Payments;
import dev.fulfillment.tasks.payment.SandboxPaymentProvider;
import dev.fulfillment.tasks.priming.Priming;
import dev.fulfillment.tasks.validation.InputRules;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Step 2: charges the reserved order once and moves it RESERVED -> PAID. The payment token is read
 * from the order item (it is never in the execution input, whose history Step Functions keeps).
 */
public final class ChargePaymentHandler implements RequestHandler<ChargePaymentRequest, ChargePaymentResponse>,
    Resource {

  private final OrderRepository orders;
  private final Payments payments;
  private final JsonLogger log;

  /** For the Lambda runtime: clients from the environment, registered for SnapStart priming. */
  public ChargePaymentHandler() {
    this(AwsClients.dynamoDb(), TableNames.fromEnvironment(), new SandboxPaymentProvider());
    Core.getGlobalContext().register(this);
  }

  public ChargePaymentHandler(DynamoDbClient dynamoDb, TableNames tables, PaymentProvider provider) {
    this(new DynamoDbOrderRepository(dynamoDb, tables.orders()),
        new Payments(new DynamoDbPaymentLedger(dynamoDb, tables.payments()), provider, Clock.systemUTC()),
        JsonLogger.create("ChargePayment"));
  }

  public ChargePaymentHandler(OrderRepository orders, Payments payments, JsonLogger log) {
    this.orders = orders;
    this.payments = payments;
    this.log = log;
  }

  @Override
  public ChargePaymentResponse handleRequest(ChargePaymentRequest request, Context context) {
    JsonLogger invocation = Invocations.logger(log, context, request == null ? null : request.orderId());
    return Invocations.logged(invocation, () -> {
      InputRules.present(request, "request");
      return charge(InputRules.orderId(request.orderId()), InputRules.amount(request.amount()),
          InputRules.currency(request.currency()), invocation);
    });
  }

  private ChargePaymentResponse charge(String orderId, long amount, String currency, JsonLogger invocation) {
    Order order = orders.find(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    if (!EnumSet.of(OrderStatus.RESERVED, OrderStatus.PAID, OrderStatus.CONFIRMED).contains(order.status())) {
      throw new InvalidOrderTransitionException("order " + orderId + " is " + order.status()
          + "; only a RESERVED order is charged");
    }
    // The amount comes from the workflow, the truth from the order: never charge what was not priced.
    if (!Objects.equals(order.total(), amount) || !currency.equals(order.currency())) {
      throw new InvalidTaskInputException("amount " + amount + " " + currency + " does not match the total of order "
          + orderId);
    }
    String token = orders.findPaymentToken(orderId).orElse(null);
    LedgerEntry charge = payments.charge(orderId, token, amount, currency);
    if (order.status() == OrderStatus.RESERVED) {
      orders.transition(orderId, EnumSet.of(OrderStatus.RESERVED), OrderStatus.PAID, null);
    }
    invocation.info("payment charged", Map.of("chargeId", charge.chargeId(), "amount", amount, "currency", currency));
    return new ChargePaymentResponse(orderId, charge.chargeId(), charge.amount(), charge.currency(),
        charge.status().name());
  }

  /** SnapStart: prime before the snapshot, see {@link Priming} for what and why. */
  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    Priming.prime(new ChargePaymentRequest("ord_priming", 100L, "EUR"), ChargePaymentRequest.class,
        new ChargePaymentResponse("ord_priming", "ch_priming", 100, "EUR", "CHARGED"), ChargePaymentResponse.class);
  }

  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    // Nothing to refresh: no connections or credentials were opened before the snapshot.
  }
}
