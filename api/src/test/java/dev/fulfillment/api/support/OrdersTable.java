package dev.fulfillment.api.support;

import dev.fulfillment.testing.DynaliteServer;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Creates an orders table shaped as docs/architecture.md says, under a name no other test uses. */
public final class OrdersTable {

  private OrdersTable() {
  }

  public static String create(DynaliteServer dynalite) {
    String name = DynaliteServer.uniqueTableName("orders");
    dynalite.client().createTable(table -> table
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("orderId").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("orderId").keyType(KeyType.HASH).build()));
    dynalite.client().waiter().waitUntilTableExists(request -> request.tableName(name));
    return name;
  }
}
