package dev.fulfillment.statemachine.support;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fulfillment.local.sfn.TaskInvoker;
import dev.fulfillment.local.template.DefaultLocalNames;
import dev.fulfillment.local.template.IntrinsicResolver;
import dev.fulfillment.local.template.LocalNames;
import dev.fulfillment.local.template.TemplateResource;
import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.tasks.payment.PaymentProvider;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * The actual task handlers behind the deployed state machine, invoked in-process as Lambda would invoke them,
 * against DynamoDB tables created from the template's {@code AWS::DynamoDB::Table} resources (unique names per
 * instance). Which handler runs for which ARN comes from the template: the definition invokes an alias, the alias
 * names a function, the function's {@code Handler} names the class, and its environment names the tables.
 *
 * <p>Faults are injected at the invoker ({@link #fault}): a fault answers instead of the handler, the way the
 * Lambda service would fail an invocation. That edge (the Lambda service itself) is what these tests go past.
 */
public final class RealTasks implements TaskInvoker {

  /** Decides, per call of a task, whether a fault answers instead of the handler (null = run the handler). */
  @FunctionalInterface
  public interface Fault {
    LambdaResult answer(int call, JsonNode payload);
  }

  private final Map<String, InProcessLambda> byArn = new LinkedHashMap<>();
  private final Map<String, String> stateByArn = new LinkedHashMap<>();
  private final Map<String, Fault> faults = new ConcurrentHashMap<>();
  private final Map<String, java.util.concurrent.atomic.AtomicInteger> calls = new ConcurrentHashMap<>();
  private final String definition;
  private final TableNames tables;

  public RealTasks(DeployedStack stack, DynamoDbClient dynamoDb, PaymentProvider payments) {
    LocalNames names = new UniqueTables(DefaultLocalNames.of(stack.template()), UUID.randomUUID().toString()
        .substring(0, 8));
    IntrinsicResolver resolver = new IntrinsicResolver(stack.template(), names);
    createTables(stack, resolver, names, dynamoDb);
    TableNames tableNames = null;
    for (Map.Entry<String, TemplateResource> entry : stack.functionsByInvokedArn(names).entrySet()) {
      TemplateResource function = entry.getValue();
      String handlerClass = function.property("Handler").asText().replaceAll("::.*", "");
      if (!handlerClass.startsWith("dev.fulfillment.tasks.handler.")) {
        continue; // the api functions start executions; they are not tasks of the state machine
      }
      JsonNode environment = resolver.resolveProperties(function).path("Environment").path("Variables");
      Map<String, String> env = new LinkedHashMap<>();
      environment.properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
      tableNames = TableNames.fromEnvironment(env);
      // The Lambda Java runtime's own serializer (aws-lambda-java-serialization), so a request record that the
      // runtime could not build fails here too (see LambdaRuntimeSerializationTest).
      byArn.put(entry.getKey(), new InProcessLambda(names.physicalName(function),
          newHandler(handlerClass, dynamoDb, tableNames, payments), InProcessLambda.Serialization.LAMBDA_RUNTIME));
      stateByArn.put(entry.getKey(), handlerClass.substring(handlerClass.lastIndexOf('.') + 1)
          .replace("Handler", ""));
    }
    this.tables = tableNames;
    this.definition = stack.definition(names);
  }

  /** The deployed definition, with function ARNs as this instance names them. */
  public String definition() {
    return definition;
  }

  /** The table names the handlers use. */
  public TableNames tables() {
    return tables;
  }

  /** From now on, calls of the task whose handler is {@code <task>Handler} go through {@code fault} first. */
  public RealTasks fault(String task, Fault fault) {
    faults.put(task, fault);
    return this;
  }

  @Override
  public LambdaResult invoke(String functionName, JsonNode payload) {
    InProcessLambda lambda = byArn.get(functionName);
    if (lambda == null) {
      return new Raised("Lambda.ResourceNotFoundException", "Function not found: " + functionName);
    }
    String task = stateByArn.get(functionName);
    int call = calls.computeIfAbsent(task + "/" + payload.path("orderId").asText(),
        k -> new java.util.concurrent.atomic.AtomicInteger()).getAndIncrement();
    Fault fault = faults.get(task);
    if (fault != null) {
      LambdaResult injected = fault.answer(call, payload);
      if (injected != null) {
        return injected;
      }
    }
    return lambda.invoke(payload);
  }

  private static RequestHandler<?, ?> newHandler(String className, DynamoDbClient dynamoDb, TableNames tables,
      PaymentProvider payments) {
    try {
      Class<?> type = Class.forName(className);
      for (Constructor<?> constructor : type.getConstructors()) {
        Class<?>[] parameters = constructor.getParameterTypes();
        if (parameters.length == 3 && parameters[0] == DynamoDbClient.class && parameters[1] == TableNames.class
            && parameters[2] == PaymentProvider.class) {
          return (RequestHandler<?, ?>) constructor.newInstance(dynamoDb, tables, payments);
        }
      }
      return (RequestHandler<?, ?>) type.getConstructor(DynamoDbClient.class, TableNames.class)
          .newInstance(dynamoDb, tables);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + className
          + " with (DynamoDbClient, TableNames[, PaymentProvider])", e);
    }
  }

  private static void createTables(DeployedStack stack, IntrinsicResolver resolver, LocalNames names,
      DynamoDbClient dynamoDb) {
    for (TemplateResource table : stack.template().resourcesOfType("AWS::DynamoDB::Table")) {
      JsonNode properties = resolver.resolveProperties(table);
      List<KeySchemaElement> keys = new ArrayList<>();
      properties.path("KeySchema").forEach(k -> keys.add(KeySchemaElement.builder()
          .attributeName(k.path("AttributeName").asText()).keyType(k.path("KeyType").asText()).build()));
      List<AttributeDefinition> attributes = new ArrayList<>();
      properties.path("AttributeDefinitions").forEach(a -> attributes.add(AttributeDefinition.builder()
          .attributeName(a.path("AttributeName").asText()).attributeType(a.path("AttributeType").asText())
          .build()));
      dynamoDb.createTable(CreateTableRequest.builder().tableName(names.physicalName(table)).keySchema(keys)
          .attributeDefinitions(attributes).billingMode(BillingMode.PAY_PER_REQUEST).build());
    }
  }

  /** Default local names, except that every table gets a suffix: tests sharing one dynalite stay apart. */
  private record UniqueTables(DefaultLocalNames defaults, String suffix) implements LocalNames {
    @Override
    public String region() {
      return defaults.region();
    }

    @Override
    public String accountId() {
      return defaults.accountId();
    }

    @Override
    public String partition() {
      return defaults.partition();
    }

    @Override
    public String physicalName(TemplateResource r) {
      String name = defaults.physicalName(r);
      return r.isOfType("AWS::DynamoDB::Table") ? name + "-" + suffix : name;
    }

    @Override
    public String attribute(TemplateResource r, String attribute) {
      return defaults.attribute(r, attribute);
    }
  }
}
