package dev.fulfillment.tasks.stock;

import dev.fulfillment.tasks.domain.OrderLine;
import dev.fulfillment.tasks.domain.PricedLine;
import dev.fulfillment.tasks.error.InvalidTaskInputException;
import dev.fulfillment.tasks.error.MixedCurrencyException;
import dev.fulfillment.tasks.error.OutOfStockException;
import dev.fulfillment.tasks.error.StockNotHeldException;
import dev.fulfillment.tasks.error.UnknownSkuException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stock for a whole order, line by line. There is no transaction across SKUs, so an order that cannot be
 * fully reserved gives back what it took before it fails: the inventory never keeps a partial order.
 */
public final class StockReservations {

  private final InventoryRepository inventory;

  public StockReservations(InventoryRepository inventory) {
    this.inventory = inventory;
  }

  /**
   * Holds every line for the order and prices it from the inventory.
   *
   * @param orderId the idempotency key: repeating the call holds nothing more and returns the same lines
   * @throws UnknownSkuException when a SKU does not exist or has no price (nothing stays held)
   * @throws OutOfStockException naming every short SKU (nothing stays held)
   * @throws MixedCurrencyException when the lines are priced in different currencies (nothing stays held)
   */
  public PricedOrder reserveAll(String orderId, List<OrderLine> lines) {
    List<String> taken = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    List<String> shortSkus = new ArrayList<>();
    List<PricedLine> priced = new ArrayList<>();
    Set<String> currencies = new TreeSet<>();
    // Every line is tried, so the error names all short SKUs at once, not just the first.
    for (OrderLine line : lines) {
      switch (inventory.reserve(orderId, line.sku(), line.quantity())) {
        case ReserveOutcome.Reserved reserved -> {
          taken.add(reserved.sku());
          priced.add(new PricedLine(reserved.sku(), reserved.quantity(), reserved.unitPrice()));
          currencies.add(reserved.currency());
        }
        case ReserveOutcome.Unpriced unpriced -> {
          taken.add(unpriced.sku());
          unknown.add(unpriced.sku());
        }
        case ReserveOutcome.Short missing -> shortSkus.add(missing.sku());
        case ReserveOutcome.Unknown absent -> unknown.add(absent.sku());
      }
    }
    if (!unknown.isEmpty()) {
      releaseSkus(orderId, taken);
      throw new UnknownSkuException(unknown);
    }
    if (!shortSkus.isEmpty()) {
      releaseSkus(orderId, taken);
      throw new OutOfStockException(shortSkus);
    }
    if (currencies.size() > 1) {
      releaseSkus(orderId, taken);
      throw new MixedCurrencyException(currencies);
    }
    try {
      long total = 0;
      for (PricedLine line : priced) {
        total = Math.addExact(total, line.lineTotal());
      }
      return new PricedOrder(priced, total, currencies.iterator().next());
    } catch (ArithmeticException overflow) {
      releaseSkus(orderId, taken);
      throw new InvalidTaskInputException("the order total does not fit in 64 bits of minor units");
    }
  }

  /**
   * Compensation of {@link #reserveAll} and {@link #confirmAll}: returns held and sold units of each SKU to
   * stock. SKUs the order never got (or the inventory does not know) are skipped, never an error.
   *
   * @param orderId the idempotency key: a repeat returns nothing more
   * @return the SKUs whose units this call returned
   */
  public List<String> releaseAll(String orderId, List<OrderLine> lines) {
    return releaseSkus(orderId, lines.stream().map(OrderLine::sku).toList());
  }

  /**
   * Turns the order's holds into sold units.
   *
   * @throws StockNotHeldException when a SKU is neither held nor sold for the order
   */
  public void confirmAll(String orderId, List<OrderLine> lines) {
    for (OrderLine line : lines) {
      if (inventory.confirm(orderId, line.sku()) == ConfirmOutcome.NOTHING_HELD) {
        throw new StockNotHeldException(orderId, line.sku());
      }
    }
  }

  private List<String> releaseSkus(String orderId, List<String> skus) {
    List<String> released = new ArrayList<>();
    for (String sku : skus) {
      if (inventory.release(orderId, sku) > 0) {
        released.add(sku);
      }
    }
    return released;
  }
}
