package dev.fulfillment.tasks.packaging;

import dev.fulfillment.tasks.domain.OrderLine;
import dev.fulfillment.tasks.handler.ReserveStockHandler;
import dev.fulfillment.tasks.handler.ReserveStockRequest;
import dev.fulfillment.tasks.handler.ReserveStockResponse;
import java.util.List;

/**
 * The child process of {@link ShrunkJarRunCheck}: runs on the shrunk Lambda jar (this class is the only
 * one it takes from the test classes), builds ReserveStock the way the Lambda runtime does, through its
 * no-argument constructor, primes it as SnapStart does, and calls it once. Prints the response last.
 */
public final class JarInvoker {

  private JarInvoker() {
  }

  public static void main(String[] args) {
    ReserveStockHandler handler = new ReserveStockHandler();
    handler.beforeCheckpoint(null); // SnapStart's priming, as Lambda runs it before the snapshot
    ReserveStockResponse response =
        handler.handleRequest(new ReserveStockRequest(args[0], List.of(new OrderLine(args[1], 2))), null);
    System.out.println("RESPONSE " + response);
  }
}
