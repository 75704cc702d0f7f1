package dev.fulfillment.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A restart in the middle of a run ({@code --data DIR}) loses no accepted order: the cloud is stopped as soon as the
 * last order is accepted, while executions still run, and started again on the same data. The engine keeps
 * executions in memory only, so the new cloud resumes every order the tables show unfinished (OrderRecovery); then
 * every accepted order ends CONFIRMED or FAILED, stock is conserved and no charge of a failed order stands.
 */
class LocalCloudRestartMidRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CATALOG = RunningCloud.REPOSITORY.resolve("local/seed/catalog.json");
  private static final Pattern RESUMED = Pattern.compile("resumed order (\\S+) \\(was (RECEIVED|RESERVED|PAID)\\)");
  private static final int ORDERS = 40;

  @Test
  void everyOrderAcceptedBeforeARestartMidRunIsFinishedAfterIt(@TempDir Path data) throws Exception {
    Map<String, Long> initialStock = initialStock();
    Set<String> accepted = ConcurrentHashMap.newKeySet();

    // Warm functions, so that executions are at every step (RECEIVED, RESERVED, PAID, ended) when the cloud stops.
    try (RunningCloud before = RunningCloud.start("local-cloud-restart-mid-run-1.log",
        options -> options.withDataDirectory(data))) {
      try (var clients = Executors.newFixedThreadPool(4)) {
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
          String key = "restart-" + i;
          String body = body(i);
          sent.add(clients.submit(() -> {
            HttpResponse<String> response = before.http.send(
                HttpRequest.newBuilder(URI.create(before.cloud.httpApiEndpoint() + "/orders"))
                    .header("content-type", "application/json").header("Idempotency-Key", key)
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(key + ": " + response.body()).isEqualTo(202);
            String orderId = JSON.readTree(response.body()).get("orderId").asText();
            assertThat(orderId).isEqualTo("ord_" + key);
            accepted.add(orderId);
            return null;
          }));
        }
        for (Future<?> f : sent) {
          f.get();
        }
      }
      // Stopped here, right after the last 202: executions are still running.
    }
    assertThat(accepted).hasSize(ORDERS);

    try (RunningCloud after = RunningCloud.start("local-cloud-restart-mid-run-2.log",
        options -> options.withDataDirectory(data).withPrewarm(false))) {
      Map<String, String> resumed = new TreeMap<>();
      for (String line : after.logLines()) {
        Matcher m = RESUMED.matcher(line);
        if (m.find()) {
          resumed.put(m.group(1), m.group(2));
        }
      }
      assertThat(resumed).as("orders resumed at start-up: the restart came while executions ran").isNotEmpty();
      assertThat(accepted).containsAll(resumed.keySet());

      RunningCloud.await("every accepted order terminal in the orders table and no execution running",
          Duration.ofSeconds(45), () -> {
            Map<String, Map<String, AttributeValue>> orders = scan(after, "ORDERS_TABLE", "orderId");
            return accepted.stream().allMatch(id -> orders.containsKey(id)
                    && Set.of("CONFIRMED", "FAILED").contains(orders.get(id).get("status").s()))
                && executions(after).stream().noneMatch(e -> e.status() == ExecutionStatus.RUNNING);
          });

      Map<String, Map<String, AttributeValue>> orders = scan(after, "ORDERS_TABLE", "orderId");
      Map<String, Map<String, AttributeValue>> payments = scan(after, "PAYMENTS_TABLE", "orderId");
      Map<String, Map<String, AttributeValue>> inventory = scan(after, "INVENTORY_TABLE", "sku");
      Map<String, ExecutionListItem> executions = new HashMap<>();
      for (ExecutionListItem e : executions(after)) {
        assertThat(executions.put(e.name(), e)).as("a second execution named " + e.name()).isNull();
      }

      // The new engine ran exactly the resumed orders, each to the end the order item shows, each with the input the
      // api gives it (docs/architecture.md: canonical JSON, keys sorted, lines by SKU, no payment token).
      assertThat(new TreeSet<>(executions.keySet())).isEqualTo(resumed.keySet());
      for (ExecutionListItem e : executions.values()) {
        int i = Integer.parseInt(e.name().substring("ord_restart-".length()));
        JsonNode line = JSON.readTree(body(i)).get("lines").get(0);
        assertThat(after.sfn.describeExecution(b -> b.executionArn(e.executionArn())).input()).isEqualTo(
            "{\"customerId\":\"c-restart-" + i + "\",\"lines\":[{\"quantity\":" + line.get("quantity").asInt()
                + ",\"sku\":\"" + line.get("sku").asText() + "\"}],\"orderId\":\"" + e.name() + "\"}");
      }
      List<String> violations = new ArrayList<>();
      int confirmed = 0;
      for (String orderId : new TreeSet<>(accepted)) {
        Map<String, AttributeValue> order = orders.get(orderId);
        String status = order.get("status").s();
        ExecutionListItem execution = executions.get(orderId);
        if (execution != null) {
          ExecutionStatus expected = status.equals("CONFIRMED") ? ExecutionStatus.SUCCEEDED : ExecutionStatus.FAILED;
          if (execution.status() != expected) {
            violations.add(orderId + ": order " + status + " but resumed execution " + execution.status());
          }
        }
        Map<String, AttributeValue> payment = payments.get(orderId);
        String paid = payment == null ? "NONE" : payment.get("status").s();
        if (status.equals("CONFIRMED")) {
          confirmed++;
          if (!paid.equals("CHARGED") || !payment.get("amount").n().equals(order.get("total").n())) {
            violations.add(orderId + ": confirmed but payment " + payment);
          }
        } else if (paid.equals("CHARGED")) {
          violations.add(orderId + ": failed but its charge was not refunded: " + payment);
        }
      }
      // One ledger item per order id (the payment idempotency key): no charge for an order nobody submitted.
      assertThat(accepted).containsAll(payments.keySet());
      assertThat(confirmed).as("confirmed orders").isPositive();

      initialStock.forEach((sku, initial) -> {
        Map<String, AttributeValue> item = inventory.get(sku);
        long available = Long.parseLong(item.get("available").n());
        long held = sum(item.get("holds"));
        long sold = sum(item.get("sold"));
        if (available + held + sold != initial || held != 0) {
          violations.add(sku + ": available " + available + " + held " + held + " + sold " + sold
              + " (initial " + initial + ", nothing may stay held)");
        }
        if (item.get("sold") != null) {
          item.get("sold").m().keySet().stream().filter(o -> !"CONFIRMED".equals(orders.get(o).get("status").s()))
              .forEach(o -> violations.add(sku + ": sold to " + o + " which is not CONFIRMED"));
        }
      });
      assertThat(violations).as("violations (resumed: " + resumed + ")").isEmpty();
    }
  }

  /** Mostly good orders over three SKUs; every 5th declined, every 8th the last unit or a sold-out SKU. */
  private static String body(int i) {
    String sku = i % 8 == 3 ? "SKU-LAST-ONE" : i % 8 == 7 ? "SKU-SOLD-OUT" : "SKU-" + (1 + i % 3);
    String token = i % 5 == 4 ? "tok_chargeDeclined" : "tok_visa";
    return "{\"customerId\":\"c-restart-" + i + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + (1 + i % 2)
        + "}],\"paymentToken\":\"" + token + "\"}";
  }

  private static List<ExecutionListItem> executions(RunningCloud cloud) {
    List<ExecutionListItem> all = new ArrayList<>();
    cloud.sfn.listExecutionsPaginator(b -> b.stateMachineArn(cloud.cloud.stateMachineArn()).maxResults(1000))
        .executions().forEach(all::add);
    return all;
  }

  private static Map<String, Map<String, AttributeValue>> scan(RunningCloud cloud, String tableVariable, String key) {
    Map<String, Map<String, AttributeValue>> items = new HashMap<>();
    cloud.dynamoDb.scanPaginator(b -> b.tableName(cloud.cloud.tableName(tableVariable)).consistentRead(true))
        .items().forEach(item -> items.put(item.get(key).s(), item));
    return items;
  }

  private static long sum(AttributeValue map) {
    return map == null || !map.hasM() ? 0 : map.m().values().stream().mapToLong(v -> Long.parseLong(v.n())).sum();
  }

  private static Map<String, Long> initialStock() throws Exception {
    Map<String, Long> stock = new TreeMap<>();
    for (JsonNode item : JSON.readTree(CATALOG.toFile()).path("tables").path("INVENTORY_TABLE").path("items")) {
      stock.put(item.get("sku").asText(), item.get("available").asLong());
    }
    return stock;
  }
}
