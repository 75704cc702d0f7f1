package dev.fulfillment.tasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.fulfillment.tasks.config.AwsClients;
import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.tasks.domain.OrderStatus;
import dev.fulfillment.tasks.error.InvalidOrderTransitionException;
import dev.fulfillment.tasks.logging.JsonLogger;
import dev.fulfillment.tasks.order.DynamoDbOrderRepository;
import dev.fulfillment.tasks.order.OrderRepository;
import dev.fulfillment.tasks.payment.DynamoDbPaymentLedger;
import dev.fulfillment.tasks.payment.PaymentProvider;
import dev.fulfillment.tasks.payment.Payments;
import dev.fulfillment.tasks.payment.SandboxPaymentProvider;
import dev.fulfillment.tasks.priming.Priming;
import dev.fulfillment.tasks.validation.InputRules;
import java.time.Clock;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Compensation of ChargePayment: refunds a CHARGED payment once; a no-op when nothing was charged. */
public final class RefundPaymentHandler implements RequestHandler<RefundPaymentRequest, RefundPaymentResponse>,
    Resource {

  private final OrderRepository orders;
  private final Payments payments;
  private final JsonLogger log;

  /** For the Lambda runtime: clients from the environment, registered for SnapStart priming. */
  public RefundPaymentHandler() {
    this(AwsClients.dynamoDb(), TableNames.fromEnvironment(), new SandboxPaymentProvider());
    Core.getGlobalContext().register(this);
  }

  public RefundPaymentHandler(DynamoDbClient dynamoDb, TableNames tables, PaymentProvider provider) {
    this(new DynamoDbOrderRepository(dynamoDb, tables.orders()),
        new Payments(new DynamoDbPaymentLedger(dynamoDb, tables.payments()), provider, Clock.systemUTC()),
        JsonLogger.create("RefundPayment"));
  }

  public RefundPaymentHandler(OrderRepository orders, Payments payments, JsonLogger log) {
    this.orders = orders;
    this.payments = payments;
    this.log = log;
  }

  @Override
  public RefundPaymentResponse handleRequest(RefundPaymentRequest request, Context context) {
    JsonLogger invocation = Invocations.logger(log, context, request == null ? null : request.orderId());
    return Invocations.logged(invocation, () -> {
      InputRules.present(request, "request");
      String orderId = InputRules.orderId(request.orderId());
      // A confirmed order was delivered as paid for; refunding it is not a compensation.
      if (orders.find(orderId).map(order -> order.status() == OrderStatus.CONFIRMED).orElse(false)) {
        throw new InvalidOrderTransitionException("order " + orderId + " is CONFIRMED; it is not refunded");
      }
      Payments.Refund refund = payments.refund(orderId);
      invocation.info(refund.refunded() ? "payment refunded" : "nothing to refund", Map.of("amount", refund.amount()));
      return new RefundPaymentResponse(orderId, refund.refunded(), refund.amount());
    });
  }

  /** SnapStart: prime before the snapshot, see {@link Priming} for what and why. */
  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    Priming.prime(new RefundPaymentRequest("ord_priming"), RefundPaymentRequest.class,
        new RefundPaymentResponse("ord_priming", true, 100), RefundPaymentResponse.class);
  }

  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    // Nothing to refresh: no connections or credentials were opened before the snapshot.
  }
}
