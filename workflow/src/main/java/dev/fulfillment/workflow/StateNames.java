package dev.fulfillment.workflow;

/**
 * The state names of the fulfillment state machine. They show in the console, the execution history and the logs,
 * and the task states are named after the handler they invoke ({@code ReserveStock} runs
 * {@code ReserveStockHandler}).
 */
public final class StateNames {

  public static final String RESERVE_STOCK = "ReserveStock";
  public static final String CHARGE_PAYMENT = "ChargePayment";
  public static final String CONFIRM_ORDER = "ConfirmOrder";
  public static final String ORDER_CONFIRMED = "OrderConfirmed";

  public static final String REFUND_PAYMENT = "RefundPayment";
  public static final String RELEASE_STOCK = "ReleaseStock";
  public static final String MARK_ORDER_FAILED = "MarkOrderFailed";
  public static final String ORDER_FAILED = "OrderFailed";
  public static final String COMPENSATION_FAILED = "CompensationFailed";

  private StateNames() {
  }
}
