package dev.fulfillment.tasks.support;

import dev.fulfillment.tasks.config.TableNames;
import dev.fulfillment.testing.DynaliteServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Creates the three tables of docs/architecture.md under fresh names on a dynalite server. */
public final class Tables {

  private Tables() {
  }

  public static TableNames create(DynaliteServer dynalite) {
    TableNames names = new TableNames(DynaliteServer.uniqueTableName("orders"),
        DynaliteServer.uniqueTableName("inventory"), DynaliteServer.uniqueTableName("payments"));
    create(dynalite.client(), names.orders(), "orderId");
    create(dynalite.client(), names.inventory(), "sku");
    create(dynalite.client(), names.payments(), "orderId");
    return names;
  }

  public static void create(DynamoDbClient client, String table, String key) {
    client.createTable(request -> request
        .tableName(table)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(AttributeDefinition.builder().attributeName(key).attributeType(ScalarAttributeType.S)
            .build())
        .keySchema(KeySchemaElement.builder().attributeName(key).keyType(KeyType.HASH).build()));
    client.waiter().waitUntilTableExists(request -> request.tableName(table));
  }
}
