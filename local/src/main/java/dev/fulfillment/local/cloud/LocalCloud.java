package dev.fulfillment.local.cloud;

import com.sun.net.httpserver.HttpHandler;
import dev.fulfillment.local.dynamodb.DynaliteProcess;
import dev.fulfillment.local.dynamodb.DynamoDbTables;
import dev.fulfillment.local.dynamodb.SeedData;
import dev.fulfillment.local.faults.DynamoDbFaultProxy;
import dev.fulfillment.local.faults.FaultInjector;
import dev.fulfillment.local.faults.FaultKind;
import dev.fulfillment.local.faults.FaultyFunctions;
import dev.fulfillment.local.faults.FaultyStepFunctionsHandler;
import dev.fulfillment.local.httpapi.HttpApiServer;
import dev.fulfillment.local.lambda.ChildLauncher;
import dev.fulfillment.local.lambda.FunctionInvoker;
import dev.fulfillment.local.lambda.FunctionSpec;
import dev.fulfillment.local.lambda.LambdaRuntime;
import dev.fulfillment.local.lambda.LambdaTaskInvoker;
import dev.fulfillment.local.sfn.EngineClock;
import dev.fulfillment.local.sfn.LocalStepFunctions;
import dev.fulfillment.local.sfn.StateMachineInfo;
import dev.fulfillment.local.sfn.api.StepFunctionsApi;
import dev.fulfillment.local.sfn.api.StepFunctionsApiHandler;
import dev.fulfillment.local.sfn.api.StepFunctionsHttpServer;
import dev.fulfillment.local.sfn.console.ConsoleHandler;
import dev.fulfillment.local.sqs.ElasticMqServer;
import dev.fulfillment.local.sqs.EventSourceMapping;
import dev.fulfillment.local.sqs.SqsEventSourcePoller;
import dev.fulfillment.local.template.CloudFormationTemplate;
import dev.fulfillment.local.template.DefaultLocalNames;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole stack on one machine, built from the synthesized CloudFormation template: DynamoDB (dynalite), SQS
 * (ElasticMQ) with Lambda's event source pollers, the Lambda functions (a JVM process per execution environment,
 * on the official runtime interface client), the HTTP API, and Step Functions with its console. Handlers run
 * unchanged: their SDK clients find the local endpoints through {@code AWS_ENDPOINT_URL_<SERVICE>}.
 *
 * <p>{@code ./run-local} starts it; {@link #start} does the same for tests. Closing stops everything, child
 * processes included.
 */
public final class LocalCloud implements AutoCloseable {
  /** Dummy credentials: the local endpoints accept any; the SDK only needs some to sign. */
  public static final String ACCESS_KEY = "local";
  public static final String SECRET_KEY = "local";

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Consumer<String> log;
  private StackModel model;
  private URI httpApi;
  private URI stepFunctions;
  private URI sqs;
  private URI dynamoDb;
  private final Map<String, String> queueUrls = new LinkedHashMap<>();
  private String stateMachineArn;
  private final CloudOptions options;
  private FaultInjector faults = FaultInjector.none();

  private LocalCloud(CloudOptions options, Consumer<String> log) {
    this.options = options;
    this.log = log;
  }

  /** Starts everything; on failure stops what already started and rethrows. */
  public static LocalCloud start(CloudOptions options, Consumer<String> log) throws IOException {
    LocalCloud cloud = new LocalCloud(options, log);
    try {
      cloud.startAll();
      return cloud;
    } catch (IOException | RuntimeException e) {
      cloud.close();
      throw e;
    }
  }

  private void startAll() throws IOException {
    Path templateFile = options.template();
    if (!Files.isRegularFile(templateFile)) {
      throw new IOException("no synthesized template at " + templateFile.toAbsolutePath()
          + ": build it with ./mvnw -q -o package -DskipTests -pl infra -am (./run-local does)");
    }
    checkPortFree(options.httpPort(), "HTTP API", "--http-port");
    checkPortFree(options.sfnPort(), "Step Functions", "--sfn-port");
    checkPortFree(options.sqsPort(), "SQS", "--sqs-port");
    checkPortFree(options.dynamoDbPort(), "DynamoDB", "--dynamodb-port");

    CloudFormationTemplate template = CloudFormationTemplate.load(templateFile);
    httpApi = URI.create("http://localhost:" + options.httpPort());
    stepFunctions = URI.create("http://localhost:" + options.sfnPort());
    sqs = URI.create("http://localhost:" + options.sqsPort());
    dynamoDb = URI.create("http://localhost:" + options.dynamoDbPort());
    DefaultLocalNames names = DefaultLocalNames.builder(template)
        .region(options.region())
        .accountId(options.accountId())
        .sqsEndpoint(sqs.toString())
        .httpApiEndpoint(httpApi.toString())
        .build();
    model = StackModel.of(template, names, templateFile.toAbsolutePath().getParent());
    if (!model.unsupported().isEmpty()) {
      // One line per reason, naming every resource it applies to, so nothing is dropped and the list stays short.
      Map<String, List<String>> byReason = new LinkedHashMap<>();
      for (String line : model.unsupported()) {
        int split = line.indexOf("): ");
        String reason = split < 0 ? line : line.substring(split + 3);
        String what = split < 0 ? "template" : line.substring(0, line.indexOf(" ("));
        byReason.computeIfAbsent(reason, k -> new ArrayList<>()).add(what);
      }
      log.accept("Not honoured locally (" + model.unsupported().size() + " items of the template):");
      byReason.forEach((reason, what) -> log.accept("  - " + reason + ": " + String.join(", ", what)));
    }

    faults = new FaultInjector(options.faults(), log);
    if (!options.faults().isEmpty()) {
      log.accept("Fault injection ON (seed " + options.faults().seed() + "): " + options.faults().rules());
    }

    SdkHttpClient http = UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build();
    started.push(http);
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));

    // DynamoDB
    DynaliteProcess dynalite = DynaliteProcess.start(node(), nodeModules(), options.host(), options.dynamoDbPort(),
        options.dataDirectory(), log);
    started.push(dynalite);
    DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(dynamoDb).region(Region.of(options.region()))
        .credentialsProvider(credentials).httpClient(http).build();
    started.push(dynamo);
    for (StackModel.Table table : model.tables()) {
      boolean created = DynamoDbTables.create(dynamo, table.properties());
      log.accept("DynamoDB table " + table.name() + (created ? " created" : " kept from " + options.dataDirectory()));
    }
    if (options.seedPresent()) {
      Map<String, String> tableNames = tableVariables();
      Map<String, Integer> written = SeedData.load(options.seed()).apply(dynamo, tableNames);
      log.accept("Seed data from " + options.seed() + ": " + written + " new items");
    } else if (options.seed() != null) {
      log.accept("No seed file at " + options.seed() + "; tables start empty");
    }

    // SQS
    ElasticMqServer elasticMq;
    try {
      elasticMq = ElasticMqServer.start(options.host(), options.sqsPort(), options.region(), options.accountId());
    } catch (BindException e) {
      throw portInUse(options.sqsPort(), "SQS", "--sqs-port");
    }
    started.push(elasticMq);
    SqsClient sqsClient = SqsClient.builder().endpointOverride(sqs).region(Region.of(options.region()))
        .credentialsProvider(credentials).httpClient(http).build();
    started.push(sqsClient);
    // Dead-letter queues first: a redrive policy names a queue that must exist.
    List<StackModel.Queue> queues = new ArrayList<>(model.queues());
    queues.sort((a, b) -> Boolean.compare(a.attributes().containsKey("RedrivePolicy"),
        b.attributes().containsKey("RedrivePolicy")));
    for (StackModel.Queue queue : queues) {
      Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
      queue.attributes().forEach((k, v) -> attributes.put(QueueAttributeName.fromValue(k), v));
      String url = sqsClient.createQueue(b -> b.queueName(queue.name()).attributes(attributes)).queueUrl();
      if (!url.equals(queue.url())) {
        log.accept("warning: SQS gave queue " + queue.name() + " the URL " + url + ", the template resolves " + queue.url());
      }
      queueUrls.put(queue.logicalId(), url);
      log.accept("SQS queue " + url + " " + queue.attributes());
    }

    // Lambda
    Map<String, String> platform = new LinkedHashMap<>();
    platform.put("AWS_REGION", options.region());
    platform.put("AWS_DEFAULT_REGION", options.region());
    platform.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
    platform.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    platform.put("AWS_SESSION_TOKEN", "local");
    platform.put("AWS_EC2_METADATA_DISABLED", "true");
    URI functionsDynamoDb = dynamoDb;
    if (options.faults().has(FaultKind.DYNAMODB_THROTTLE) || options.faults().has(FaultKind.DYNAMODB_INTERNAL)) {
      DynamoDbFaultProxy proxy = DynamoDbFaultProxy.start(dynamoDb, faults);
      started.push(proxy);
      functionsDynamoDb = proxy.endpoint();
      log.accept("DynamoDB fault proxy " + functionsDynamoDb + " (what the functions call)");
    }
    platform.put("AWS_ENDPOINT_URL_DYNAMODB", functionsDynamoDb.toString());
    platform.put("AWS_ENDPOINT_URL_SFN", stepFunctions.toString());
    platform.put("AWS_ENDPOINT_URL_SQS", sqs.toString());
    Path work = Files.createDirectories(options.resolvedWorkDirectory());
    List<FunctionSpec> functions = model.functions();
    RuntimeNativeLibrary jni = RuntimeNativeLibrary.unpack(work);
    if (jni != null) {
      started.push(jni);
      functions = jni.given(functions);
    }
    LambdaRuntime lambda = new LambdaRuntime(functions, new ChildLauncher(work, platform), log,
        options.initTimeout(), options.maxEnvironments());
    started.push(lambda);
    FunctionInvoker callers = options.faults().isEmpty() ? lambda : new FaultyFunctions(lambda, faults);

    // Step Functions
    LocalStepFunctions engine = LocalStepFunctions.builder()
        .clock(EngineClock.system())
        .taskInvoker(new LambdaTaskInvoker(callers))
        .region(options.region())
        .accountId(options.accountId())
        .build();
    started.push(engine);
    for (StackModel.StateMachine machine : model.stateMachines()) {
      StateMachineInfo info = engine.createStateMachine(machine.name(), machine.definition(), machine.roleArn(),
          machine.type(), null);
      if (!info.stateMachineArn().equals(machine.arn())) {
        throw new IllegalStateException("the engine named state machine " + machine.name() + " "
            + info.stateMachineArn() + " but the template resolves it to " + machine.arn());
      }
      stateMachineArn = info.stateMachineArn();
      log.accept("State machine " + info.stateMachineArn());
    }
    StepFunctionsHttpServer sfnServer;
    try {
      HttpHandler api = new StepFunctionsApiHandler(new StepFunctionsApi(engine));
      if (options.faults().has(FaultKind.SFN_THROTTLE)) {
        api = new FaultyStepFunctionsHandler(api, faults);
      }
      sfnServer = StepFunctionsHttpServer.start(ConsoleHandler.withApi(api), options.host(), options.sfnPort());
    } catch (BindException e) {
      throw portInUse(options.sfnPort(), "Step Functions", "--sfn-port");
    }
    started.push(sfnServer);

    // HTTP API
    for (StackModel.HttpApi api : model.httpApis()) {
      try {
        HttpApiServer server = HttpApiServer.start(api.routes(), callers, api.apiId(), options.accountId(),
            options.host(), options.httpPort(), line -> log.accept("[http-api] " + line));
        started.push(server);
      } catch (BindException e) {
        throw portInUse(options.httpPort(), "HTTP API", "--http-port");
      }
      if (model.httpApis().size() > 1) {
        log.accept("warning: the template has " + model.httpApis().size() + " HTTP APIs; only the first is served");
        break;
      }
    }

    if (options.prewarm()) {
      log.accept("Starting one execution environment per function (" + model.functions().size() + ")...");
      lambda.prewarm();
    }

    // Orders a previous run accepted but did not finish (their executions died with the engine's memory).
    if (options.dataDirectory() != null && tableVariables().containsKey("ORDERS_TABLE") && stateMachineArn != null) {
      OrderRecovery.resume(dynamo, tableVariables().get("ORDERS_TABLE"), engine, stateMachineArn, log);
    }

    // Event source mappings last: they may invoke functions at once.
    for (EventSourceMapping mapping : model.eventSourceMappings()) {
      SqsEventSourcePoller poller = new SqsEventSourcePoller(mapping, sqsClient, callers, options.region(),
          options.sqsLongPoll(), line -> log.accept("[sqs] " + line),
          message -> faults.decide(FaultKind.SQS_DUPLICATE, mapping.queueUrl(), message.body()));
      poller.start();
      started.push(poller);
    }
  }

  /** Environment variable -> physical table name, from the functions' environments (e.g. INVENTORY_TABLE). */
  private Map<String, String> tableVariables() {
    Map<String, String> variables = new LinkedHashMap<>();
    List<String> tableNames = model.tables().stream().map(StackModel.Table::name).toList();
    for (FunctionSpec function : model.functions()) {
      function.environment().forEach((k, v) -> {
        if (tableNames.contains(v)) {
          variables.putIfAbsent(k, v);
        }
      });
    }
    return variables;
  }

  private void checkPortFree(int port, String what, String option) throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(options.host()), port));
    } catch (BindException e) {
      throw portInUse(port, what, option);
    }
  }

  private static PortInUseException portInUse(int port, String what, String option) {
    return new PortInUseException("port " + port + " (" + what + ") is already in use: stop what uses it, or choose"
        + " another port with " + option + " N");
  }

  /** A port the cloud needs is taken. */
  public static final class PortInUseException extends BindException {
    PortInUseException(String message) {
      super(message);
    }
  }

  private static String node() {
    String configured = System.getenv("NODE");
    return configured == null || configured.isBlank() ? "node" : configured;
  }

  private static Path nodeModules() throws IOException {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("node_modules")) && Files.exists(dir.resolve("package-lock.json"))) {
        return dir.resolve("node_modules");
      }
    }
    throw new IOException("no node_modules beside a package-lock.json above " + Path.of("").toAbsolutePath()
        + ": run `npm ci` at the repository root (./run-local does it)");
  }

  public StackModel model() {
    return model;
  }

  public URI httpApiEndpoint() {
    return httpApi;
  }

  public URI stepFunctionsEndpoint() {
    return stepFunctions;
  }

  public URI sqsEndpoint() {
    return sqs;
  }

  public URI dynamoDbEndpoint() {
    return dynamoDb;
  }

  /** Queue URL by the queue's logical id prefix (e.g. "IntakeQueue", "IntakeDeadLetterQueue"). */
  public String queueUrl(String logicalIdPrefix) {
    return queueUrls.entrySet().stream()
        .filter(e -> e.getKey().startsWith(logicalIdPrefix) && e.getKey().length() - logicalIdPrefix.length() == 8)
        .map(Map.Entry::getValue).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no queue " + logicalIdPrefix + " in " + queueUrls.keySet()));
  }

  /** The faults injected so far (none unless started with a faults plan). */
  public FaultInjector faults() {
    return faults;
  }

  public String stateMachineArn() {
    return stateMachineArn;
  }

  /** Physical table name by the environment variable the functions read it from (ORDERS_TABLE, ...). */
  public String tableName(String variable) {
    return tableVariables().get(variable);
  }

  /** The start-up banner: every endpoint and three commands to copy. */
  public String banner() {
    String intake = queueUrls.entrySet().stream().filter(e -> e.getKey().startsWith("IntakeQueue"))
        .map(Map.Entry::getValue).findFirst().orElse(queueUrls.values().stream().findFirst().orElse("<queue url>"));
    String dlq = queueUrls.entrySet().stream().filter(e -> e.getKey().contains("DeadLetter"))
        .map(Map.Entry::getValue).findFirst().orElse("");
    String cli = "AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=" + options.region() + " aws";
    return String.join("\n",
        "",
        "==================================================================================================",
        " fulfillment local cloud is running (from " + options.template() + ")",
        "   HTTP API         " + httpApi + "   (POST /orders, GET /orders/{orderId})",
        "   Step Functions   " + stepFunctions + "   (API; execution console: open it in a browser)",
        "   SQS              " + sqs + "   intake queue " + intake,
        "                    dead-letter queue " + dlq,
        "   DynamoDB         " + dynamoDb + (options.dataDirectory() == null ? "   (in memory)"
            : "   (data in " + options.dataDirectory() + ")"),
        "   State machine    " + stateMachineArn,
        "   Credentials      any (e.g. AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local), region " + options.region(),
        "",
        " Submit an order:",
        "   curl -si -X POST " + httpApi + "/orders -H 'content-type: application/json' -d '{\"customerId\":\"c-1\","
            + "\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2}],\"paymentToken\":\"tok_visa\"}'",
        " Send a bulk batch (4 orders, one invalid -> DLQ):",
        "   " + cli + " sqs send-message-batch --endpoint-url " + sqs + " --queue-url " + intake
            + " --entries file://local/seed/bulk-orders.json",
        " List executions:",
        "   " + cli + " stepfunctions list-executions --endpoint-url " + stepFunctions + " --state-machine-arn "
            + stateMachineArn,
        "",
        " Ctrl-C stops everything.",
        "==================================================================================================");
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable next = started.pop();
      try {
        next.close();
      } catch (Exception e) {
        log.accept("while stopping " + next.getClass().getSimpleName() + ": " + e);
      }
    }
  }

  public static void main(String[] args) {
    int status = run(List.of(args), System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    CloudOptions options;
    try {
      options = CloudOptions.parse(args);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().equals("help")) {
        err.println("local-cloud: " + e.getMessage());
      }
      err.println(CloudOptions.USAGE);
      return 2;
    }
    Consumer<String> log = line -> {
      synchronized (out) {
        out.println(line);
      }
    };
    LocalCloud cloud;
    try {
      cloud = start(options, log);
    } catch (DynaliteProcess.MissingNodeException e) {
      err.println("local-cloud: " + e.getMessage());
      return 1;
    } catch (PortInUseException e) {
      err.println("local-cloud: " + e.getMessage());
      return 1;
    } catch (IOException | RuntimeException e) {
      err.println("local-cloud: cannot start: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      out.println("Stopping the local cloud...");
      cloud.close();
      out.println("Stopped.");
      out.flush();
      stopped.countDown();
    }, "local-cloud-shutdown"));
    if (Boolean.getBoolean("local.cloud.exitWithParent")) {
      // Started by Maven (exec:exec): if Maven is stopped without a signal reaching this process, stop as well.
      ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
    }
    out.println(cloud.banner());
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
