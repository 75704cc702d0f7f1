package dev.fulfillment.infra.data;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/** The three tables of docs/architecture.md: orders, inventory, payments. */
public final class Tables extends Construct {

  private final Table orders;
  private final Table inventory;
  private final Table payments;

  public Tables(Construct scope, String id) {
    super(scope, id);
    this.orders = table("Orders", "orderId");
    this.inventory = table("Inventory", "sku");
    // orderId is also the payment's idempotency key: one payment per order.
    this.payments = table("Payments", "orderId");
  }

  public Table orders() {
    return orders;
  }

  public Table inventory() {
    return inventory;
  }

  public Table payments() {
    return payments;
  }

  /**
   * On-demand (traffic is bursty and unknown), point-in-time recovery on, encrypted, and kept when the stack is
   * deleted or the table replaced: orders and payments are records of money that must outlive a mistaken deploy.
   */
  private Table table(String id, String partitionKey) {
    return Table.Builder.create(this, id)
        .partitionKey(Attribute.builder().name(partitionKey).type(AttributeType.STRING).build())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
            .pointInTimeRecoveryEnabled(true)
            .build())
        .encryption(TableEncryption.AWS_MANAGED)
        .deletionProtection(false)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
  }
}
