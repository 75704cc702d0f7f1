package dev.fulfillment.api.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fulfillment.api.config.ApiConfig;
import dev.fulfillment.api.config.AwsClients;
import dev.fulfillment.api.snapstart.Priming;
import dev.fulfillment.api.snapstart.Samples;
import dev.fulfillment.api.start.ExecutionStarter;
import dev.fulfillment.api.start.OrderStarter;
import dev.fulfillment.api.validation.OrderValidator;
import dev.fulfillment.tasks.logging.JsonLogger;
import dev.fulfillment.tasks.order.DynamoDbOrderRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * API Gateway HTTP API (payload format 2.0) entry point: {@code POST /orders} and
 * {@code GET /orders/{orderId}}. The work is done by {@link OrdersApi}.
 */
public final class HttpApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final OrdersApi api;
  private final JsonLogger log;
  @SuppressWarnings({"unused", "FieldCanBeLocal"}) // held so the CRaC context cannot lose it
  private Priming priming;

  /** For the Lambda runtime: configuration from the environment, clients built once per environment. */
  public HttpApiHandler() {
    this(ApiConfig.fromEnvironment(System.getenv()), AwsClients.dynamoDb(), AwsClients.sfn(),
        JsonLogger.create(HttpApiHandler.class.getSimpleName()));
    priming = Priming.register(() -> Samples.primeHttp(api));
  }

  public HttpApiHandler(ApiConfig config, DynamoDbClient dynamoDb, SfnClient sfn, JsonLogger log) {
    this.api = new OrdersApi(new OrderValidator(),
        new OrderStarter(new DynamoDbOrderRepository(dynamoDb, config.ordersTable()),
            new ExecutionStarter(sfn, config.stateMachineArn())),
        new DynamoDbOrderRepository(dynamoDb, config.ordersTable()),
        config.maxBodyBytes());
    this.log = log;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String requestId = context == null ? null : context.getAwsRequestId();
    return api.handle(event, requestId, log.withContext(context));
  }
}
