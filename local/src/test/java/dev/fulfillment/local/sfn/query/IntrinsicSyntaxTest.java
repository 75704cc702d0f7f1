package dev.fulfillment.local.sfn.query;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Intrinsic call syntax checked at definition time ({@code query/intrinsic-syntax.json}). */
class IntrinsicSyntaxTest {
    private static final JsonPathEvaluator EVALUATOR = JsonPathEvaluator.create();

    static Stream<Arguments> cases() {
        return CaseTable.cases("query/intrinsic-syntax.json");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void validatesCallSyntax(JsonNode c) {
        String call = c.get("call").asText();
        if (c.get("valid").asBoolean()) {
            assertThatCode(() -> EVALUATOR.validateIntrinsic(call)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> EVALUATOR.validateIntrinsic(call)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(c.get("messageContains").asText());
        }
    }

    @Test
    void invalidCallEvaluatedAtRuntimeIsAnIntrinsicFailure() {
        assertThatThrownBy(() -> EVALUATOR.evaluateIntrinsic("States.Nope()", null, null, Variables.none()))
                .isInstanceOf(QueryException.class)
                .extracting(e -> ((QueryException) e).error()).isEqualTo(QueryException.INTRINSIC_FAILURE);
    }
}
