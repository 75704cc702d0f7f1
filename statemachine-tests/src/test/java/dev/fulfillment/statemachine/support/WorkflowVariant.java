package dev.fulfillment.statemachine.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulfillment.local.template.CloudFormationTemplate;
import dev.fulfillment.local.template.DefaultLocalNames;
import dev.fulfillment.local.template.IntrinsicResolver;
import dev.fulfillment.workflow.FulfillmentWorkflow;
import dev.fulfillment.workflow.FulfillmentWorkflowProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

/**
 * The same {@link FulfillmentWorkflow} construct the stack deploys, synthesized with other limits, for behaviour
 * the deployed limits put out of reach of a test (a 30-minute execution timeout cannot be hit by the retry
 * schedule of the deployed machine). Everything else about the machine is the construct's own.
 */
public final class WorkflowVariant {
  private WorkflowVariant() {
  }

  /** The workflow's definition with this execution timeout, resolved like the deployed one. */
  public static String withExecutionTimeout(Duration executionTimeout) {
    App app = new App();
    Stack stack = new Stack(app, "WorkflowVariant");
    FulfillmentWorkflowProps props = FulfillmentWorkflowProps.builder()
        .reserveStock(function(stack, "ReserveStock"))
        .chargePayment(function(stack, "ChargePayment"))
        .confirmOrder(function(stack, "ConfirmOrder"))
        .releaseStock(function(stack, "ReleaseStock"))
        .refundPayment(function(stack, "RefundPayment"))
        .markOrderFailed(function(stack, "MarkOrderFailed"))
        .executionTimeout(executionTimeout)
        .build();
    new FulfillmentWorkflow(stack, "Workflow", props);
    JsonNode json = new ObjectMapper().valueToTree(Template.fromStack(stack).toJSON());
    CloudFormationTemplate template = CloudFormationTemplate.of(json);
    return new IntrinsicResolver(template, DefaultLocalNames.of(template))
        .resolveDefinition(template.onlyResourceOfType(DeployedStack.STATE_MACHINE_TYPE));
  }

  private static IFunction function(Construct scope, String name) {
    return Function.fromFunctionArn(scope, name, "arn:aws:lambda:us-east-1:123456789012:function:" + name + ":live");
  }
}
