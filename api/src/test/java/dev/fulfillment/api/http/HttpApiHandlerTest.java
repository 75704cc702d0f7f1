package dev.fulfillment.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fulfillment.api.config.ApiConfig;
import dev.fulfillment.api.json.Json;
import dev.fulfillment.api.support.FakeStepFunctions;
import dev.fulfillment.api.support.Lambda;
import dev.fulfillment.api.support.OrdersTable;
import dev.fulfillment.tasks.domain.Order;
import dev.fulfillment.tasks.domain.OrderStatus;
import dev.fulfillment.tasks.order.DynamoDbOrderRepository;
import dev.fulfillment.testing.DynaliteExtension;
import dev.fulfillment.testing.DynaliteServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP handler end to end through the real order repository on dynalite; Step Functions is the
 * edge the tests stop at (a Mockito SfnClient following the documented StartExecution rules).
 */
@ExtendWith(DynaliteExtension.class)
class HttpApiHandlerTest {

  private FakeStepFunctions stepFunctions;
  private DynamoDbOrderRepository orders;
  private HttpApiHandler handler;
  private Lambda.CapturedLog log;

  @BeforeEach
  void setUp(DynaliteServer dynalite) {
    String table = OrdersTable.create(dynalite);
    stepFunctions = new FakeStepFunctions();
    orders = new DynamoDbOrderRepository(dynalite.client(), table);
    log = Lambda.capturedLog();
    handler = new HttpApiHandler(new ApiConfig(table, FakeStepFunctions.STATE_MACHINE_ARN, null, 32 * 1024),
        dynalite.client(), stepFunctions.client(), log.logger());
  }

  @Test
  void acceptsAValidOrderStoresItReceivedAndStartsItsExecutionWithCanonicalInput() {
    APIGatewayV2HTTPResponse response = send("http/events/post-order.json");

    assertThat(response.getStatusCode()).isEqualTo(202);
    JsonNode body = json(response);
    assertThat(body.get("orderId").asText()).isEqualTo("ord_key-1");
    assertThat(body.get("executionArn").asText()).isEqualTo(FakeStepFunctions.arnOf("ord_key-1"));
    assertThat(body.get("statusUrl").asText()).isEqualTo("/orders/ord_key-1");
    assertThat(response.getHeaders()).containsEntry("location", "/orders/ord_key-1")
        .containsEntry("content-type", "application/json");

    assertThat(stepFunctions.calls()).singleElement().satisfies(call -> {
      assertThat(call.stateMachineArn()).isEqualTo(FakeStepFunctions.STATE_MACHINE_ARN);
      assertThat(call.name()).isEqualTo("ord_key-1");
      // Keys sorted, no spaces, lines in SKU order, and no payment token (docs/architecture.md).
      assertThat(call.input()).isEqualTo(
          "{\"customerId\":\"c-1\",\"lines\":[{\"quantity\":2,\"sku\":\"SKU-1\"},{\"quantity\":1,\"sku\":\"SKU-2\"}],"
              + "\"orderId\":\"ord_key-1\"}");
    });
    Order stored = orders.find("ord_key-1").orElseThrow();
    assertThat(stored.status()).isEqualTo(OrderStatus.RECEIVED);
    assertThat(stored.customerId()).isEqualTo("c-1");
    assertThat(stored.lines()).extracting(line -> line.sku() + "x" + line.quantity()).containsExactly("SKU-1x2", "SKU-2x1");
    assertThat(orders.findPaymentToken("ord_key-1")).contains("tok_visa_4242");
  }

  @Test
  void aRetryWithTheSameKeyAndTheSameOrderReformattedStartsNothingNew() {
    APIGatewayV2HTTPResponse first = send("http/events/post-order.json");
    APIGatewayV2HTTPResponse retry = send("http/events/post-order-retry-reformatted.json");

    assertThat(retry.getStatusCode()).isEqualTo(202);
    assertThat(json(retry)).isEqualTo(json(first));
    // Both calls carry byte-identical input, so the second StartExecution is Step Functions' no-op.
    assertThat(stepFunctions.calls()).hasSize(2);
    assertThat(stepFunctions.calls().get(1)).isEqualTo(stepFunctions.calls().get(0));
    assertThat(stepFunctions.executions()).containsOnlyKeys("ord_key-1");
  }

  @Test
  void aRetryAfterTheWorkflowMovedTheOrderDoesNotCallStepFunctionsAgain() {
    send("http/events/post-order.json");
    orders.transition("ord_key-1", java.util.Set.of(OrderStatus.RECEIVED), OrderStatus.FAILED, "out of stock");
    stepFunctions.close("ord_key-1");

    APIGatewayV2HTTPResponse retry = send("http/events/post-order.json");

    assertThat(retry.getStatusCode()).isEqualTo(202);
    assertThat(json(retry).get("executionArn").asText()).isEqualTo(FakeStepFunctions.arnOf("ord_key-1"));
    assertThat(stepFunctions.calls()).hasSize(1);
  }

  @Test
  void treatsExecutionAlreadyExistsForAClosedExecutionAsAlreadyStarted() {
    send("http/events/post-order.json");
    stepFunctions.close("ord_key-1");

    APIGatewayV2HTTPResponse retry = send("http/events/post-order.json");

    assertThat(retry.getStatusCode()).isEqualTo(202);
    assertThat(json(retry).get("executionArn").asText()).isEqualTo(FakeStepFunctions.arnOf("ord_key-1"));
    assertThat(stepFunctions.executions()).hasSize(1);
  }

