package dev.fulfillment.api.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.fulfillment.api.http.OrdersApi;
import dev.fulfillment.api.intake.OrderIntake;
import dev.fulfillment.api.order.OrderId;
import dev.fulfillment.api.order.OrderRequest;
import dev.fulfillment.api.start.ExecutionInput;
import dev.fulfillment.api.validation.OrderValidator;
import dev.fulfillment.api.validation.Validation;
import dev.fulfillment.tasks.logging.JsonLogger;
import dev.fulfillment.tasks.priming.Priming;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Warm-up requests for SnapStart priming. Each one stops before any AWS call (an unknown route, an
 * invalid body, a wrong content type), so priming exercises event handling, Jackson, validation and
 * response writing without network; a valid order is run through validation, hashing and the
 * execution input builder directly. The SDK calls the handlers make (PutItem, GetItem, StartExecution)
 * run through the SDK's whole pipeline against canned answers, never over the network.
 */
public final class Samples {

  private static final String VALID_ORDER =
      "{\"customerId\":\"prime-1\",\"lines\":[{\"sku\":\"PRIME-1\",\"quantity\":1}],\"paymentToken\":\"tok_prime\"}";
  private static final JsonLogger SILENT = JsonLogger.create("priming",
      new PrintStream(PrintStream.nullOutputStream(), false, StandardCharsets.UTF_8), Clock.systemUTC(),
      JsonLogger.Level.ERROR);

  private Samples() {
  }

  public static void primeHttp(OrdersApi api) {
    primeValidation();
    primeSdk();
    api.handle(http("GET", "/priming", null, Map.of()), "priming", SILENT);
    api.handle(http("POST", "/orders", "{\"lines\":[{\"sku\":\"x\",\"quantity\":0}]}",
        Map.of("content-type", "application/json")), "priming", SILENT);
    api.handle(http("POST", "/orders", "x", Map.of("content-type", "text/plain")), "priming", SILENT);
  }

  public static void primeIntake(OrderIntake intake) {
    primeValidation();
    primeSdk();
    // An invalid record would be sent to the DLQ, a network call: validation is primed directly instead.
    new OrderValidator().validate("{\"lines\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    SQSEvent empty = new SQSEvent();
    empty.setRecords(List.of());
    intake.process(empty, SILENT);
  }

  private static void primeSdk() {
    Priming.exerciseDynamoDb();
    exerciseStepFunctions();
  }

  /**
   * A StartExecution through a Step Functions client's whole pipeline (endpoint rules, marshalling, SigV4
   * with throwaway keys, unmarshalling) against the SDK's canned-answer HTTP client: nothing is sent.
   *
   * @return the canned execution ARN, read back through the unmarshaller
   */
  public static String exerciseStepFunctions() {
    String arn = "arn:aws:states:us-east-1:123456789012:execution:priming:priming";
    try (SfnClient canned = Priming.cannedClient(SfnClient.builder(),
        "{\"executionArn\":\"" + arn + "\",\"startDate\":1.7E9}")) {
      return canned.startExecution(b -> b.stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:priming")
          .name("ord_priming").input("{}")).executionArn();
    }
  }

  private static void primeValidation() {
    if (new OrderValidator().validate(VALID_ORDER.getBytes(StandardCharsets.UTF_8))
        instanceof Validation.Valid<OrderRequest> valid) {
      valid.value().requestHash();
      ExecutionInput.of(new OrderId("ord_priming"), valid.value());
    }
  }

  private static APIGatewayV2HTTPEvent http(String method, String path, String body, Map<String, String> headers) {
    return APIGatewayV2HTTPEvent.builder()
        .withRawPath(path)
        .withHeaders(headers)
        .withBody(body)
        .withIsBase64Encoded(false)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withStage("$default")
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build())
            .build())
        .build();
  }
}
