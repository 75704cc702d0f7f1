package dev.fulfillment.api.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import dev.fulfillment.api.order.OrderId;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;

class ExecutionStarterTest {

  @Test
  void derivesTheExecutionArnFromTheStateMachineArnWithoutItsQualifier() {
    OrderId id = OrderId.fromIdempotencyKey("k-1");

    assertThat(new ExecutionStarter(mock(SfnClient.class), "arn:aws:states:eu-west-1:1:stateMachine:Flow").executionArn(id))
        .isEqualTo("arn:aws:states:eu-west-1:1:execution:Flow:ord_k-1");
    assertThat(new ExecutionStarter(mock(SfnClient.class), "arn:aws-cn:states:cn-north-1:1:stateMachine:Flow:prod")
        .executionArn(id)).isEqualTo("arn:aws-cn:states:cn-north-1:1:execution:Flow:ord_k-1");
    assertThatThrownBy(() -> new ExecutionStarter(mock(SfnClient.class), "arn:aws:lambda:eu-west-1:1:function:f")
        .executionArn(id)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void keepsOrderIdsWithinTheExecutionNameRules() {
    assertThat(OrderId.fromIdempotencyKey("k".repeat(64)).value()).hasSize(68);
    assertThat(OrderId.fromSqsMessageId("059f36b4-87a3-44ab-83d2-661975830a7d").value())
        .isEqualTo("ord_sqs-059f36b4-87a3-44ab-83d2-661975830a7d");
    assertThat(OrderId.fromSqsMessageId("not a uuid/with:odd chars").value())
        .matches("ord_sqs-[0-9a-f-]{36}")
        .isEqualTo(OrderId.fromSqsMessageId("not a uuid/with:odd chars").value());
    assertThat(OrderId.generate()).isNotEqualTo(OrderId.generate());
  }
}
