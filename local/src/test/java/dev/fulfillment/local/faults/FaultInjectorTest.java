package dev.fulfillment.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {
  private static final String PLAN = """
      {"seed": 42, "faults": [
        {"kind": "lambda-transient", "function": "ChargePayment*|ReserveStock*", "rate": 0.2},
        {"kind": "sfn-throttle", "rate": 0}]}""";

  @Test
  void readsTheFaultsFileWithKindTargetAndRate() {
    FaultPlan plan = FaultPlan.parse(PLAN);

    assertThat(plan.seed()).isEqualTo(42);
    assertThat(plan.rules()).containsExactly(
        new FaultRule(FaultKind.LAMBDA_TRANSIENT, "ChargePayment*|ReserveStock*", 0.2),
        new FaultRule(FaultKind.SFN_THROTTLE, "*", 0));
    assertThat(plan.has(FaultKind.LAMBDA_TRANSIENT)).isTrue();
    assertThat(plan.has(FaultKind.SFN_THROTTLE)).as("a zero rate injects nothing").isFalse();
  }

  @Test
  void refusesUnknownKindsFieldsAndRatesOutOfRange() {
    assertThatThrownBy(() -> FaultPlan.parse("{\"seed\":1,\"faults\":[{\"kind\":\"disk-full\",\"rate\":0.1}]}"))
        .hasMessageContaining("unknown fault kind 'disk-full'");
    assertThatThrownBy(() -> FaultPlan.parse("{\"seed\":1,\"faults\":[{\"kind\":\"sfn-throttle\",\"rat\":0.1}]}"))
        .hasMessageContaining("unknown field 'rat'");
    assertThatThrownBy(() -> FaultPlan.parse("{\"seed\":1,\"faults\":[{\"kind\":\"sfn-throttle\",\"rate\":2}]}"))
        .hasMessageContaining("from 0 to 1");
    assertThatThrownBy(() -> FaultPlan.parse("{\"faults\":[]}")).hasMessageContaining("seed");
  }

  @Test
  void matchesTargetsByGlobWithAlternatives() {
    FaultRule rule = new FaultRule(FaultKind.LAMBDA_TRANSIENT, "ChargePayment*|ReserveStock*", 0.1);

    assertThat(rule.matches("ChargePaymentFunction32A27948")).isTrue();
    assertThat(rule.matches("ReserveStockFunction5CEF9CA0")).isTrue();
    assertThat(rule.matches("SqsIntakeFunctionC8634E01")).isFalse();
  }

  @Test
  void theSameSeedFaultsTheSameAttemptsWhateverTheOrderOfCalls() {
    List<String> forward = decisions(FaultPlan.parse(PLAN), IntStream.range(0, 200).boxed().toList());
    List<String> backward = decisions(FaultPlan.parse(PLAN), IntStream.range(0, 200).map(i -> 199 - i).boxed().toList());

    assertThat(forward).isNotEmpty().containsExactlyInAnyOrderElementsOf(backward);
  }

  @Test
  void injectsAboutTheRateAndCountsByKind() {
    FaultInjector faults = new FaultInjector(FaultPlan.parse(PLAN), line -> { });

    long injected = IntStream.range(0, 2000)
        .filter(i -> faults.decide(FaultKind.LAMBDA_TRANSIENT, "ChargePaymentFunction1", "order-" + i)).count();

    assertThat(injected).isBetween(300L, 500L);
    assertThat(faults.injectedByKind()).containsEntry("lambda-transient", injected).containsEntry("sfn-throttle", 0L);
    assertThat(faults.decide(FaultKind.LAMBDA_TRANSIENT, "SqsIntakeFunction1", "order-1")).isFalse();
  }

  /** Each call twice (a first attempt and its retry); returns which attempts were faulted. */
  private static List<String> decisions(FaultPlan plan, List<Integer> calls) {
    FaultInjector faults = new FaultInjector(plan, line -> { });
    List<String> faulted = new ArrayList<>();
    for (int attempt = 1; attempt <= 2; attempt++) {
      for (int call : calls) {
        if (faults.decide(FaultKind.LAMBDA_TRANSIENT, "ChargePaymentFunction1", "{\"orderId\":\"ord_" + call + "\"}")) {
          faulted.add(call + "#" + attempt);
        }
      }
    }
    return faulted;
  }
}
