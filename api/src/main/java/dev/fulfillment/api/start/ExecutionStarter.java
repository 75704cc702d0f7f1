package dev.fulfillment.api.start;

import dev.fulfillment.api.order.OrderId;
import dev.fulfillment.api.order.OrderRequest;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;

/** Starts the fulfillment workflow for an order, once, whatever the number of calls. */
public final class ExecutionStarter {

  private final SfnClient sfn;
  private final String stateMachineArn;

  public ExecutionStarter(SfnClient sfn, String stateMachineArn) {
    this.sfn = sfn;
    this.stateMachineArn = stateMachineArn;
  }

  /** What StartExecution said: the execution's ARN, and whether it existed before this call. */
  public record StartedExecution(String executionArn, boolean alreadyExisted) {
  }

  /**
   * Starts execution {@code orderId} with the canonical input.
   *
   * <p>StartExecution rules (API reference, "name"): with the same name and the same input as an
   * open execution the call succeeds and returns the original execution; with a closed execution of
   * that name it fails with ExecutionAlreadyExists whatever the input. Since the name is the order id
   * and the input is canonical, ExecutionAlreadyExists here means "this order was already started",
   * so it counts as success; its ARN is computed because the error carries none.
   *
   * @param orderId the execution name and the idempotency key of the start
   */
  public StartedExecution start(OrderId orderId, OrderRequest request) {
    StartExecutionRequest startRequest = StartExecutionRequest.builder()
        .stateMachineArn(stateMachineArn)
        .name(orderId.value())
        .input(ExecutionInput.of(orderId, request))
        .build();
    try {
      return new StartedExecution(sfn.startExecution(startRequest).executionArn(), false);
    } catch (ExecutionAlreadyExistsException e) {
      return new StartedExecution(executionArn(orderId), true);
    }
  }

  /**
   * The ARN of the execution named {@code orderId}: an execution ARN is
   * {@code arn:<partition>:states:<region>:<account>:execution:<stateMachineName>:<executionName>};
   * a version or alias qualifier on the state machine ARN is not part of it.
   */
  public String executionArn(OrderId orderId) {
    String[] parts = stateMachineArn.split(":");
    if (parts.length < 7 || !parts[5].equals("stateMachine")) {
      throw new IllegalStateException("STATE_MACHINE_ARN is not a state machine ARN: " + stateMachineArn);
    }
    return String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], "execution", parts[6], orderId.value());
  }
}
