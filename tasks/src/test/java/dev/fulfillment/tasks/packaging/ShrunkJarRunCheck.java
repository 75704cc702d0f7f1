package dev.fulfillment.tasks.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.tasks.domain.OrderLine;
import dev.fulfillment.tasks.order.DynamoDbOrderRepository;
import dev.fulfillment.tasks.order.NewOrder;
import dev.fulfillment.tasks.stock.DynamoDbInventoryRepository;
import dev.fulfillment.tasks.stock.StockItem;
import dev.fulfillment.tasks.support.Tables;
import dev.fulfillment.testing.DynaliteExtension;
import dev.fulfillment.testing.DynaliteServer;
import dev.fulfillment.testing.LambdaJars;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a handler out of the shrunk Lambda jar with credentials as SnapStart hands them to a function:
 * from the container credentials endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}, Lambda guide "Using SnapStart with AWS SDKs"), with no access
 * keys in the environment. The end-to-end tests use access keys, so without this check a path that
 * shrinking broke would first fail on AWS. Runs in {@code verify} with {@link ShadedJarCheck}.
 */
@ExtendWith(DynaliteExtension.class)
class ShrunkJarRunCheck {

  private static final String TOKEN = "container-token-1";

  @Test
  void reserveStockRunsFromTheShrunkJarWithContainerCredentials(DynaliteServer dynalite, @TempDir Path home)
      throws Exception {
    Path jar = LambdaJars.fromSystemProperty();
    TableNames tables = Tables.create(dynalite);
    DynamoDbInventoryRepository inventory = new DynamoDbInventoryRepository(dynalite.client(), tables.inventory());
    inventory.put(new StockItem("A", 5, 1000, "EUR", "Anvil"));
    new DynamoDbOrderRepository(dynalite.client(), tables.orders())
        .create(new NewOrder("ord_jar", "c-1", List.of(new OrderLine("A", 2)), "tok_visa", "h-1"));

    List<String> authorizations = new CopyOnWriteArrayList<>();
    HttpServer credentials = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    credentials.createContext("/credentials", exchange -> {
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      byte[] body = ("{\"AccessKeyId\":\"ASIACONTAINER\",\"SecretAccessKey\":\"secret\",\"Token\":\"session\","
          + "\"Expiration\":\"" + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    credentials.start();
    try {
      ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", jar + File.pathSeparator + testClasses(), JarInvoker.class.getName(), "ord_jar", "A")
          .redirectErrorStream(true);
      Map<String, String> environment = child.environment();
      environment.clear(); // no access keys, no profile: only what Lambda sets
      environment.putAll(Map.of("HOME", home.toString(), "AWS_REGION", "us-east-1",
          "AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString(),
          "AWS_CONTAINER_CREDENTIALS_FULL_URI",
          "http://127.0.0.1:" + credentials.getAddress().getPort() + "/credentials",
          "AWS_CONTAINER_AUTHORIZATION_TOKEN", TOKEN, TableNames.ORDERS_TABLE, tables.orders(),
          TableNames.INVENTORY_TABLE, tables.inventory(), TableNames.PAYMENTS_TABLE, tables.payments()));
      Process process = child.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(process.exitValue()).as(output).isZero();
      assertThat(output).contains("RESPONSE ReserveStockResponse[orderId=ord_jar");
      assertThat(authorizations).as("the SDK fetched its credentials from the container endpoint").contains(TOKEN);
      assertThat(inventory.find("A").orElseThrow().available()).isEqualTo(3);
    } finally {
      credentials.stop(0);
    }
  }

  /** The directory holding this test's classes, so that the child finds {@link JarInvoker} and nothing else of ours. */
  private static Path testClasses() throws Exception {
    return Path.of(JarInvoker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
