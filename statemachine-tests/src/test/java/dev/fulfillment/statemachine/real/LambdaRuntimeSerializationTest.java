package dev.fulfillment.statemachine.real;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulfillment.local.sfn.TaskInvoker;
import dev.fulfillment.statemachine.support.InProcessLambda;
import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.tasks.handler.ReleaseStockHandler;
import dev.fulfillment.testing.DynaliteExtension;
import dev.fulfillment.testing.DynaliteServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A task's request as Lambda's Java runtime deserializes it (aws-lambda-java-serialization's JacksonFactory). */
@ExtendWith(DynaliteExtension.class)
class LambdaRuntimeSerializationTest {

  @Test
  void theLambdaRuntimeDeserializesATaskRequestRecord(DynaliteServer dynalite) throws Exception {
    InProcessLambda lambda = new InProcessLambda("ReleaseStock",
        new ReleaseStockHandler(dynalite.client(), new TableNames("o", "i", "p")),
        InProcessLambda.Serialization.LAMBDA_RUNTIME);
    TaskInvoker.LambdaResult result = lambda.invoke(new ObjectMapper().readTree(
        "{\"orderId\":\"ord_1\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}"));
    // Reaching the handler is enough: it then fails on the missing table, not on the request.
    assertThat(result).isInstanceOf(TaskInvoker.Raised.class);
    assertThat(((TaskInvoker.Raised) result).cause()).doesNotContain("InvalidDefinitionException");
  }
}
