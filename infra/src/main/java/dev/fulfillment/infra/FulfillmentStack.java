package dev.fulfillment.infra;

import dev.fulfillment.infra.api.OrdersHttpApi;
import dev.fulfillment.infra.compute.JavaFunction;
import dev.fulfillment.infra.compute.JavaFunction.JavaFunctionProps;
import dev.fulfillment.infra.data.Tables;
import dev.fulfillment.infra.intake.IntakeQueues;
import dev.fulfillment.infra.monitoring.Alarms;
import dev.fulfillment.infra.nag.NagSuppressions;
import dev.fulfillment.workflow.FulfillmentWorkflow;
import dev.fulfillment.workflow.FulfillmentWorkflowProps;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.constructs.Construct;

/**
 * Order fulfillment on AWS: tables, the intake queue, the Lambda functions, the HTTP API, the workflow and alarms.
 *
 * <p>Logical ids follow the construct ids ({@code ReserveStock}, {@code HttpApi}, {@code Intake}, ...) so an offline
 * runner can map template resources to handlers; the handler class is in each function's {@code Handler} property.
 */
public final class FulfillmentStack extends Stack {

  static final String TASK_HANDLERS = "dev.fulfillment.tasks.handler.";
  static final Duration HTTP_TIMEOUT = Duration.seconds(10);
  static final Duration INTAKE_TIMEOUT = Duration.seconds(30);
  static final int MEMORY_MB = 1024;
  /** Intake invocations at once, at most: keeps a burst of queued orders from starving the HTTP API's functions. */
  static final int INTAKE_MAX_CONCURRENCY = 5;

  private final Tables tables;

  public FulfillmentStack(Construct scope, String id, StackProps props, FulfillmentStackConfig config) {
    super(scope, id, props);
    this.tables = new Tables(this, "Tables");
    Alarms alarms = new Alarms(this, "Alarms");

    // Task functions, each allowed only the table actions its handler performs.
    JavaFunction reserveStock = task("ReserveStock", config.tasksJar(), "Hold stock for an order and price it.");
    reserveStock.allow(tables.inventory(), "GetItem", "UpdateItem");
    reserveStock.allow(tables.orders(), "GetItem", "UpdateItem");

    JavaFunction chargePayment = task("ChargePayment", config.tasksJar(), "Charge the order's total.");
    chargePayment.allow(tables.orders(), "GetItem", "UpdateItem");
    chargePayment.allow(tables.payments(), "GetItem", "PutItem", "UpdateItem");

    JavaFunction confirmOrder = task("ConfirmOrder", config.tasksJar(), "Turn holds into sales, confirm the order.");
    confirmOrder.allow(tables.inventory(), "GetItem", "UpdateItem");
    confirmOrder.allow(tables.orders(), "GetItem", "UpdateItem");

    JavaFunction releaseStock = task("ReleaseStock", config.tasksJar(), "Give back an order's holds.");
    releaseStock.allow(tables.inventory(), "GetItem", "UpdateItem");

    JavaFunction refundPayment = task("RefundPayment", config.tasksJar(), "Refund an order's charge, if any.");
    refundPayment.allow(tables.payments(), "GetItem", "UpdateItem");

    JavaFunction markOrderFailed = task("MarkOrderFailed", config.tasksJar(), "Record why an order failed.");
    markOrderFailed.allow(tables.orders(), "GetItem", "UpdateItem");

    FulfillmentWorkflow workflow = new FulfillmentWorkflow(this, "Workflow", FulfillmentWorkflowProps.builder()
        .reserveStock(reserveStock.alias())
        .chargePayment(chargePayment.alias())
        .confirmOrder(confirmOrder.alias())
        .releaseStock(releaseStock.alias())
        .refundPayment(refundPayment.alias())
        .markOrderFailed(markOrderFailed.alias())
        .build());
    alarms.onExecutions(workflow.getStateMachine());

    // How orders come in: the HTTP API and the bulk queue, both starting executions.
    Map<String, String> apiEnvironment = tableEnvironment();
    apiEnvironment.put("STATE_MACHINE_ARN", workflow.getStateMachine().getStateMachineArn());

    JavaFunction httpApi = new JavaFunction(this, "HttpApi", new JavaFunctionProps("Orders HTTP API.",
        config.apiJar(), JavaFunction.handler("dev.fulfillment.api.http.HttpApiHandler"), MEMORY_MB, HTTP_TIMEOUT,
        apiEnvironment));
    httpApi.allow(tables.orders(), "GetItem", "PutItem");
    workflow.getStateMachine().grantStartExecution(httpApi.function());
    OrdersHttpApi api = new OrdersHttpApi(this, "OrdersApi", httpApi.alias(), config.authorization());

    IntakeQueues intake = new IntakeQueues(this, "Intake", INTAKE_TIMEOUT);
    Map<String, String> intakeEnvironment = new LinkedHashMap<>(apiEnvironment);
    // The intake sends records that can never succeed (bad JSON, invalid order) straight to the DLQ.
    intakeEnvironment.put("DLQ_URL", intake.deadLetterQueue().getQueueUrl());
    JavaFunction sqsIntake = new JavaFunction(this, "SqsIntake", new JavaFunctionProps("Bulk order intake.",
        config.apiJar(), JavaFunction.handler("dev.fulfillment.api.intake.SqsIntakeHandler"), MEMORY_MB,
        INTAKE_TIMEOUT, intakeEnvironment));
    sqsIntake.allow(tables.orders(), "GetItem", "PutItem");
    workflow.getStateMachine().grantStartExecution(sqsIntake.function());
    intake.deadLetterQueue().grantSendMessages(sqsIntake.function());
    sqsIntake.alias().addEventSource(new SqsEventSource(intake.queue(), SqsEventSourceProps.builder()
        .batchSize(10)
        .maxBatchingWindow(Duration.seconds(5))
        // Only the failed records come back to the queue, not the whole batch (the handler returns
        // batchItemFailures).
        .reportBatchItemFailures(true)
        .maxConcurrency(INTAKE_MAX_CONCURRENCY)
        .build()));

    List<JavaFunction> functions = List.of(reserveStock, chargePayment, confirmOrder, releaseStock, refundPayment,
        markOrderFailed, httpApi, sqsIntake);
    for (JavaFunction function : functions) {
      alarms.onErrors(function.getNode().getId(), function.function());
      suppressFunctionFindings(function);
    }
    NagSuppressions.suppress(intake.deadLetterQueue(), "AwsSolutions-SQS3",
        "This queue is the dead-letter queue of the intake queue; it has no DLQ of its own.");
    NagSuppressions.suppress(workflow.getStateMachine().getRole(), "AwsSolutions-IAM5",
        "CloudWatch Logs delivery and X-Ray actions support no resource-level permissions (Resource *); "
            + "lambda:InvokeFunction on <alias>:* is CDK's grant for invoking the task aliases' versions.",
        List.of("Resource::*", "Resource::<ReserveStockAlias*>:*"));

    outputs(api, intake, workflow);
  }

