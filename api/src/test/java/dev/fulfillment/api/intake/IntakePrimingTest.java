package dev.fulfillment.api.intake;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.fulfillment.api.snapstart.Samples;
import dev.fulfillment.api.start.ExecutionStarter;
import dev.fulfillment.api.start.OrderStarter;
import dev.fulfillment.api.validation.OrderValidator;
import dev.fulfillment.tasks.order.DynamoDbOrderRepository;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SnapStart priming of the SQS intake never reaches its clients: no order stored, started or dead-lettered. */
class IntakePrimingTest {

  @Test
  void primingTheIntakeNeverUsesItsClients() {
    DynamoDbClient dynamoDb = mock(DynamoDbClient.class);
    SfnClient sfn = mock(SfnClient.class);
    SqsClient sqs = mock(SqsClient.class);
    OrderIntake intake = new OrderIntake(new OrderValidator(),
        new OrderStarter(new DynamoDbOrderRepository(dynamoDb, "orders"),
            new ExecutionStarter(sfn, "arn:aws:states:us-east-1:123456789012:stateMachine:F")),
        new DeadLetterQueue(sqs, "https://sqs.us-east-1.amazonaws.com/123456789012/dlq"), 256 * 1024);

    Samples.primeIntake(intake);

    verifyNoInteractions(dynamoDb, sfn, sqs);
  }
}
