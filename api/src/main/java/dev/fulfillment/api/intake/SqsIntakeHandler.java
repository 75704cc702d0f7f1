package dev.fulfillment.api.intake;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
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
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SQS event source entry point for bulk orders. The event source mapping must enable
 * {@code ReportBatchItemFailures}; the work is done by {@link OrderIntake}.
 */
public final class SqsIntakeHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private final OrderIntake intake;
  private final JsonLogger log;
  @SuppressWarnings({"unused", "FieldCanBeLocal"}) // held so the CRaC context cannot lose it
  private Priming priming;

  /** For the Lambda runtime: configuration from the environment, clients built once per environment. */
  public SqsIntakeHandler() {
    this(ApiConfig.fromEnvironment(System.getenv()), AwsClients.dynamoDb(), AwsClients.sfn(), AwsClients.sqs(),
        JsonLogger.create(SqsIntakeHandler.class.getSimpleName()));
    priming = Priming.register(() -> Samples.primeIntake(intake));
  }

  public SqsIntakeHandler(ApiConfig config, DynamoDbClient dynamoDb, SfnClient sfn, SqsClient sqs, JsonLogger log) {
    this.intake = new OrderIntake(new OrderValidator(),
        new OrderStarter(new DynamoDbOrderRepository(dynamoDb, config.ordersTable()),
            new ExecutionStarter(sfn, config.stateMachineArn())),
        new DeadLetterQueue(sqs, config.dlqUrl()),
        config.maxBodyBytes());
    this.log = log;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return intake.process(event, log.withContext(context));
  }
}