  public Tables tables() {
    return tables;
  }

  private JavaFunction task(String name, Path jar, String description) {
    return new JavaFunction(this, name, new JavaFunctionProps(description, jar,
        JavaFunction.handler(TASK_HANDLERS + name + "Handler"), MEMORY_MB, JavaFunction.TASK_TIMEOUT,
        tableEnvironment()));
  }

  /** Every function gets the three table names (the tasks' configuration requires all three). */
  private Map<String, String> tableEnvironment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("ORDERS_TABLE", tables.orders().getTableName());
    environment.put("INVENTORY_TABLE", tables.inventory().getTableName());
    environment.put("PAYMENTS_TABLE", tables.payments().getTableName());
    return environment;
  }

  private static void suppressFunctionFindings(JavaFunction function) {
    NagSuppressions.suppress(function, "AwsSolutions-IAM4",
        "AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch logs.",
        List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
    NagSuppressions.suppress(function, "AwsSolutions-IAM5",
        "X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.",
        List.of("Resource::*"));
    NagSuppressions.suppress(function, "AwsSolutions-L1",
        "java21 on purpose: the project's bytecode level is 21 (docs/architecture.md).");
  }

  private void outputs(OrdersHttpApi api, IntakeQueues intake, FulfillmentWorkflow workflow) {
    output("ApiUrl", api.url(), "Base URL of the orders HTTP API (POST orders, GET orders/{orderId}).");
    output("IntakeQueueUrl", intake.queue().getQueueUrl(), "Send bulk orders here.");
    output("DeadLetterQueueUrl", intake.deadLetterQueue().getQueueUrl(), "Orders the intake could not start.");
    String stateMachineArn = workflow.getStateMachine().getStateMachineArn();
    output("StateMachineArn", stateMachineArn, "The fulfillment state machine.");
    output("StateMachineConsoleUrl", "https://" + Aws.REGION + ".console.aws.amazon.com/states/home?region="
        + Aws.REGION + "#/statemachines/view/" + stateMachineArn, "The state machine's executions in the console.");
    output("OrdersTableName", tables.orders().getTableName(), "Orders table.");
    output("InventoryTableName", tables.inventory().getTableName(), "Inventory table (seed stock here).");
    output("PaymentsTableName", tables.payments().getTableName(), "Payments table.");
  }

  private void output(String id, String value, String description) {
    CfnOutput.Builder.create(this, id).value(value).description(description).build();
  }
}
