package dev.fulfillment.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.fulfillment.api.config.ApiConfig;
import dev.fulfillment.api.http.HttpApiHandler;
import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.tasks.handler.ChargePaymentHandler;
import dev.fulfillment.tasks.handler.ConfirmOrderHandler;
import dev.fulfillment.tasks.handler.MarkOrderFailedHandler;
import dev.fulfillment.tasks.handler.RefundPaymentHandler;
import dev.fulfillment.tasks.handler.ReleaseStockHandler;
import dev.fulfillment.tasks.handler.ReserveStockHandler;
import dev.fulfillment.tasks.logging.JsonLogger;
import dev.fulfillment.tasks.payment.SandboxPaymentProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The baseline: our handlers' logic with clients from the SDK's default builder ({@code create()}),
 * nothing chosen by hand. Only the client construction differs from the tuned variant, so the ratio
 * measures exactly the start-up choices (HTTP client, explicit region, JVM flags).
 */
final class NaiveHandlers {

  private NaiveHandlers() {
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static RequestHandler<Object, Object> create(String handlerClass) {
    TableNames tables = TableNames.fromEnvironment();
    RequestHandler handler = switch (handlerClass) {
      case "dev.fulfillment.tasks.handler.ReserveStockHandler" -> new ReserveStockHandler(DynamoDbClient.create(), tables);
      case "dev.fulfillment.tasks.handler.ChargePaymentHandler" ->
          new ChargePaymentHandler(DynamoDbClient.create(), tables, new SandboxPaymentProvider());
      case "dev.fulfillment.tasks.handler.ConfirmOrderHandler" -> new ConfirmOrderHandler(DynamoDbClient.create(), tables);
      case "dev.fulfillment.tasks.handler.ReleaseStockHandler" -> new ReleaseStockHandler(DynamoDbClient.create(), tables);
      case "dev.fulfillment.tasks.handler.RefundPaymentHandler" ->
          new RefundPaymentHandler(DynamoDbClient.create(), tables, new SandboxPaymentProvider());
      case "dev.fulfillment.tasks.handler.MarkOrderFailedHandler" -> new MarkOrderFailedHandler(DynamoDbClient.create(), tables);
      case "dev.fulfillment.api.http.HttpApiHandler" -> new HttpApiHandler(ApiConfig.fromEnvironment(System.getenv()),
          DynamoDbClient.create(), SfnClient.create(), JsonLogger.create("HttpApiHandler"));
      default -> throw new IllegalArgumentException("no naive variant for " + handlerClass);
    };
    return handler;
  }
}
