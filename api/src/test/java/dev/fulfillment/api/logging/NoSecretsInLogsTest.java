package dev.fulfillment.api.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fulfillment.api.config.ApiConfig;
import dev.fulfillment.api.http.HttpApiHandler;
import dev.fulfillment.api.intake.SqsIntakeHandler;
import dev.fulfillment.api.json.Json;
import dev.fulfillment.api.support.FakeStepFunctions;
import dev.fulfillment.api.support.Lambda;
import dev.fulfillment.api.support.OrdersTable;
import dev.fulfillment.tasks.logging.JsonLogger;
import dev.fulfillment.testing.DynaliteExtension;
import dev.fulfillment.testing.DynaliteServer;
import dev.fulfillment.testing.LogSecrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * Runs accepted, rejected, retried and dead-lettered orders through both handlers with stdout
 * captured (where Lambda's logs go), and checks every line is one JSON object with level, message and
 * request id, and that no payment token, card number, e-mail or address made it into any line.
 */
@ExtendWith(DynaliteExtension.class)
class NoSecretsInLogsTest {

  @Test
  void logsNeitherTokensNorCardNumbersNorPersonalData(DynaliteServer dynalite) throws Exception {
    String table = OrdersTable.create(dynalite);
    FakeStepFunctions stepFunctions = new FakeStepFunctions();
    stepFunctions.throttle("ord_bulk-throttled");
    SqsClient sqs = mock(SqsClient.class);
    when(sqs.sendMessage(any(SendMessageRequest.class))).thenReturn(SendMessageResponse.builder().build());
    ApiConfig config = new ApiConfig(table, FakeStepFunctions.STATE_MACHINE_ARN,
        "https://sqs.eu-west-1.amazonaws.com/123456789012/dlq", 32 * 1024);

    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      // Created after redirecting: the production logger writes to System.out.
      HttpApiHandler http = new HttpApiHandler(config, dynalite.client(), stepFunctions.client(), JsonLogger.create("http"));
      SqsIntakeHandler intake = new SqsIntakeHandler(config, dynalite.client(), stepFunctions.client(), sqs,
          JsonLogger.create("intake"));
      http.handleRequest(EventLoader.loadApiGatewayHttpEvent("http/events/post-order.json"), Lambda.context("r-1"));
      http.handleRequest(EventLoader.loadApiGatewayHttpEvent("http/events/post-order-same-key-other-body.json"),
          Lambda.context("r-2"));
      APIGatewayV2HTTPEvent withCard = EventLoader.loadApiGatewayHttpEvent("http/events/post-order.json");
      withCard.setBody(withCard.getBody().replace("tok_visa_4242", "4111 1111 1111 1111"));
      http.handleRequest(withCard, Lambda.context("r-3"));
      SQSEvent batch = EventLoader.loadSQSEvent("sqs/events/mixed-batch.json");
      intake.handleRequest(batch, Lambda.context("r-4"));
      intake.handleRequest(EventLoader.loadSQSEvent("sqs/events/card-number-batch.json"), Lambda.context("r-5"));
    } finally {
      System.setOut(original);
    }

    String text = captured.toString(StandardCharsets.UTF_8);
    String[] lines = text.strip().split("\n");
    assertThat(lines.length).isGreaterThan(5);
    for (String line : lines) {
      JsonNode entry = Json.mapper().readTree(line);
      assertThat(entry.isObject()).as(line).isTrue();
      assertThat(entry.get("level").asText()).isIn("DEBUG", "INFO", "WARN", "ERROR");
      assertThat(entry.get("message").asText()).isNotBlank();
      assertThat(entry.get("requestId").asText()).startsWith("r-");
    }
    assertThat(text).contains("\"orderId\":\"ord_key-1\"").contains("\"orderId\":\"ord_bulk-1\"");
    // The card as sent (spaced) and as digits; "4111" alone would also match a timestamp's nanoseconds.
    for (String secret : Map.of(
        "token", "tok_", "card", "4111 1111 1111 1111", "card digits", "4111111111111111",
        "email", "erika@example.com", "name", "Erika Mustermann", "street", "Hauptstrasse").values()) {
      assertThat(text).doesNotContain(secret);
    }
    assertThat(LogSecrets.leaks(List.of(lines), 5)).isEmpty();
  }
}
