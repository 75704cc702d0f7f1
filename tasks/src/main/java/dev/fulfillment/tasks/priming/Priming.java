package dev.fulfillment.tasks.priming;

import static dev.fulfillment.tasks.dynamodb.Attributes.m;
import static dev.fulfillment.tasks.dynamodb.Attributes.n;
import static dev.fulfillment.tasks.dynamodb.Attributes.s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulfillment.tasks.logging.JsonLogger;
import dev.fulfillment.tasks.logging.Redaction;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Work done before a SnapStart snapshot so the first invocation after a restore does not pay for class
 * loading and first-time initialisation: Lambda snapshots the initialised JVM, including every class
 * already loaded, and resumes from it (Lambda guide, "Improving startup performance with SnapStart",
 * "priming"). Priming here never calls AWS or the network: a connection in the snapshot would be dead
 * after restore, credentials resolved at publish time must not be frozen into a snapshot shared by
 * many environments, and a real call at publish time would write real data.
 */
public final class Priming {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Priming() {
  }

  /**
   * Loads the classes an invocation needs: JSON mapping of the handler's request and response records,
   * the logger and its redaction, and the SDK's request model for the calls the repositories make.
   */
  public static <I, O> void prime(I sampleRequest, Class<I> requestType, O sampleResponse, Class<O> responseType) {
    roundTrip(sampleRequest, requestType);
    roundTrip(sampleResponse, responseType);
    JsonLogger.create("priming", new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC(),
        JsonLogger.Level.DEBUG).withOrderId("ord_priming").info("priming", Map.of("sample", sampleRequest));
    Redaction.redactText("priming 4000 0000 0000 0002 tok_visa someone@example.com");
    loadSdkModel();
  }

  private static <T> void roundTrip(T value, Class<T> type) {
    try {
      JSON.readValue(JSON.writeValueAsString(value), type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("priming could not map " + type.getName() + " to JSON and back", e);
    }
  }

  /** Builds (never sends) the request shapes the repositories send, loading their builders and marshalling model. */
  private static void loadSdkModel() {
    String table = "priming";
    Map<String, ?> shapes = Map.of(
        "get", GetItemRequest.builder().tableName(table).key(Map.of("orderId", s("ord_priming"))).consistentRead(true)
            .build(),
        "put", PutItemRequest.builder().tableName(table).item(Map.of("orderId", s("ord_priming"), "lines",
            m(Map.of("quantity", n(1))))).conditionExpression("attribute_not_exists(orderId)").build(),
        "update", UpdateItemRequest.builder().tableName(table).key(Map.of("sku", s("SKU"))).updateExpression("SET a = :a")
            .expressionAttributeValues(Map.of(":a", n(1))).returnValues(ReturnValue.ALL_NEW).build());
    shapes.values().forEach(Object::hashCode);
    DynamoDbClient.serviceMetadata().regions();
  }
}
