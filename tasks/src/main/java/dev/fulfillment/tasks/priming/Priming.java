package dev.fulfillment.tasks.priming;

import static dev.fulfillment.tasks.dynamodb.Attributes.m;
import static dev.fulfillment.tasks.dynamodb.Attributes.n;
import static dev.fulfillment.tasks.dynamodb.Attributes.s;

import dev.fulfillment.tasks.logging.JsonLogger;
import dev.fulfillment.tasks.logging.Redaction;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.warmup.http.CannedResponseHttpClient;
import software.amazon.awssdk.regions.Region;
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
 * many environments, and a real call at publish time would write real data. The SDK's request pipeline
 * is still run end to end, against the SDK's own canned-answer HTTP client ({@link CannedResponseHttpClient},
 * the client its {@code SdkWarmUp} uses) and throwaway keys that nothing ever receives.
 */
public final class Priming {

  private Priming() {
  }

  /**
   * Loads the classes an invocation needs: the handler's request and response records with the reflection
   * data the runtime's serializer reads from them, the logger and its redaction, and the SDK's request
   * pipeline for the calls the repositories make ({@link #exerciseDynamoDb}). (The runtime deserializes
   * events with its own copy of Jackson, which this code cannot reach; the records' reflection data is what
   * it shares with us.)
   */
  public static <I, O> void prime(I sampleRequest, Class<I> requestType, O sampleResponse, Class<O> responseType) {
    loadRecord(sampleRequest, requestType);
    loadRecord(sampleResponse, responseType);
    JsonLogger.create("priming", new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC(),
        JsonLogger.Level.DEBUG).withOrderId("ord_priming").info("priming", Map.of("sample", sampleRequest));
    Redaction.redactText("priming 4000 0000 0000 0002 tok_visa someone@example.com");
    loadSdkModel();
  }

  private static <T> void loadRecord(T value, Class<T> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    for (var component : type.getRecordComponents()) {
      try {
        component.getAccessor().invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("priming could not read " + type.getName() + "." + component.getName(), e);
      }
    }
  }

  /** Builds (never sends) the request shapes the repositories send, loading their builders and marshalling model. */
  private static void loadSdkModel() {
    exerciseDynamoDb();
    DynamoDbClient.serviceMetadata().regions();
  }

  /**
   * Sends the three kinds of calls the repositories make (GetItem, a conditional PutItem, an UpdateItem
   * returning ALL_NEW) through a DynamoDB client's whole pipeline: endpoint rules, marshalling, SigV4
   * signing, retries, unmarshalling. The answers are canned ({@code {}}); nothing leaves the process.
   *
   * @return how many calls completed
   */
  public static int exerciseDynamoDb() {
    String table = "priming";
    try (DynamoDbClient canned = cannedClient(DynamoDbClient.builder(), "{}")) {
      canned.getItem(GetItemRequest.builder().tableName(table).key(Map.of("orderId", s("ord_priming")))
          .consistentRead(true).build());
      canned.putItem(PutItemRequest.builder().tableName(table).item(Map.of("orderId", s("ord_priming"), "lines",
          m(Map.of("quantity", n(1))))).conditionExpression("attribute_not_exists(orderId)").build());
      canned.updateItem(UpdateItemRequest.builder().tableName(table).key(Map.of("sku", s("SKU")))
          .updateExpression("SET a = :a").expressionAttributeValues(Map.of(":a", n(1)))
          .returnValues(ReturnValue.ALL_NEW).build());
      return 3;
    }
  }

  /**
   * A client of the builder's service whose every call is answered with {@code answer} by the SDK's canned
   * HTTP client, signed with throwaway keys in a fixed region: the whole pipeline runs, nothing is sent.
   */
  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C cannedClient(B builder,
      String answer) {
    return builder
        .httpClient(CannedResponseHttpClient.builder().statusCode(200)
            .responseBody(answer.getBytes(StandardCharsets.UTF_8)).build())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("PRIMING", "priming")))
        .region(Region.US_EAST_1)
        .build();
  }
}
