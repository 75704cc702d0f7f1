package dev.fulfillment.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulfillment.local.faults.FaultPlan;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The chaos suite (docs/chaos.md): a mix of orders through the whole local cloud while it injects faults by a seeded
 * plan, then the invariants checked from the data (DynamoDB tables, Step Functions executions, the DLQ), never from
 * logs. {@code -Dchaos.orders=1000} runs the full version, {@code -Dchaos.seed=N} replays a seed,
 * {@code -Dchaos.faults=FILE} takes another plan.
 */
@Tag("chaos")
class ChaosSuiteTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CATALOG = RunningCloud.REPOSITORY.resolve("local/seed/catalog.json");
  private static final Path DEFAULT_PLAN = Path.of("src/test/resources/chaos/faults.json");
  private static final int CLIENT_ATTEMPTS = 6;

  private RunningCloud local;
  private final AtomicLong clientRetries = new AtomicLong();
  private final AtomicLong clientRePosts = new AtomicLong();
  /** Order id -> the order's kind, for every order the cloud accepted (HTTP 202, valid SQS message). */
  private final Map<String, String> accepted = new ConcurrentHashMap<>();
  /** Idempotency keys of the invalid SQS messages sent: exactly these may reach the DLQ. */
  private final Set<String> invalidKeys = ConcurrentHashMap.newKeySet();

  @Test
  void nothingIsLostChargedTwiceOrLeakedUnderInjectedFaults() throws Exception {
    int orders = Integer.getInteger("chaos.orders", 100);
    FaultPlan plan = FaultPlan.load(Path.of(System.getProperty("chaos.faults", DEFAULT_PLAN.toString())));
    long seed = Long.getLong("chaos.seed", plan.seed());
    plan = new FaultPlan(seed, plan.rules());
    Chaos result = run(orders, plan);

    System.out.println(result.figures());
    Files.writeString(Path.of("target", "chaos-figures-" + orders + "-seed-" + seed + ".txt"), result.figures());
    assertThat(result.violations()).as("violations with seed " + seed).isEmpty();
    assertThat(result.faultsInjected()).as("faults injected").isPositive();
    assertNoSecretInTheLog(Path.of("target", "chaos-" + orders + "-seed-" + seed + ".log"));
  }

  /**
   * Every line the cloud and its functions printed during the run (HTTP access lines, Lambda logs, the
   * poller, the faults) is scanned: payment tokens the suite sent and card-like digit runs never appear.
   */
  private static void assertNoSecretInTheLog(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).as("the chaos run's log").isNotEmpty();
    RunningCloud.assertNoSecretLogged(lines);
  }

  private record Chaos(List<String> violations, long faultsInjected, String figures) {}

  private Chaos run(int orders, FaultPlan plan) throws Exception {
    Instant started = Instant.now();
    FaultPlan faults = plan;
    try (RunningCloud cloud = RunningCloud.start("chaos-" + orders + "-seed-" + plan.seed() + ".log",
        options -> options.withFaults(faults))) {
      local = cloud;
      Map<String, Long> initialStock = initialStock();
      Map<String, Integer> submitted = submit(orders, new SplittableRandom(plan.seed()));
      awaitAllTerminal(Duration.ofSeconds(Math.max(120, orders / 2)));
      awaitDeadLetters(Duration.ofSeconds(60));
      List<String> violations = new ArrayList<>();
      Map<String, Long> figures = check(initialStock, violations);
      StringBuilder table = new StringBuilder();
      table.append(String.format("%nChaos suite: seed %d, %d orders, %.0f s%n", plan.seed(), orders,
          Duration.between(started, Instant.now()).toMillis() / 1000.0));
      submitted.forEach((k, v) -> table.append(String.format("  submitted %-28s %6d%n", k, v)));
      figures.forEach((k, v) -> table.append(String.format("  %-38s %6d%n", k, v)));
      table.append(String.format("  %-38s %6d%n", "client retries (5xx / network)", clientRetries.get()));
      table.append(String.format("  %-38s %6d%n", "client re-POSTs (same key, after 202)", clientRePosts.get()));
      cloud.cloud.faults().injectedByKind()
          .forEach((k, v) -> table.append(String.format("  faults injected %-22s %6d%n", k, v)));
      table.append(String.format("  %-38s %6d%n", "violations", violations.size()));
      violations.stream().limit(20).forEach(v -> table.append("    ").append(v).append('\n'));
      return new Chaos(violations, cloud.cloud.faults().injectedTotal(), table.toString());
    }
  }

  // ------------------------------------------------------------------------------------------------ the load

  /** Sends the mix: HTTP orders of every kind (some submitted twice), and bulk batches over SQS. */
  private Map<String, Integer> submit(int orders, SplittableRandom random) throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    List<String[]> http = new ArrayList<>();
    List<String[]> bulk = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      double pick = random.nextDouble();
      String key = "chaos-" + i;
      String kind;
      String body;
      if (pick < 0.45) {
        kind = "valid";
        body = order(key, "SKU-" + (1 + random.nextInt(3)), 1 + random.nextInt(3), "tok_visa");
      } else if (pick < 0.53) {
        kind = "out-of-stock";
        body = order(key, random.nextInt(4) == 0 ? "SKU-LAST-ONE" : "SKU-SOLD-OUT", 1, "tok_visa");
      } else if (pick < 0.61) {
        kind = "declined";
        body = order(key, "SKU-3", 1, "tok_chargeDeclined");
      } else if (pick < 0.65) {
        kind = "payment-transient";
        body = order(key, "SKU-2", 1, "tok_processingError");
      } else if (pick < 0.75) {
        kind = "duplicate-submission";
        body = order(key, "SKU-1", 2, "tok_mastercard");
      } else if (pick < 0.97) {
        kind = "bulk-valid";
        body = order(key, "SKU-" + (1 + random.nextInt(3)), 1, random.nextInt(5) == 0 ? "tok_chargeDeclined" : "tok_visa");
      } else {
        kind = "bulk-invalid";
        body = "{\"customerId\":\"c-chaos\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":0}],\"paymentToken\":\"tok_visa\","
            + "\"idempotencyKey\":\"" + key + "\"}";
      }
      counts.merge(kind, 1, Integer::sum);
      if (!kind.startsWith("bulk")) {
        body = body.replace(",\"idempotencyKey\":\"" + key + "\"", ""); // over HTTP the key is a header
      }
      (kind.startsWith("bulk") ? bulk : http).add(new String[] {key, kind, body});
    }
    sendBulk(bulk);
    // A few concurrent clients, like a shop front; a duplicate submission races its first copy.
    try (var clients = Executors.newFixedThreadPool(6)) {
      List<Future<?>> sent = new ArrayList<>();
      for (String[] o : http) {
        sent.add(clients.submit(() -> postUntilAnswered(o[0], o[1], o[2])));
        if (o[1].equals("duplicate-submission")) {
          sent.add(clients.submit(() -> postUntilAnswered(o[0], o[1], o[2])));
        }
      }
      for (Future<?> f : sent) {
        f.get();
      }
    }
    return counts;
  }

  private static String order(String key, String sku, int quantity, String token) {
    return "{\"customerId\":\"c-chaos\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity
        + "}],\"paymentToken\":\"" + token + "\",\"idempotencyKey\":\"" + key + "\"}";
  }

  private void sendBulk(List<String[]> bulk) {
    String queue = local.cloud.queueUrl("IntakeQueue");
    for (int from = 0; from < bulk.size(); from += 10) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (String[] o : bulk.subList(from, Math.min(bulk.size(), from + 10))) {
        entries.add(SendMessageBatchRequestEntry.builder().id(o[0]).messageBody(o[2]).build());
        if (o[1].equals("bulk-invalid")) {
          invalidKeys.add(o[0]);
        } else {
          accepted.put("ord_" + o[0], o[1]);
        }
      }
      assertThat(local.sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(entries)).failed()).isEmpty();
    }
  }

  /**
   * POSTs with an Idempotency-Key until the API answers 202, retrying 5xx and network errors with the same key as a
   * well-behaved client does; every 7th accepted order is POSTed once more, as when the 202 was lost on the way.
   */
  private Void postUntilAnswered(String key, String kind, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(local.cloud.httpApiEndpoint() + "/orders"))
        .header("content-type", "application/json").header("Idempotency-Key", key)
        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> response = sendRetrying(request, key);
    assertThat(response.statusCode()).as(key + ": " + response.body()).isEqualTo(202);
    String orderId = JSON.readTree(response.body()).get("orderId").asText();
    assertThat(orderId).isEqualTo("ord_" + key);
    accepted.put(orderId, kind);
    if (Math.floorMod(key.hashCode(), 7) == 0) {
      clientRePosts.incrementAndGet();
      HttpResponse<String> again = sendRetrying(request, key);
      assertThat(again.statusCode()).as("re-POST of " + key + ": " + again.body()).isEqualTo(202);
      assertThat(JSON.readTree(again.body()).get("orderId").asText()).isEqualTo(orderId);
    }
    return null;
  }

  /** Sends, retrying 5xx answers and network errors with the same request (so the same Idempotency-Key). */
  private HttpResponse<String> sendRetrying(HttpRequest request, String key) throws InterruptedException {
    for (int attempt = 1; attempt <= CLIENT_ATTEMPTS; attempt++) {
      try {
        HttpResponse<String> response = local.http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() < 500) {
          return response;
        }
      } catch (IOException e) {
        // retried below
      }
      clientRetries.incrementAndGet();
    }
    throw new AssertionError(key + " got no answer below 500 in " + CLIENT_ATTEMPTS + " attempts");
  }

  // --------------------------------------------------------------------------------------------- waiting

  private List<ExecutionListItem> executions() {
    List<ExecutionListItem> all = new ArrayList<>();
    local.sfn.listExecutionsPaginator(b -> b.stateMachineArn(local.cloud.stateMachineArn()).maxResults(1000))
        .executions().forEach(all::add);
    return all;
  }

  private void awaitAllTerminal(Duration timeout) {
    RunningCloud.await("every accepted order (" + accepted.size() + ") to have a terminal execution", timeout, () -> {
      List<ExecutionListItem> all = executions();
      return all.size() >= accepted.size() && all.stream().noneMatch(e -> e.status() == ExecutionStatus.RUNNING);
    });
  }

  private void awaitDeadLetters(Duration timeout) {
    RunningCloud.await(invalidKeys.size() + " invalid messages in the DLQ", timeout,
        () -> deadLetterKeys(new HashMap<>()).size() >= invalidKeys.size());
  }

  /** The idempotency keys of the DLQ's messages (peeked: visibility 0), counting copies by source message id. */
  private Set<String> deadLetterKeys(Map<String, String> reasons) {
    String dlq = local.cloud.queueUrl("IntakeDeadLetterQueue");
    Set<String> keys = new HashSet<>();
    Set<String> seenIds = new HashSet<>();
    for (int round = 0; round < 20; round++) {
      List<Message> messages = local.sqs.receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10)
          .visibilityTimeout(0).messageAttributeNames("All")).messages();
      boolean fresh = false;
      for (Message m : messages) {
        if (seenIds.add(m.messageId())) {
          fresh = true;
          String key = m.body().replaceAll(".*\"idempotencyKey\":\"([^\"]+)\".*", "$1");
          keys.add(key);
          var reason = m.messageAttributes().get("failureReason");
          reasons.put(m.messageId() + " " + key, reason == null ? null : reason.stringValue());
        }
      }
      if (!fresh) {
        break;
      }
    }
    return keys;
  }

  // -------------------------------------------------------------------------------------------- checking

  private Map<String, Long> check(Map<String, Long> initialStock, List<String> violations) {
    Map<String, Long> figures = new LinkedHashMap<>();
    Map<String, ExecutionListItem> executions = new HashMap<>();
    for (ExecutionListItem e : executions()) {
      if (executions.put(e.name(), e) != null) {
        violations.add("two executions named " + e.name());
      }
    }
    Map<String, Map<String, AttributeValue>> ordersById = scan("ORDERS_TABLE", "orderId");
    Map<String, Map<String, AttributeValue>> payments = scan("PAYMENTS_TABLE", "orderId");
    Map<String, Map<String, AttributeValue>> inventory = scan("INVENTORY_TABLE", "sku");
    figures.put("orders accepted", (long) accepted.size());
    figures.put("executions", (long) executions.size());

    long succeeded = 0;
    long failed = 0;
    long retries = 0;
    long compensations = 0;
    for (String orderId : accepted.keySet()) {
      ExecutionListItem execution = executions.get(orderId);
      Map<String, AttributeValue> order = ordersById.get(orderId);
      if (execution == null) {
        violations.add(orderId + ": accepted but has no execution");
        continue;
      }
      if (order == null) {
        violations.add(orderId + ": has an execution but no order item");
        continue;
      }
      String status = order.get("status").s();
      Map<String, AttributeValue> payment = payments.get(orderId);
      String paymentStatus = payment == null ? "NONE" : payment.get("status").s();
      switch (execution.status()) {
        case SUCCEEDED -> {
          succeeded++;
          if (!status.equals("CONFIRMED")) {
            violations.add(orderId + ": execution SUCCEEDED but order " + status);
          }
          if (!paymentStatus.equals("CHARGED")
              || !payment.get("amount").n().equals(order.get("total").n())) {
            violations.add(orderId + ": confirmed but payment " + paymentStatus + " " + payment);
          }
        }
        case FAILED -> {
          failed++;
          if (!status.equals("FAILED")) {
            violations.add(orderId + ": execution FAILED but order " + status);
          }
          if (paymentStatus.equals("CHARGED")) {
            violations.add(orderId + ": failed but its charge was not refunded");
          }
        }
        default -> violations.add(orderId + ": execution not terminal: " + execution.status());
      }
      List<HistoryEvent> history = local.sfn.getExecutionHistoryPaginator(b -> b.executionArn(execution.executionArn()))
          .events().stream().toList();
      long scheduled = history.stream().filter(h -> h.typeAsString().equals("TaskScheduled")
          || h.typeAsString().equals("LambdaFunctionScheduled")).count();
      long tasksEntered = history.stream().filter(h -> h.typeAsString().equals("TaskStateEntered")).count();
      retries += Math.max(0, scheduled - tasksEntered);
      compensations += history.stream().filter(h -> h.typeAsString().equals("TaskStateEntered"))
          .map(h -> h.stateEnteredEventDetails().name())
          .filter(n -> n.equals("ReleaseStock") || n.equals("RefundPayment")).count();
      history.stream().filter(h -> h.typeAsString().equals("ExecutionFailed"))
          .filter(h -> "Fulfillment.CompensationFailed".equals(h.executionFailedEventDetails().error()))
          .forEach(h -> violations.add(orderId + ": compensation failed: " + h.executionFailedEventDetails().cause()));
    }
    for (String name : executions.keySet()) {
      if (!accepted.containsKey(name)) {
        violations.add(name + ": an execution for an order nobody submitted or that was not accepted");
      }
    }
    figures.put("executions SUCCEEDED", succeeded);
    figures.put("executions FAILED", failed);
    figures.put("task retries (from histories)", retries);
    figures.put("compensations (Release/Refund)", compensations);
    figures.put("payments CHARGED", payments.values().stream().filter(p -> p.get("status").s().equals("CHARGED")).count());
    figures.put("payments REFUNDED", payments.values().stream().filter(p -> p.get("status").s().equals("REFUNDED")).count());

    initialStock.forEach((sku, initial) -> {
      Map<String, AttributeValue> item = inventory.get(sku);
      long available = Long.parseLong(item.get("available").n());
      long held = sum(item.get("holds"));
      long sold = sum(item.get("sold"));
      if (available < 0 || held < 0 || sold < 0) {
        violations.add(sku + ": negative stock " + available + "/" + held + "/" + sold);
      }
      if (available + held + sold != initial) {
        violations.add(sku + ": available " + available + " + held " + held + " + sold " + sold + " != initial " + initial);
      }
      if (held != 0) {
        violations.add(sku + ": " + held + " units still held after every execution ended: " + item.get("holds"));
      }
      if (item.get("sold") != null) {
        item.get("sold").m().keySet().stream()
            .filter(o -> executions.get(o) == null || executions.get(o).status() != ExecutionStatus.SUCCEEDED)
            .forEach(o -> violations.add(sku + ": sold to " + o + " whose execution did not succeed"));
      }
    });

    Map<String, String> reasons = new HashMap<>();
    Set<String> dead = deadLetterKeys(reasons);
    if (!dead.equals(invalidKeys)) {
      violations.add("DLQ holds " + dead + " but the invalid messages were " + invalidKeys);
    }
    reasons.forEach((id, reason) -> {
      if (reason == null || reason.isBlank()) {
        violations.add("DLQ message " + id + " has no failureReason");
      }
    });
    figures.put("DLQ messages (distinct invalid)", (long) dead.size());
    figures.put("DLQ copies (incl. duplicate deliveries)", (long) reasons.size());
    return figures;
  }

  private static long sum(AttributeValue map) {
    return map == null || !map.hasM() ? 0 : map.m().values().stream().mapToLong(v -> Long.parseLong(v.n())).sum();
  }

  private Map<String, Map<String, AttributeValue>> scan(String tableVariable, String key) {
    Map<String, Map<String, AttributeValue>> items = new HashMap<>();
    local.dynamoDb.scanPaginator(b -> b.tableName(local.cloud.tableName(tableVariable)).consistentRead(true))
        .items().forEach(item -> items.put(item.get(key).s(), item));
    return items;
  }

  private static Map<String, Long> initialStock() throws IOException {
    Map<String, Long> stock = new TreeMap<>();
    for (JsonNode item : JSON.readTree(CATALOG.toFile()).path("tables").path("INVENTORY_TABLE").path("items")) {
      stock.put(item.get("sku").asText(), item.get("available").asLong());
    }
    return stock;
  }
}
