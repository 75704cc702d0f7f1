package dev.fulfillment.api.snapstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.fulfillment.api.http.OrdersApi;
import dev.fulfillment.api.start.ExecutionStarter;
import dev.fulfillment.api.start.OrderStarter;
import dev.fulfillment.api.validation.OrderValidator;
import dev.fulfillment.tasks.order.DynamoDbOrderRepository;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** SnapStart priming of the HTTP API: the SDK pipeline runs on canned answers; the handler's clients stay untouched. */
class SamplesTest {

  @Test
  void startExecutionRunsThroughTheWholePipelineOnACannedAnswer() {
    assertThat(Samples.exerciseStepFunctions()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:priming:priming");
  }

  @Test
  void primingTheHttpApiNeverUsesItsClients() {
    DynamoDbClient dynamoDb = mock(DynamoDbClient.class);
    SfnClient sfn = mock(SfnClient.class);
    DynamoDbOrderRepository orders = new DynamoDbOrderRepository(dynamoDb, "orders");
    OrdersApi api = new OrdersApi(new OrderValidator(),
        new OrderStarter(orders, new ExecutionStarter(sfn, "arn:aws:states:us-east-1:123456789012:stateMachine:F")),
        orders, 256 * 1024);

    Samples.primeHttp(api);

    verifyNoInteractions(dynamoDb, sfn);
  }
}