  @Test
  void answersConflictWhenTheSameKeyComesWithAnotherOrderAndKeepsTheFirst() {
    send("http/events/post-order.json");

    APIGatewayV2HTTPResponse conflict = send("http/events/post-order-same-key-other-body.json");

    assertThat(conflict.getStatusCode()).isEqualTo(409);
    assertThat(json(conflict).get("error").asText()).isEqualTo("IdempotencyKeyReused");
    assertThat(stepFunctions.calls()).hasSize(1);
    assertThat(orders.find("ord_key-1").orElseThrow().lines()).hasSize(2);
  }

  @Test
  void answers503WhenStartExecutionIsThrottledAndTheRetrySucceeds() {
    stepFunctions.throttle("ord_key-1");

    APIGatewayV2HTTPResponse throttled = send("http/events/post-order.json");

    assertThat(throttled.getStatusCode()).isEqualTo(503);
    assertThat(throttled.getHeaders()).containsKey("retry-after");
    assertThat(orders.find("ord_key-1").orElseThrow().status()).isEqualTo(OrderStatus.RECEIVED);

    stepFunctions.stopThrottling("ord_key-1");
    APIGatewayV2HTTPResponse retried = send("http/events/post-order.json");

    assertThat(retried.getStatusCode()).isEqualTo(202);
    assertThat(stepFunctions.executions()).containsOnlyKeys("ord_key-1");
  }

  @Test
  void decodesABase64EncodedBody() {
    APIGatewayV2HTTPResponse response = send("http/events/post-order-base64.json");

    assertThat(response.getStatusCode()).isEqualTo(202);
    assertThat(stepFunctions.calls()).singleElement()
        .satisfies(call -> assertThat(call.name()).isEqualTo("ord_key-b64"));
  }

  @Test
  void generatesAnOrderIdWhenNoIdempotencyKeyIsSent() {
    APIGatewayV2HTTPResponse response = send("http/events/post-order-without-key.json");

    assertThat(response.getStatusCode()).isEqualTo(202);
    String orderId = json(response).get("orderId").asText();
    assertThat(orderId).matches("ord_[0-9a-f]{32}");
    assertThat(stepFunctions.calls()).singleElement().satisfies(call -> assertThat(call.name()).isEqualTo(orderId));
    assertThat(orders.find(orderId)).isPresent();
  }

  @Test
  void routesUnderANamedStageAndLinksTheStatusWithTheStage() {
    APIGatewayV2HTTPResponse response = send("http/events/post-order-named-stage.json");

    assertThat(response.getStatusCode()).isEqualTo(202);
    assertThat(json(response).get("statusUrl").asText()).isEqualTo("/prod/orders/ord_key-stage");
  }

  @Test
  void showsAnOrdersStatusLinesAndHistory() {
    send("http/events/post-order.json");

    APIGatewayV2HTTPResponse response = send("http/events/get-order.json");

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("orderId").asText()).isEqualTo("ord_key-1");
    assertThat(body.get("status").asText()).isEqualTo("RECEIVED");
    assertThat(body.get("lines")).hasSize(2);
    assertThat(body.get("history").get(0).get("status").asText()).isEqualTo("RECEIVED");
    assertThat(body.has("paymentToken")).isFalse();
    assertThat(response.getBody()).doesNotContain("tok_");
  }

  @Test
  void showsPricesAndTotalOnceStockIsReserved() {
    send("http/events/post-order.json");
    orders.markReserved("ord_key-1", java.util.List.of(new dev.fulfillment.tasks.domain.PricedLine("SKU-1", 2, 1250),
        new dev.fulfillment.tasks.domain.PricedLine("SKU-2", 1, 500)), 3000, "EUR");

    JsonNode body = json(send("http/events/get-order.json"));

    assertThat(body.get("status").asText()).isEqualTo("RESERVED");
    assertThat(body.get("total").asLong()).isEqualTo(3000);
    assertThat(body.get("currency").asText()).isEqualTo("EUR");
    assertThat(body.get("lines").get(0).get("unitPrice").asLong()).isEqualTo(1250);
    assertThat(body.get("history")).extracting(entry -> entry.get("status").asText()).containsExactly("RECEIVED", "RESERVED");
  }

  @Test
  void answers404ForAnUnknownOrder() throws Exception {
    APIGatewayV2HTTPResponse response = send("http/events/get-unknown-order.json");
    JsonNode expected = Json.mapper().readTree(getClass().getResourceAsStream("/http/responses/get-unknown-order.json"));

    assertThat(response.getStatusCode()).isEqualTo(expected.get("statusCode").asInt());
    assertThat(json(response).get("error").asText()).isEqualTo(expected.get("error").asText());
    assertThat(json(response).get("requestId").asText()).isEqualTo("req-1");
  }

  @Test
  void logsOneJsonObjectPerLineWithLevelMessageRequestIdAndOrderId() throws Exception {
    send("http/events/post-order.json");

    String[] lines = log.text().strip().split("\n");
    JsonNode accepted = null;
    for (String line : lines) {
      JsonNode entry = Json.mapper().readTree(line);
      assertThat(entry.has("level") && entry.has("message")).isTrue();
      assertThat(entry.get("requestId").asText()).isEqualTo("req-1");
      if (entry.get("message").asText().equals("order accepted")) {
        accepted = entry;
      }
    }
    assertThat(accepted).isNotNull();
    assertThat(accepted.get("orderId").asText()).isEqualTo("ord_key-1");
    assertThat(accepted.get("level").asText()).isEqualTo("INFO");
  }

  private APIGatewayV2HTTPResponse send(String fixture) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(fixture);
    return handler.handleRequest(event, Lambda.context("req-1"));
  }

  static JsonNode json(APIGatewayV2HTTPResponse response) {
    try {
      return Json.mapper().readTree(response.getBody());
    } catch (Exception e) {
      throw new AssertionError("response body is not JSON: " + response.getBody(), e);
    }
  }
}
