package dev.fulfillment.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import java.util.Map;

@ExtendWith(DynaliteExtension.class)
class DynaliteExtensionTest {

  @Test
  void servesTheDynamoDbApiToTheRealSdkClient(DynaliteServer dynalite) {
    String table = DynaliteServer.uniqueTableName("probe");
    dynalite.client().createTable(b -> b.tableName(table)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
    dynalite.client().waiter().waitUntilTableExists(b -> b.tableName(table));

    dynalite.client().putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN("7"))));

    assertThat(dynalite.client().getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS("a")))).item())
        .containsEntry("n", AttributeValue.fromN("7"));
  }

  @Test
  void sharesOneServerAcrossTheTestJvm(DynaliteServer first) {
    assertThat(first.endpoint().getHost()).isEqualTo("127.0.0.1");
  }
}
