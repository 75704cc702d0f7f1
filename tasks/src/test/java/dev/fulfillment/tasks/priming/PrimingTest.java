package dev.fulfillment.tasks.priming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.tasks.handler.ChargePaymentHandler;
import dev.fulfillment.tasks.handler.ConfirmOrderHandler;
import dev.fulfillment.tasks.handler.MarkOrderFailedHandler;
import dev.fulfillment.tasks.handler.RefundPaymentHandler;
import dev.fulfillment.tasks.handler.ReleaseStockHandler;
import dev.fulfillment.tasks.handler.ReserveStockHandler;
import dev.fulfillment.tasks.payment.SandboxPaymentProvider;
import java.util.List;
import org.crac.Resource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** SnapStart priming runs the SDK's pipeline on canned answers and never touches the handlers' own clients. */
class PrimingTest {

  @Test
  void theDynamoDbPipelineRunsOnCannedAnswersWithoutANetwork() {
    // No endpoint, no credentials in the environment are needed: the canned client answers every call.
    assertThat(Priming.exerciseDynamoDb()).isEqualTo(3);
  }

  @Test
  void everyHandlerPrimesWithoutUsingItsClient() throws Exception {
    DynamoDbClient client = mock(DynamoDbClient.class);
    TableNames tables = new TableNames("orders", "inventory", "payments");
    SandboxPaymentProvider provider = new SandboxPaymentProvider();
    List<Resource> handlers = List.of(new ReserveStockHandler(client, tables),
        new ChargePaymentHandler(client, tables, provider), new ConfirmOrderHandler(client, tables),
        new ReleaseStockHandler(client, tables), new RefundPaymentHandler(client, tables, provider),
        new MarkOrderFailedHandler(client, tables));
    for (Resource handler : handlers) {
      handler.beforeCheckpoint(null);
    }
    verifyNoInteractions(client);
  }
}
