package dev.fulfillment.local.sfn.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicRegistry;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 18 intrinsic functions, one case table per function under {@code query/intrinsics/}; each case has a
 * {@code call}, an optional {@code input}, {@code context} and {@code variables}, and an expectation.
 */
class IntrinsicFunctionsTest {
    private static final JsonPathEvaluator EVALUATOR = JsonPathEvaluator.create();

    static Stream<Arguments> cases() {
        return CaseTable.casesInFolder("query/intrinsics");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void evaluatesAsDocumented(JsonNode testCase) {
        CaseTable.check(testCase, () -> EVALUATOR.evaluateIntrinsic("FunctionResult.$", testCase.get("call").asText(),
                testCase.get("input"), testCase.get("context"), CaseTable.variables(testCase.get("variables"))));
    }

    @Test
    void everyRegisteredFunctionHasItsOwnCaseTable() {
        var names = IntrinsicRegistry.standard().names();
        assertThat(names).hasSize(18);
        assertThat(CaseTable.filesInFolder("query/intrinsics"))
                .containsExactlyInAnyOrderElementsOf(names.stream().map(n -> n + ".json").toList());
    }

    @Test
    void seededMathRandomRepeatsItsNumberAndUnseededStaysInRange() {
        JsonNode first = EVALUATOR.evaluateIntrinsic("States.MathRandom(1, 1000, 42)", null, null, Variables.none());
        JsonNode again = EVALUATOR.evaluateIntrinsic("States.MathRandom(1, 1000, 42)", null, null, Variables.none());
        assertThat(first).isEqualTo(again);
        for (int i = 0; i < 200; i++) {
            int value = EVALUATOR.evaluateIntrinsic("States.MathRandom(3, 5)", null, null, Variables.none()).intValue();
            assertThat(value).isBetween(3, 4);
        }
    }

    @Test
    void uuidIsDifferentOnEveryCall() {
        JsonNode a = EVALUATOR.evaluateIntrinsic("States.UUID()", null, null, Variables.none());
        JsonNode b = EVALUATOR.evaluateIntrinsic("States.UUID()", null, null, Variables.none());
        assertThat(a).isNotEqualTo(b);
    }
}
