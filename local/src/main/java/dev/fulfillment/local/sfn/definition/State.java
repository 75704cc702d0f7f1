package dev.fulfillment.local.sfn.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One state of a definition; one record per ASL state type, run by a pattern switch in the runtime. */
public sealed interface State {
  Common common();

  default String name() {
    return common().name();
  }

  /** Pass: {@code result} is the Result field (JSONPath) or null. */
  record Pass(Common common, JsonNode result) implements State {}

  /**
   * Task. Timeouts are either a number, a JSONPath (…Path) or a JSONata expression (kept as text in the
   * {@code timeoutExpr}/{@code heartbeatExpr} fields); null when absent.
   */
  record Task(Common common, String resource, Integer timeoutSeconds, String timeoutPath, String timeoutExpr,
              Integer heartbeatSeconds, String heartbeatPath, String heartbeatExpr, List<Retrier> retry,
              List<Catcher> catchers) implements State {}

  /** Choice: rules in order, then Default (null: States.NoChoiceMatched). */
  record Choice(Common common, List<ChoiceBranch> choices, String defaultNext) implements State {}

  /** Wait: exactly one of the four forms is set; JSONata puts an expression or a literal in seconds/timestamp. */
  record Wait(Common common, JsonNode seconds, JsonNode timestamp, String secondsPath, String timestampPath)
      implements State {}

  record Succeed(Common common) implements State {}

  /** Fail: literal Error/Cause (may be JSONata expressions) or their JSONPath forms. */
  record Fail(Common common, String error, String cause, String errorPath, String causePath) implements State {}

  record Parallel(Common common, List<StateMachineDefinition> branches, List<Retrier> retry, List<Catcher> catchers)
      implements State {}

  /**
   * Map. {@code items} is the JSONata Items field (expression or literal array); {@code itemSelector} is
   * ItemSelector or legacy Parameters. MaxConcurrency: 0 means unlimited.
   */
  record Map(Common common, String itemsPath, JsonNode items, JsonNode itemSelector, StateMachineDefinition processor,
             boolean distributed, JsonNode maxConcurrency, String maxConcurrencyPath, JsonNode toleratedFailureCount,
             String toleratedFailureCountPath, JsonNode toleratedFailurePercentage,
             String toleratedFailurePercentagePath, JsonNode itemBatcher, List<Retrier> retry, List<Catcher> catchers)
      implements State {}
}
