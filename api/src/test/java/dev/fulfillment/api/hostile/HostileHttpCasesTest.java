package dev.fulfillment.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulfillment.api.config.ApiConfig;
import dev.fulfillment.api.http.HttpApiHandler;
import dev.fulfillment.api.support.FakeStepFunctions;
import dev.fulfillment.api.support.Lambda;
import dev.fulfillment.api.support.OrdersTable;
import dev.fulfillment.tasks.logging.JsonLogger;
import dev.fulfillment.testing.DynaliteExtension;
import dev.fulfillment.testing.DynaliteServer;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.AdditionalAnswers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Every case of the hostile corpus through the real {@link HttpApiHandler}: real validator, real
 * order repository on dynalite (one table for the class). Step Functions is the edge the test stops
 * at: {@link FakeStepFunctions}, a Mockito SfnClient. Each request must get its 4xx with a JSON
 * error naming the field or the problem, start no execution, write nothing to DynamoDB (and, but
 * for GETs, not call it at all), echo none of its secrets, and log only clean JSON lines.
 */
@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileHttpCasesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LogCapture logs;
  private DynamoDbClient dynamoDb;
  private DynamoDbClient recordingDynamoDb;
  private String table;
  private FakeStepFunctions stepFunctions;
  private HttpApiHandler handler;
  private Set<String> corpusSecrets;

  @BeforeAll
  void startOnce(DynaliteServer dynalite) {
    dynamoDb = dynalite.client();
    table = OrdersTable.create(dynalite);
    recordingDynamoDb = mock(DynamoDbClient.class, AdditionalAnswers.delegatesTo(dynamoDb));
    stepFunctions = new FakeStepFunctions();
    corpusSecrets = HostileCorpus.secrets();
    logs = LogCapture.install();
    // The production logger writes to System.out, now captured; DEBUG so every line there is gets checked.
    handler = new HttpApiHandler(new ApiConfig(table, FakeStepFunctions.STATE_MACHINE_ARN, null,
        ApiConfig.DEFAULT_MAX_BODY_BYTES), recordingDynamoDb, stepFunctions.client(),
        JsonLogger.create("hostile-http", System.out, Clock.systemUTC(), JsonLogger.Level.DEBUG));
  }

  @AfterAll
  void restoreOutput() {
    if (logs != null) {
      logs.close();
    }
  }

  static Stream<HostileCase> cases() {
    return HostileCorpus.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersA4xxThatNamesTheProblemAndNeitherStartsNorStoresNorLeaksAnything(HostileCase hostile) throws Exception {
    clearInvocations(recordingDynamoDb);
    int startsBefore = stepFunctions.calls().size();
    int storedBefore = storedOrders();
    int mark = logs.mark();

    APIGatewayV2HTTPResponse response = handler.handleRequest(hostile.httpEvent("api-req"), Lambda.context("req-hostile"));

    String what = hostile.id() + " (" + hostile.name() + ") answered " + response.getStatusCode() + " " + response.getBody();
    assertThat(response.getStatusCode()).as(what).isBetween(400, 499).isEqualTo(hostile.expectStatus());
    assertThat(response.getHeaders()).as(what).containsEntry("content-type", "application/json");
    JsonNode body = JSON.readTree(response.getBody());
    assertThat(body.path("error").asText()).as(what).isEqualTo(hostile.expectError());
    assertThat(body.path("message").asText()).as(what).isNotBlank();
    assertThat(body.path("requestId").asText()).as(what).isEqualTo("req-hostile");
    if (response.getStatusCode() == 400) {
      // A 400 always says which field (or "" for the body as a whole) and what is expected of it.
      assertThat(body.path("errors").isArray() && !body.path("errors").isEmpty()).as(what).isTrue();
      body.get("errors").forEach(error -> assertThat(error.path("message").asText()).as(what).isNotBlank());
      assertThat(body.get("errors").findValuesAsText("field")).as(what).containsAll(hostile.expectFields());
    }
    if (response.getStatusCode() == 405) {
      assertThat(response.getHeaders()).as(what).containsKey("allow");
    }
    for (String secret : HostileCorpus.secretsOf(hostile)) {
      assertThat(response.getBody()).as(what).doesNotContain(secret);
    }

    assertThat(stepFunctions.calls()).as(what + ": StartExecution calls").hasSize(startsBefore);
    verify(recordingDynamoDb, never()).putItem(any(PutItemRequest.class));
    verify(recordingDynamoDb, never()).updateItem(any(UpdateItemRequest.class));
    verify(recordingDynamoDb, never()).deleteItem(any(DeleteItemRequest.class));
    verify(recordingDynamoDb, never()).batchWriteItem(any(BatchWriteItemRequest.class));
    verify(recordingDynamoDb, never()).transactWriteItems(any(TransactWriteItemsRequest.class));
    if (!hostile.method().equals("GET")) {
      verifyNoInteractions(recordingDynamoDb);
    }
    assertThat(storedOrders()).as(what + ": orders stored").isEqualTo(storedBefore);
    LogCapture.assertClean(logs.since(mark), corpusSecrets, what);
  }

  private int storedOrders() {
    return dynamoDb.scan(scan -> scan.tableName(table).select(Select.COUNT)).count();
  }
}
