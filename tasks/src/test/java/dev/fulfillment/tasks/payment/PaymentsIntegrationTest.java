package dev.fulfillment.tasks.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.fulfillment.tasks.error.InvalidOrderTransitionException;
import dev.fulfillment.tasks.error.PaymentDeclinedException;
import dev.fulfillment.tasks.error.PaymentProviderUnavailableException;
import dev.fulfillment.tasks.support.Tables;
import dev.fulfillment.testing.DynaliteExtension;
import dev.fulfillment.testing.DynaliteServer;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynaliteExtension.class)
class PaymentsIntegrationTest {

  private DynaliteServer dynalite;
  private String table;
  private PaymentProvider provider;
  private Payments payments;

  @BeforeEach
  void createLedger(DynaliteServer server) {
    dynalite = server;
    table = DynaliteServer.uniqueTableName("payments");
    Tables.create(server.client(), table, "orderId");
    provider = spy(new SandboxPaymentProvider());
    payments = new Payments(new DynamoDbPaymentLedger(server.client(), table), provider, Clock.systemUTC());
  }

  private int ledgerItems() {
    return dynalite.client().scan(request -> request.tableName(table).consistentRead(true)).count();
  }

  @Test
  void chargingTheSameOrderTwiceLeavesOneLedgerItemAndReturnsTheFirstCharge() {
    LedgerEntry first = payments.charge("ord_1", "tok_visa", 2899, "EUR");
    LedgerEntry second = payments.charge("ord_1", "tok_visa", 2899, "EUR");

    assertThat(second).isEqualTo(first);
    assertThat(first.status()).isEqualTo(PaymentStatus.CHARGED);
    assertThat(ledgerItems()).isEqualTo(1);
    verify(provider, times(1)).charge(anyString(), anyString(), anyLong(), anyString());
  }

  @Test
  void aProviderRetryAfterALostLedgerWriteGetsTheSameChargeId() {
    ProviderCharge before = new SandboxPaymentProvider().charge("ord_1", "tok_mastercard", 100, "EUR");

    LedgerEntry recorded = payments.charge("ord_1", "tok_mastercard", 100, "EUR");

    assertThat(recorded.chargeId()).isEqualTo(before.chargeId());
  }

  @Test
  void refundingTwiceRefundsOnceAndAnswersTheSame() {
    payments.charge("ord_1", "tok_visa", 2899, "EUR");

    Payments.Refund first = payments.refund("ord_1");
    Payments.Refund second = payments.refund("ord_1");

    assertThat(first).isEqualTo(new Payments.Refund(true, 2899));
    assertThat(second).isEqualTo(first);
    verify(provider, times(1)).refund(anyString(), anyString(), anyLong(), anyString());
    LedgerEntry entry = new DynamoDbPaymentLedger(dynalite.client(), table).find("ord_1").orElseThrow();
    assertThat(entry.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(entry.refundedAt()).isNotNull();
  }

  @Test
  void refundingAnOrderThatWasNeverChargedRefundsNothingAndVoidsItsLedger() {
    assertThat(payments.refund("ord_never")).isEqualTo(new Payments.Refund(false, 0));
    assertThat(payments.refund("ord_never")).isEqualTo(new Payments.Refund(false, 0));

    assertThat(new DynamoDbPaymentLedger(dynalite.client(), table).find("ord_never").orElseThrow().status())
        .isEqualTo(PaymentStatus.VOIDED);
    assertThat(ledgerItems()).isEqualTo(1);
    verify(provider, times(0)).refund(anyString(), anyString(), anyLong(), anyString());
  }

  @Test
  void aChargeArrivingAfterTheRefundVoidedTheOrderIsRefusedWithoutCallingTheProvider() {
    // A ChargePayment invocation that Step Functions gave up on (task timeout) may still run after the saga
    // refunded "nothing": the void stops it.
    payments.refund("ord_late");

    assertThatThrownBy(() -> payments.charge("ord_late", "tok_visa", 2899, "EUR"))
        .isInstanceOf(InvalidOrderTransitionException.class)
        .hasMessageContaining("voided");
    verify(provider, times(0)).charge(anyString(), anyString(), anyLong(), anyString());
  }

  @Test
  void aChargeThatRacesTheVoidIsRefundedAtTheProviderAndDoesNotStand() {
    // The provider charges, then the refund voids the ledger before the charge is recorded.
    PaymentProvider racing = new PaymentProvider() {
      private final SandboxPaymentProvider sandbox = new SandboxPaymentProvider();

      @Override
      public ProviderCharge charge(String idempotencyKey, String paymentToken, long amount, String currency) {
        ProviderCharge charge = sandbox.charge(idempotencyKey, paymentToken, amount, currency);
        payments.refund(idempotencyKey);
        return charge;
      }

      @Override
      public void refund(String idempotencyKey, String chargeId, long amount, String currency) {
        provider.refund(idempotencyKey, chargeId, amount, currency);
      }
    };
    Payments late = new Payments(new DynamoDbPaymentLedger(dynalite.client(), table), racing, Clock.systemUTC());

    assertThatThrownBy(() -> late.charge("ord_race", "tok_visa", 2899, "EUR"))
        .isInstanceOf(InvalidOrderTransitionException.class);

    verify(provider, times(1)).refund(anyString(), anyString(), anyLong(), anyString());
    assertThat(new DynamoDbPaymentLedger(dynalite.client(), table).find("ord_race").orElseThrow().status())
        .isEqualTo(PaymentStatus.VOIDED);
  }

  @Test
  void aDeclineIsRecordedOnceAndReplayedWithoutAskingTheProviderAgain() {
    assertThatThrownBy(() -> payments.charge("ord_1", "tok_chargeDeclined", 100, "EUR"))
        .isInstanceOfSatisfying(PaymentDeclinedException.class,
            e -> assertThat(e.declineCode()).isEqualTo("card_declined"));
    assertThatThrownBy(() -> payments.charge("ord_1", "tok_chargeDeclined", 100, "EUR"))
        .isInstanceOf(PaymentDeclinedException.class);

    verify(provider, times(1)).charge(anyString(), anyString(), anyLong(), anyString());
    assertThat(ledgerItems()).isEqualTo(1);
    assertThat(payments.refund("ord_1")).isEqualTo(new Payments.Refund(false, 0));
  }

  @Test
  void aTransientProviderFailureRecordsNothingSoTheRetryCanCharge() {
    assertThatThrownBy(() -> payments.charge("ord_1", "tok_processingError", 100, "EUR"))
        .isInstanceOf(PaymentProviderUnavailableException.class);

    assertThat(ledgerItems()).isZero();
    assertThat(payments.charge("ord_1", "tok_visa", 100, "EUR").status()).isEqualTo(PaymentStatus.CHARGED);
  }

  @Test
  void aRawCardNumberIsDeclinedAndNeverStored() {
    assertThatThrownBy(() -> payments.charge("ord_1", "4242 4242 4242 4242", 100, "EUR"))
        .isInstanceOf(PaymentDeclinedException.class)
        .hasMessageNotContaining("4242");

    String stored = dynalite.client().scan(request -> request.tableName(table).consistentRead(true)).items().toString();
    assertThat(stored).doesNotContain("4242").contains("raw_card_number");
  }
}
