package dev.fulfillment.statemachine.mocked;

import static dev.fulfillment.statemachine.mocked.MockedScenarios.LINES;
import static dev.fulfillment.statemachine.mocked.MockedScenarios.ORDER;
import static dev.fulfillment.statemachine.support.ExecutionAssert.assertThatExecution;
import static dev.fulfillment.workflow.StateNames.CHARGE_PAYMENT;
import static dev.fulfillment.workflow.StateNames.COMPENSATION_FAILED;
import static dev.fulfillment.workflow.StateNames.CONFIRM_ORDER;
import static dev.fulfillment.workflow.StateNames.MARK_ORDER_FAILED;
import static dev.fulfillment.workflow.StateNames.ORDER_CONFIRMED;
import static dev.fulfillment.workflow.StateNames.ORDER_FAILED;
import static dev.fulfillment.workflow.StateNames.REFUND_PAYMENT;
import static dev.fulfillment.workflow.StateNames.RELEASE_STOCK;
import static dev.fulfillment.workflow.StateNames.RESERVE_STOCK;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulfillment.local.sfn.MockConfig;
import dev.fulfillment.local.sfn.SfnException;
import dev.fulfillment.statemachine.support.DeployedStack;
import dev.fulfillment.statemachine.support.ExecutionRun;
import dev.fulfillment.statemachine.support.LocalWorkflow;
import dev.fulfillment.statemachine.support.WorkflowVariant;
import dev.fulfillment.workflow.ErrorNames;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path of the deployed state machine with mocked tasks (test cases of {@code mock-config.json}): the states
 * entered, the output or error and cause, the calls of each task and, for retries, the virtual-time intervals.
 */
class MockedTaskPathsTest {
  private static final String THROTTLED =
      software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException.class.getName();
  private static final String DEPLOYED = DeployedStack.get().definition();

  private LocalWorkflow workflow = LocalWorkflow.mocked(DEPLOYED, MockedScenarios.FILE);

  @AfterEach
  void close() {
    workflow.close();
  }

  private ExecutionRun run(String testCase) {
    return workflow.runTestCase(testCase, "ord_1", ORDER);
  }

  static Stream<MockConfig> bothForms() {
    return Stream.of(MockedScenarios.FILE, MockedScenarios.javaForm(LocalWorkflow.MACHINE_NAME));
  }

  @ParameterizedTest
  @MethodSource("bothForms")
  void happyPathReservesChargesConfirmsAndReturnsTheCharge(MockConfig mocks) {
    workflow.close();
    workflow = LocalWorkflow.mocked(DEPLOYED, mocks);
    assertThatExecution(run("HappyPath"))
        .succeeded()
        .enteredStates(RESERVE_STOCK, CHARGE_PAYMENT, CONFIRM_ORDER, ORDER_CONFIRMED)
        .invoked(RESERVE_STOCK, 1).invoked(CHARGE_PAYMENT, 1).invoked(CONFIRM_ORDER, 1)
        .invokedWith(RESERVE_STOCK, "{\"orderId\":\"ord_1\",\"lines\":" + LINES + "}")
        .invokedWith(CHARGE_PAYMENT, "{\"orderId\":\"ord_1\",\"amount\":2500,\"currency\":\"EUR\"}")
        .invokedWith(CONFIRM_ORDER, "{\"orderId\":\"ord_1\",\"lines\":" + LINES + "}")
        .outputContains("""
            {"orderId":"ord_1","status":"CONFIRMED","chargeId":"ch_ord_1","total":2500,"currency":"EUR"}""");
  }

  @Test
  void outOfStockMarksTheOrderFailedWithoutAttemptingACharge() {
    assertThatExecution(run("OutOfStock"))
        .failedWith(ErrorNames.OUT_OF_STOCK)
        .causeContains("Order ord_1 failed in ReserveStock: out of stock: SKU-1 (2 wanted)")
        .enteredStates(RESERVE_STOCK, MARK_ORDER_FAILED, ORDER_FAILED)
        .invoked(CHARGE_PAYMENT, 0).invoked(RELEASE_STOCK, 0)
        .invokedWith(MARK_ORDER_FAILED, "{\"orderId\":\"ord_1\",\"reason\":\"out of stock: SKU-1 (2 wanted)\","
            + "\"error\":\"" + ErrorNames.OUT_OF_STOCK + "\"}");
  }

