package dev.fulfillment.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.fulfillment.tasks.domain.OrderLine;
import dev.fulfillment.tasks.order.DynamoDbOrderRepository;
import dev.fulfillment.tasks.order.NewOrder;
import dev.fulfillment.testing.DynaliteServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Cold first invocation of each Lambda, tuned (as deployed) against naive (SDK defaults, no JVM flags),
 * measured in the same run, alternating, each in a fresh JVM against dynalite. Every invocation is a
 * real request that succeeds: per round and variant one order walks reserve, charge, confirm and an HTTP
 * GET; a second walks reserve, charge, refund, release and is marked failed.
 *
 * <p>Three variants: {@code naive} is the baseline (the SDK's default client builder, no JVM flags);
 * {@code naive-lambda} is the same code with the flags Lambda's java17/java21 runtimes apply by default
 * (serial GC, tiered compilation stopped at level 1: "Customize Java runtime startup behavior"), i.e. what
 * the naive handler really gets on Lambda; {@code tuned} is what we deploy (the shrunk jar, the no-arg
 * constructors, the runtime's defaults plus the stack's JAVA_TOOL_OPTIONS).
 *
 * <p>Each cold JVM is pinned to one CPU with {@code taskset} when the machine has it: an on-demand Lambda
 * environment initialises on one full vCPU, so a second core would hand the JIT and GC threads time that
 * Lambda does not give them. The harness and dynalite are not pinned.
 *
 * <p>Arguments: {@code java <tuned-jar-dir> <naive-classpath-file> <bench-classes> [rounds] [unpinned]}; the
 * last runs every JVM on all CPUs, for comparison.
 */
public final class ColdStartBenchmark {

  private static final String TASKS = "dev.fulfillment.tasks.handler.";
  /** What Lambda's java17 and java21 runtimes set by default ("Customize Java runtime startup behavior"). */
  private static final List<String> LAMBDA_DEFAULT_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  /** What the stack adds through JAVA_TOOL_OPTIONS (infra JavaFunction); on java21 it restates the defaults. */
  private static final List<String> STACK_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
  private static final List<String> TUNED_FLAGS =
      java.util.stream.Stream.concat(LAMBDA_DEFAULT_FLAGS.stream(), STACK_FLAGS.stream()).toList();
  private static final List<String> VARIANTS = List.of("naive", "naive-lambda", "tuned");
  private static final Path TASKSET = Path.of("/usr/bin/taskset");

  private record Step(String lambda, String handler, String jar, String event) {
  }

  public static void main(String[] args) throws Exception {
    Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
    Path jars = Path.of(args[0]);
    String naiveClasspath = Files.readString(Path.of(args[1])).trim() + File.pathSeparator + args[2];
    // The tuned jar carries no serializer: on Lambda the runtime brings its own, and so does the harness.
    String runtimeSerializer = Path.of(PojoSerializer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    String benchClasses = args[2] + File.pathSeparator + runtimeSerializer;
    boolean unpinned = args.length > 4 && args[4].equals("unpinned");
    List<String> pinning = !unpinned && Files.isExecutable(TASKSET)
        ? List.of(TASKSET.toString(), "-c", String.valueOf(Runtime.getRuntime().availableProcessors() - 1))
        : List.of();
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;

    try (DynaliteServer dynalite = DynaliteServer.start()) {
      Map<String, String> env = environment(dynalite);
      createTables(dynalite.client(), env);
      Path events = Files.createTempDirectory("coldstart-events");
      Map<String, List<Double>> wall = new LinkedHashMap<>();

      for (int round = 0; round < rounds; round++) {
        List<String> variants = new ArrayList<>(VARIANTS);
        Collections.rotate(variants, round); // each variant goes first in turn
        for (String variant : variants) {
          String orderId = "ord_bench-" + variant + "-" + round;
          String failedId = orderId + "-failed";
          seedOrder(dynalite.client(), env, orderId);
          seedOrder(dynalite.client(), env, failedId);
          for (Step step : steps(orderId, failedId)) {
            Path event = events.resolve(step.lambda() + "-" + variant + "-" + round + ".json");
            Files.writeString(event, step.event());
            List<String> command = new ArrayList<>(pinning);
            command.add(java.toString());
            switch (variant) {
              case "tuned" -> {
                command.addAll(TUNED_FLAGS);
                command.addAll(List.of("-cp", jars.resolve(step.jar()) + File.pathSeparator + benchClasses));
              }
              case "naive-lambda" -> {
                command.addAll(LAMBDA_DEFAULT_FLAGS);
                command.addAll(List.of("-cp", naiveClasspath));
              }
              default -> command.addAll(List.of("-cp", naiveClasspath));
            }
            String mode = variant.equals("tuned") ? "tuned" : "naive";
            command.addAll(List.of(ColdInvoke.class.getName(), mode, step.handler(), event.toString()));
            double millis = run(command, env);
            wall.computeIfAbsent(step.lambda() + "|" + variant, k -> new ArrayList<>()).add(millis);
          }
        }
      }
      report(wall, rounds, jars, !pinning.isEmpty());
    }
  }

  private static List<Step> steps(String orderId, String failedId) {
    String lines = "[{\"sku\":\"BENCH-1\",\"quantity\":1}]";
    return List.of(
        new Step("ReserveStock", TASKS + "ReserveStockHandler", "tasks-lambda.jar",
            "{\"orderId\":\"" + orderId + "\",\"lines\":" + lines + "}"),
        new Step("ChargePayment", TASKS + "ChargePaymentHandler", "tasks-lambda.jar",
            "{\"orderId\":\"" + orderId + "\",\"amount\":1250,\"currency\":\"EUR\"}"),
        new Step("ConfirmOrder", TASKS + "ConfirmOrderHandler", "tasks-lambda.jar",
            "{\"orderId\":\"" + orderId + "\",\"lines\":" + lines + "}"),
        new Step("HttpApi GET", "dev.fulfillment.api.http.HttpApiHandler", "api-lambda.jar",
            "{\"version\":\"2.0\",\"routeKey\":\"GET /orders/{orderId}\",\"rawPath\":\"/orders/" + orderId + "\","
                + "\"rawQueryString\":\"\",\"headers\":{\"accept\":\"application/json\"},"
                + "\"pathParameters\":{\"orderId\":\"" + orderId + "\"},"
                + "\"requestContext\":{\"requestId\":\"bench\",\"stage\":\"$default\","
                + "\"http\":{\"method\":\"GET\",\"path\":\"/orders/" + orderId + "\"}}}"),
        // The second order fails after its charge: the compensations run on it, as in the saga.
        new Step("ReserveStock", TASKS + "ReserveStockHandler", "tasks-lambda.jar",
            "{\"orderId\":\"" + failedId + "\",\"lines\":" + lines + "}"),
        new Step("ChargePayment", TASKS + "ChargePaymentHandler", "tasks-lambda.jar",
            "{\"orderId\":\"" + failedId + "\",\"amount\":1250,\"currency\":\"EUR\"}"),
        new Step("RefundPayment", TASKS + "RefundPaymentHandler", "tasks-lambda.jar",
            "{\"orderId\":\"" + failedId + "\"}"),
        new Step("ReleaseStock", TASKS + "ReleaseStockHandler", "tasks-lambda.jar",
            "{\"orderId\":\"" + failedId + "\",\"lines\":" + lines + "}"),
        new Step("MarkOrderFailed", TASKS + "MarkOrderFailedHandler", "tasks-lambda.jar",
            "{\"orderId\":\"" + failedId + "\",\"reason\":\"benchmark\",\"error\":\"Bench.Error\"}"));
  }

  private static double run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    int exit = process.waitFor();
    double millis = (System.nanoTime() - start) / 1_000_000.0;
    if (exit != 0) {
      throw new IllegalStateException("cold invocation failed (" + exit + "): " + String.join(" ", command) + "\n" + output);
    }
    return millis;
  }

  private static Map<String, String> environment(DynaliteServer dynalite) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.put("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString());
    env.put("ORDERS_TABLE", DynaliteServer.uniqueTableName("orders"));
    env.put("INVENTORY_TABLE", DynaliteServer.uniqueTableName("inventory"));
    env.put("PAYMENTS_TABLE", DynaliteServer.uniqueTableName("payments"));
    env.put("STATE_MACHINE_ARN", "arn:aws:states:us-east-1:123456789012:stateMachine:bench");
    env.put("JAVA_TOOL_OPTIONS", "");
    return env;
  }

  private static void createTables(DynamoDbClient client, Map<String, String> env) {
    for (String[] table : List.of(new String[] {env.get("ORDERS_TABLE"), "orderId"},
        new String[] {env.get("INVENTORY_TABLE"), "sku"}, new String[] {env.get("PAYMENTS_TABLE"), "orderId"})) {
      client.createTable(b -> b.tableName(table[0]).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(AttributeDefinition.builder().attributeName(table[1]).attributeType(ScalarAttributeType.S).build())
          .keySchema(KeySchemaElement.builder().attributeName(table[1]).keyType(KeyType.HASH).build()));
    }
    client.putItem(b -> b.tableName(env.get("INVENTORY_TABLE")).item(Map.of(
        "sku", AttributeValue.fromS("BENCH-1"), "available", AttributeValue.fromN("100000"),
        "price", AttributeValue.fromN("1250"), "currency", AttributeValue.fromS("EUR"),
        "name", AttributeValue.fromS("Benchmark widget"))));
  }

  private static void seedOrder(DynamoDbClient client, Map<String, String> env, String orderId) {
    new DynamoDbOrderRepository(client, env.get("ORDERS_TABLE"))
        .create(new NewOrder(orderId, "c-bench", List.of(new OrderLine("BENCH-1", 1)), "tok_visa", "bench"));
  }

  private static void report(Map<String, List<Double>> wall, int rounds, Path jars, boolean pinned) throws IOException {
    System.out.printf(Locale.ROOT, "%n| Lambda | naive (ms) | naive, Lambda's default flags (ms) | tuned (ms) "
        + "| tuned/naive | tuned/naive on Lambda's defaults |%n|---|---:|---:|---:|---:|---:|%n");
    for (String key : wall.keySet()) {
      if (!key.endsWith("|naive")) {
        continue;
      }
      String lambda = key.substring(0, key.indexOf('|'));
      double naive = median(wall.get(key));
      double naiveLambda = median(wall.get(lambda + "|naive-lambda"));
      double tuned = median(wall.get(lambda + "|tuned"));
      System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.2f | %.2f |%n", lambda, naive, naiveLambda, tuned,
          tuned / naive, tuned / naiveLambda);
    }
    System.out.printf(Locale.ROOT, "%nmedians of %d rounds, each a fresh JVM per invocation, %s; java %s%n", rounds,
        pinned ? "pinned to one CPU (taskset)" : "on all CPUs (not pinned)", System.getProperty("java.version"));
    for (String jar : List.of("tasks-lambda.jar", "api-lambda.jar")) {
      System.out.printf(Locale.ROOT, "%s: %.2f MB (10^6 bytes)%n", jar, Files.size(jars.resolve(jar)) / 1_000_000.0);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
