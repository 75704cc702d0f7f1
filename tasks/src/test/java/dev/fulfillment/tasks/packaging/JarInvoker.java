package dev.fulfillment.tasks.packaging;

import dev.fulfillment.tasks.domain.OrderLine;
import dev.fulfillment.tasks.handler.ReserveStockHandler;
import dev.fulfillment.tasks.handler.ReserveStockRequest;
import dev.fulfillment.tasks.handler.ReserveStockResponse;
import java.util.List;

/**
 * The child process of {@link ShrunkJarRunCheck}: runs on the shrunk Lambda jar (this class is the only
 * one it takes from the test classes), builds ReserveStock the way the Lambda runtime does, through its
 * no-argument constructor, and calls it once. Prints the response on its last line.
 */
public final class JarInvoker {

  private JarInvoker() {
  }

  public static void main(String[] args) {
    ReserveStockResponse response = new ReserveStockHandler()
        .handleRequest(new ReserveStockRequest(args[0], List.of(new OrderLine(args[1], 2))), null);
    System.out.println("RESPONSE " + response);
  }
}
