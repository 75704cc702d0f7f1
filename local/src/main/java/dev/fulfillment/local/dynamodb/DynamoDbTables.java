package dev.fulfillment.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/** Creates tables from the resolved properties of {@code AWS::DynamoDB::Table} resources. */
public final class DynamoDbTables {
  private DynamoDbTables() {}

  /**
   * Creates the table unless it exists (a table kept on disk from an earlier run is reused as it is).
   *
   * @return true when the table was created now
   */
  public static boolean create(DynamoDbClient dynamoDb, JsonNode properties) {
    CreateTableRequest.Builder request = CreateTableRequest.builder()
        .tableName(properties.path("TableName").asText())
        .keySchema(keys(properties.path("KeySchema")))
        .attributeDefinitions(definitions(properties.path("AttributeDefinitions")));
    boolean onDemand = properties.path("BillingMode").asText("PROVISIONED").equals("PAY_PER_REQUEST");
    if (onDemand) {
      request.billingMode(BillingMode.PAY_PER_REQUEST);
    } else {
      request.provisionedThroughput(throughput(properties.path("ProvisionedThroughput")));
    }
    List<GlobalSecondaryIndex> globals = new ArrayList<>();
    for (JsonNode index : properties.path("GlobalSecondaryIndexes")) {
      GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
          .indexName(index.path("IndexName").asText())
          .keySchema(keys(index.path("KeySchema")))
          .projection(projection(index.path("Projection")));
      if (!onDemand) {
        gsi.provisionedThroughput(throughput(index.path("ProvisionedThroughput")));
      }
      globals.add(gsi.build());
    }
    if (!globals.isEmpty()) {
      request.globalSecondaryIndexes(globals);
    }
    List<LocalSecondaryIndex> locals = new ArrayList<>();
    for (JsonNode index : properties.path("LocalSecondaryIndexes")) {
      locals.add(LocalSecondaryIndex.builder()
          .indexName(index.path("IndexName").asText())
          .keySchema(keys(index.path("KeySchema")))
          .projection(projection(index.path("Projection")))
          .build());
    }
    if (!locals.isEmpty()) {
      request.localSecondaryIndexes(locals);
    }
    try {
      dynamoDb.createTable(request.build());
      return true;
    } catch (ResourceInUseException exists) {
      return false;
    }
  }

  private static List<KeySchemaElement> keys(JsonNode schema) {
    List<KeySchemaElement> keys = new ArrayList<>();
    for (JsonNode key : schema) {
      keys.add(KeySchemaElement.builder().attributeName(key.path("AttributeName").asText())
          .keyType(key.path("KeyType").asText()).build());
    }
    return keys;
  }

  private static List<AttributeDefinition> definitions(JsonNode definitions) {
    List<AttributeDefinition> out = new ArrayList<>();
    for (JsonNode definition : definitions) {
      out.add(AttributeDefinition.builder().attributeName(definition.path("AttributeName").asText())
          .attributeType(definition.path("AttributeType").asText()).build());
    }
    return out;
  }

  private static Projection projection(JsonNode projection) {
    Projection.Builder builder = Projection.builder().projectionType(projection.path("ProjectionType").asText("ALL"));
    List<String> nonKey = new ArrayList<>();
    projection.path("NonKeyAttributes").forEach(a -> nonKey.add(a.asText()));
    if (!nonKey.isEmpty()) {
      builder.nonKeyAttributes(nonKey);
    }
    return builder.build();
  }

  private static ProvisionedThroughput throughput(JsonNode throughput) {
    return ProvisionedThroughput.builder()
        .readCapacityUnits(throughput.path("ReadCapacityUnits").asLong(5))
        .writeCapacityUnits(throughput.path("WriteCapacityUnits").asLong(5))
        .build();
  }
}
