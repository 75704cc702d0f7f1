package dev.fulfillment.local.cloud;

import static dev.fulfillment.local.cloud.RunningCloud.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What lasts across a restart of the local cloud ({@code --data DIR}), and what start-up says it does not honour. */
class LocalCloudRestartTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anOrderAcceptedBeforeARestartIsFoundAfterItWhenDataIsKeptOnDisk(@TempDir Path data) throws Exception {
    String orderId;
    try (RunningCloud before = RunningCloud.start("local-cloud-restart-1.log",
        options -> options.withDataDirectory(data).withPrewarm(false))) {
      HttpResponse<String> accepted = before.post("/orders",
          "{\"customerId\":\"c-restart\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}],\"paymentToken\":\"tok_visa\"}");
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      orderId = JSON.readTree(accepted.body()).get("orderId").asText();
      await("order " + orderId + " confirmed", Duration.ofSeconds(60),
          () -> status(before, orderId).equals("CONFIRMED"));
    }

    try (RunningCloud after = RunningCloud.start("local-cloud-restart-2.log",
        options -> options.withDataDirectory(data).withPrewarm(false))) {
      HttpResponse<String> found = after.get("/orders/" + orderId);

      assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
      JsonNode order = JSON.readTree(found.body());
      assertThat(order.get("orderId").asText()).isEqualTo(orderId);
      assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
      assertThat(after.logLines()).anySatisfy(line -> assertThat(line).contains("kept from " + data));
    }
  }

  @Test
  void startUpListsEveryCloudWatchAlarmOfTheTemplateAsNotHonoured() throws Exception {
    List<String> alarms = new ArrayList<>();
    JSON.readTree(RunningCloud.TEMPLATE.toFile()).get("Resources").properties().forEach(resource -> {
      if (resource.getValue().path("Type").asText().equals("AWS::CloudWatch::Alarm")) {
        alarms.add(resource.getKey());
      }
    });
    assertThat(alarms).as("the synthesized stack has alarms").isNotEmpty();

    try (RunningCloud cloud = RunningCloud.start("local-cloud-listing.log", options -> options.withPrewarm(false))) {
      List<String> lines = cloud.logLines();

      assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Not honoured locally ("));
      String alarmLine = lines.stream().filter(line -> line.contains("alarms and dashboards are not emulated"))
          .findFirst().orElseThrow(() -> new AssertionError("no line about alarms in " + lines));
      assertThat(alarmLine).contains(alarms);
    }
  }

  private static String status(RunningCloud cloud, String orderId) {
    try {
      HttpResponse<String> response = cloud.get("/orders/" + orderId);
      return response.statusCode() == 200 ? JSON.readTree(response.body()).path("status").asText() : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
