package dev.fulfillment.local.sfn.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulfillment.local.sfn.EngineClock;
import dev.fulfillment.local.sfn.ExecutionStatus;
import dev.fulfillment.local.sfn.HistoryEvent;
import dev.fulfillment.local.sfn.LocalStepFunctions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Immediate transitions run in a loop on one thread, handing the rest back to the executor every
 * {@link Interpreter#STEPS_PER_TURN} steps: long runs neither grow the stack nor starve other executions, and the
 * history is the same as one step per thread gave.
 */
class TrampolineTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/r";
  /** Counts $.i up to $.n with a Pass and a Choice: 2 * n transitions. */
  private static final String LOOP = """
      {"StartAt":"Add","States":{
        "Add":{"Type":"Pass","Parameters":{"i.$":"States.MathAdd($.i, 1)","n.$":"$.n"},"Next":"More"},
        "More":{"Type":"Choice","Choices":[{"Variable":"$.i","NumericLessThanPath":"$.n","Next":"Add"}],
          "Default":"Done"},
        "Done":{"Type":"Succeed"}}}""";

  @Test
  void longRunsOfTransitionsFinishWithTheirWholeHistoryAndOthersRunMeanwhile() {
    try (LocalStepFunctions sfn = LocalStepFunctions.builder().clock(EngineClock.virtual()).build()) {
      String machine = sfn.createStateMachine("loop", LOOP, ROLE, "STANDARD", null).stateMachineArn();
      int n = 5 * Interpreter.STEPS_PER_TURN;
      List<String> arns = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        arns.add(sfn.startExecution(machine, null, "{\"i\":0,\"n\":" + n + "}").executionArn());
      }
      for (String arn : arns) {
        assertThat(Await.terminal(sfn, arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(sfn.describeExecution(arn).output()).isEqualTo("{\"i\":" + n + ",\"n\":" + n + "}");
        List<HistoryEvent> history = sfn.getExecutionHistory(arn);
        // ExecutionStarted, 2 events per Pass/Choice visit, Succeed entered/exited, ExecutionSucceeded.
        assertThat(history).hasSize(1 + 4 * n + 2 + 1);
        for (int i = 1; i < history.size(); i++) {
          assertThat(history.get(i).id()).isEqualTo(i + 1L);
          assertThat(history.get(i).previousEventId()).isEqualTo(i == 1 ? 0 : i);
        }
        assertThat(history.get(history.size() - 2).details().get("output").asText())
            .isEqualTo("{\"i\":" + n + ",\"n\":" + n + "}");
      }
    }
  }
}
