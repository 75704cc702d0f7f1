package dev.fulfillment.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulfillment.workflow.testing.SynthesizedDefinition;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;

/** One synthesis of the workflow on its own, with imported task functions, shared by every test in the JVM. */
final class WorkflowFixture {

  private static WorkflowFixture shared;

  static final String STACK_NAME = "WorkflowTestStack";

  final Stack stack;
  final FulfillmentWorkflow workflow;
  final Template template;
  final JsonNode definition;

  /** Synthesis takes seconds (jsii starts node): do it once. */
  static synchronized WorkflowFixture shared() {
    if (shared == null) {
      shared = new WorkflowFixture();
    }
    return shared;
  }

  private WorkflowFixture() {
    App app = new App();
    stack = new Stack(app, STACK_NAME);
    workflow = new FulfillmentWorkflow(stack, "Fulfillment", FulfillmentWorkflowProps.builder()
        .reserveStock(function("ReserveStock"))
        .chargePayment(function("ChargePayment"))
        .confirmOrder(function("ConfirmOrder"))
        .releaseStock(function("ReleaseStock"))
        .refundPayment(function("RefundPayment"))
        .markOrderFailed(function("MarkOrderFailed"))
        .build());
    template = Template.fromStack(stack);
    definition = SynthesizedDefinition.of(template);
  }

  /** The ARN the fixture gives the function that runs {@code handlerName}Handler. */
  static String functionArn(String name) {
    return "arn:aws:lambda:us-east-1:123456789012:function:" + name + ":live";
  }

  private IFunction function(String name) {
    return Function.fromFunctionArn(stack, name + "Function", functionArn(name));
  }
}
