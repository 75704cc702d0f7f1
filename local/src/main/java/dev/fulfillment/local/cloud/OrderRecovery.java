package dev.fulfillment.local.cloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.local.sfn.ExecutionInfo;
import dev.fulfillment.local.sfn.LocalStepFunctions;
import dev.fulfillment.local.sfn.SfnException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Resumes, at start-up, the orders a previous run of the local cloud accepted but did not finish.
 *
 * <p>Why this exists: with {@code --data DIR} the tables survive a restart, but the Step Functions engine keeps
 * executions in memory only, so an order whose execution was running when the cloud stopped would stay RECEIVED,
 * RESERVED or PAID for ever, with stock held and perhaps a charge. In AWS the execution would still be running.
 * Here every such order gets its execution started again, with the same name (the order id) and the same input
 * the api built; every task is idempotent on the order id (ReserveStock answers "already reserved", ChargePayment
 * returns the charge recorded under the order id, ...), so the re-run finishes the saga, confirming the order or
 * failing it with its compensations, without a second reservation or charge.
 *
 * <p>The input must be byte-identical to the api's (StartExecution with the same name and input is idempotent; the
 * api module is not on this module's class path). The contract, from {@code api/.../start/ExecutionInput} and
 * docs/architecture.md: canonical JSON {@code {"customerId":..,"lines":[{"quantity":n,"sku":".."}],"orderId":..}},
 * keys sorted, lines sorted by SKU, no whitespace, no payment token. It is rebuilt from the order item's
 * {@code customerId} and {@code lines} (the lines as stored at RECEIVED, not the priced ones).
 *
 * <p>A RECEIVED order whose StartExecution had failed (its client got a 5xx, not a 202) is resumed too: it was
 * stored with the client's request, and the client's retry would start the same execution.
 */
final class OrderRecovery {
  /** The statuses a running saga leaves behind; CONFIRMED and FAILED are terminal. */
  static final Set<String> NOT_TERMINAL = Set.of("RECEIVED", "RESERVED", "PAID");

  private static final ObjectMapper JSON = new ObjectMapper();

  private OrderRecovery() {
  }

  /** Starts the execution of every non-terminal order of {@code ordersTable}; one log line per order. */
  static int resume(DynamoDbClient dynamo, String ordersTable, LocalStepFunctions engine, String stateMachineArn,
      Consumer<String> log) {
    List<Map<String, AttributeValue>> unfinished = new ArrayList<>();
    dynamo.scanPaginator(b -> b.tableName(ordersTable).consistentRead(true)).items().forEach(item -> {
      AttributeValue status = item.get("status");
      if (status != null && NOT_TERMINAL.contains(status.s())) {
        unfinished.add(item);
      }
    });
    if (unfinished.isEmpty()) {
      return 0;
    }
    unfinished.sort(Comparator.comparing(item -> item.get("orderId").s()));
    log.accept("Resuming " + unfinished.size() + " orders accepted before the restart and not finished"
        + " (executions live in the engine's memory only)");
    int resumed = 0;
    for (Map<String, AttributeValue> item : unfinished) {
      String orderId = item.get("orderId").s();
      String status = item.get("status").s();
      try {
        ExecutionInfo execution = engine.startExecution(stateMachineArn, orderId, executionInput(item));
        log.accept("  resumed order " + orderId + " (was " + status + "): execution " + execution.executionArn());
        resumed++;
      } catch (SfnException e) {
        if ("ExecutionAlreadyExists".equals(e.code())) {
          log.accept("  order " + orderId + " (was " + status + "): its execution was started meanwhile");
        } else {
          log.accept("  order " + orderId + " (was " + status + ") NOT resumed: " + e.code() + ": " + e.getMessage());
        }
      } catch (RuntimeException e) {
        log.accept("  order " + orderId + " (was " + status + ") NOT resumed: " + e);
      }
    }
    return resumed;
  }

  /** The api's execution input, rebuilt from the order item (see the class comment for the contract). */
  static String executionInput(Map<String, AttributeValue> item) {
    List<Map<String, AttributeValue>> lines = new ArrayList<>(item.get("lines").l().stream().map(AttributeValue::m)
        .toList());
    lines.sort(Comparator.comparing(line -> line.get("sku").s()));
    ObjectNode input = JSON.createObjectNode();
    input.put("customerId", item.get("customerId").s());
    ArrayNode array = input.putArray("lines");
    for (Map<String, AttributeValue> line : lines) {
      array.addObject().put("quantity", Integer.parseInt(line.get("quantity").n())).put("sku", line.get("sku").s());
    }
    input.put("orderId", item.get("orderId").s());
    return input.toString();
  }
}