  @ParameterizedTest
  @MethodSource("bothForms")
  void declinedPaymentReleasesTheStockAndFailsTheOrderWithTheReason(MockConfig mocks) {
    workflow.close();
    workflow = LocalWorkflow.mocked(DEPLOYED, mocks);
    assertThatExecution(run("PaymentDeclined"))
        .failedWith(ErrorNames.PAYMENT_DECLINED)
        .causeContains("Order ord_1 failed in ChargePayment: card declined: insufficient_funds")
        .enteredStates(RESERVE_STOCK, CHARGE_PAYMENT, RELEASE_STOCK, MARK_ORDER_FAILED, ORDER_FAILED)
        .invoked(CHARGE_PAYMENT, 1).invoked(REFUND_PAYMENT, 0)
        .invoked(RELEASE_STOCK, 1).invokedWith(RELEASE_STOCK, "{\"orderId\":\"ord_1\",\"lines\":" + LINES + "}")
        .invokedWith(MARK_ORDER_FAILED, "{\"orderId\":\"ord_1\",\"reason\":\"card declined: insufficient_funds\","
            + "\"error\":\"" + ErrorNames.PAYMENT_DECLINED + "\"}");
  }

  @Test
  void transientPaymentErrorsAreRetriedWithJitteredBackOffUntilTheChargeSucceeds() {
    assertThatExecution(run("PaymentProviderRecovers"))
        .succeeded()
        .enteredStates(RESERVE_STOCK, CHARGE_PAYMENT, CONFIRM_ORDER, ORDER_CONFIRMED)
        .invoked(CHARGE_PAYMENT, 3)
        // interval 2 s, back-off 2, FULL jitter: each wait is within [0, 2 s] then [0, 4 s].
        .retriedWithinJitterBounds(CHARGE_PAYMENT, ofSeconds(2), ofSeconds(4));
  }

  @Test
  void exhaustedPaymentRetriesRefundReleaseAndFailTheOrder() {
    assertThatExecution(run("PaymentRetriesExhausted"))
        .failedWith(ErrorNames.PAYMENT_PROVIDER_UNAVAILABLE)
        .enteredStates(RESERVE_STOCK, CHARGE_PAYMENT, REFUND_PAYMENT, RELEASE_STOCK, MARK_ORDER_FAILED,
            ORDER_FAILED)
        .invoked(CHARGE_PAYMENT, 4)
        .retriedWithinJitterBounds(CHARGE_PAYMENT, ofSeconds(2), ofSeconds(4), ofSeconds(8))
        .invoked(REFUND_PAYMENT, 1).invokedWith(REFUND_PAYMENT, "{\"orderId\":\"ord_1\"}")
        .invoked(RELEASE_STOCK, 1);
  }

  @Test
  void aFailureAfterPaymentRefundsThenReleases() {
    assertThatExecution(run("FailureAfterPayment"))
        .failedWith("dev.fulfillment.tasks.error.StockNotHeldException")
        .causeContains("Order ord_1 failed in ConfirmOrder: order ord_1 holds no SKU-1")
        .enteredStates(RESERVE_STOCK, CHARGE_PAYMENT, CONFIRM_ORDER, REFUND_PAYMENT, RELEASE_STOCK,
            MARK_ORDER_FAILED, ORDER_FAILED)
        .invoked(CONFIRM_ORDER, 1).invoked(REFUND_PAYMENT, 1).invoked(RELEASE_STOCK, 1);
  }

  @Test
  void aCompensationThatKeepsFailingEndsInTheAlarmedCompensationFailed() {
    assertThatExecution(run("CompensationFails"))
        .failedWith(ErrorNames.COMPENSATION_FAILED)
        .causeContains("Order ord_1 needs repair: ReleaseStock failed (" + THROTTLED + ": inventory busy) while compensating for ChargePayment (" + ErrorNames.PAYMENT_DECLINED + ")")
        .enteredStates(RESERVE_STOCK, CHARGE_PAYMENT, RELEASE_STOCK, COMPENSATION_FAILED)
        .invoked(RELEASE_STOCK, 6).invoked(MARK_ORDER_FAILED, 0)
        // compensation retrier: 2 s x2, 5 retries, MaxDelaySeconds 30, FULL jitter.
        .retriedWithinJitterBounds(RELEASE_STOCK, ofSeconds(2), ofSeconds(4), ofSeconds(8), ofSeconds(16),
            ofSeconds(30));
  }

  @Test
  void aChargeThatTimesOutIsRefundedBecauseTheProviderMayHaveCharged() {
    assertThatExecution(run("ChargeTimesOut"))
        .failedWith(ErrorNames.STATES_TIMEOUT)
        .causeContains("Order ord_1 failed in ChargePayment: States.Timeout")
        .enteredStates(RESERVE_STOCK, CHARGE_PAYMENT, REFUND_PAYMENT, RELEASE_STOCK, MARK_ORDER_FAILED,
            ORDER_FAILED)
        // a forward step does not retry a timeout: a retried charge is the provider's idempotency to carry
        .invoked(CHARGE_PAYMENT, 1);
  }

  @Test
  void aCompensationThatTimesOutIsRetried() {
    assertThatExecution(run("RefundTimesOutOnce"))
        .failedWith("dev.fulfillment.tasks.error.StockNotHeldException")
        .enteredStates(RESERVE_STOCK, CHARGE_PAYMENT, CONFIRM_ORDER, REFUND_PAYMENT, RELEASE_STOCK,
            MARK_ORDER_FAILED, ORDER_FAILED)
        .invoked(REFUND_PAYMENT, 2)
        .retriedWithinJitterBounds(REFUND_PAYMENT, ofSeconds(2));
  }

  @Test
  void lambdaServiceErrorsAreRetriedPerTheCdkDefaultWithoutJitter() {
    assertThatExecution(run("LambdaServiceErrorsRetried"))
        .succeeded()
        .invoked(RESERVE_STOCK, 4)
        .retriedAfter(RESERVE_STOCK, ofSeconds(2), ofSeconds(4), ofSeconds(8));
  }

  @Test
  void lambdaServiceErrorsExhaustedAfterSixRetriesReleaseAnyHoldsAndFail() {
    assertThatExecution(run("LambdaServiceErrorsExhausted"))
        .failedWith("Lambda.ServiceException")
        .causeContains("Order ord_1 failed in ReserveStock: Lambda is unavailable")
        .enteredStates(RESERVE_STOCK, RELEASE_STOCK, MARK_ORDER_FAILED, ORDER_FAILED)
        .invoked(RESERVE_STOCK, 7)
        .retriedAfter(RESERVE_STOCK, ofSeconds(2), ofSeconds(4), ofSeconds(8), ofSeconds(16), ofSeconds(32),
            ofSeconds(64))
        .invoked(CHARGE_PAYMENT, 0);
  }

  @Test
  void lambdaThrottlingIsRetriedAsATransientError() {
    assertThatExecution(run("LambdaThrottled"))
        .succeeded()
        .invoked(RESERVE_STOCK, 2)
        .retriedWithinJitterBounds(RESERVE_STOCK, ofSeconds(1));
  }

  @Test
  void aDuplicateSubmissionOfAFinishedOrderStartsNothing() {
    ExecutionRun first = run("HappyPath");
    assertThatThrownBy(() -> workflow.start(workflow.stateMachineArn() + "#HappyPath", "ord_1", ORDER))
        .isInstanceOf(SfnException.class)
        .hasMessageContaining("ord_1");
    assertThat(workflow.engine().listExecutions(workflow.stateMachineArn(), null)).hasSize(1);
    assertThatExecution(first).invoked(CHARGE_PAYMENT, 1);
  }

  @Test
  void theStateMachineTimeoutEndsTheExecutionTimedOutWithoutCompensating() {
    // The deployed 30-minute limit is out of reach of the deployed retry schedule, so this runs the same
    // construct synthesized with a 60 s limit: ReserveStock's Lambda service errors retry at 2, 6, 14, 30, 62 s.
    try (LocalWorkflow shortLimit = LocalWorkflow.mocked(
        WorkflowVariant.withExecutionTimeout(software.amazon.awscdk.Duration.seconds(60)), MockedScenarios.FILE)) {
      ExecutionRun run = shortLimit.runTestCase("LambdaServiceErrorsExhausted", "ord_1", ORDER);
      assertThatExecution(run)
          .timedOut()
          .enteredStates(RESERVE_STOCK)
          .invoked(RESERVE_STOCK, 5);
      assertThat(run.duration()).isEqualTo(ofSeconds(60));
    }
  }

  @Test
  void theDeployedExecutionTimeoutIsTheConstructDefault() {
    assertThat(DeployedStack.get().executionTimeoutSeconds())
        .isEqualTo(dev.fulfillment.workflow.FulfillmentWorkflowProps.DEFAULT_EXECUTION_TIMEOUT.toSeconds().longValue());
  }
}
