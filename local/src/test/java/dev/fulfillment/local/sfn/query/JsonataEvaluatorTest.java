package dev.fulfillment.local.sfn.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSONata with Step Functions' bindings and functions, from {@code query/jsonata*.json}. */
class JsonataEvaluatorTest {
    private static final JsonataEvaluator EVALUATOR = JsonataEvaluator.create();

    static Stream<Arguments> expressions() {
        return CaseTable.cases("query/jsonata.json");
    }

    static Stream<Arguments> templates() {
        return CaseTable.cases("query/jsonata-templates.json");
    }

    @ParameterizedTest
    @MethodSource("expressions")
    void evaluatesExpressions(JsonNode c) {
        String field = c.has("field") ? c.get("field").asText() : "Output";
        Variables vars = CaseTable.variables(c.get("variables"));
        if (c.path("mode").asText().equals("orUndefined")) {
            CaseTable.check(c, () -> EVALUATOR.evaluateOrUndefined(field, c.get("expression").asText(), c.get("states"), vars));
        } else {
            CaseTable.check(c, () -> EVALUATOR.evaluate(field, c.get("expression").asText(), c.get("states"), vars));
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void evaluatesTemplates(JsonNode c) {
        CaseTable.check(c, () -> EVALUATOR.evaluateTemplate(c.get("field").asText(), c.get("template"), c.get("states"),
                CaseTable.variables(c.get("variables"))));
    }

    @Test
    void onlyExactlyDelimitedStringsAreExpressions() {
        assertThat(JsonataEvaluator.isExpression("{% 1 %}")).isTrue();
        assertThat(JsonataEvaluator.isExpression("{%1%}")).isTrue();
        assertThat(JsonataEvaluator.isExpression(" {% 1 %}")).isFalse();
        assertThat(JsonataEvaluator.isExpression("{% 1 %} ")).isFalse();
        assertThat(JsonataEvaluator.isExpression("{%}")).isFalse();
        assertThat(JsonataEvaluator.isExpression(null)).isFalse();
    }

    @Test
    void endlessLoopStopsAtTheTimeLimit() {
        JsonataEvaluator strict = JsonataEvaluator.create(Duration.ofMillis(200), 10_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> strict.evaluate("Output",
                "{% ($loop := function($n){ $n > 0 ? $loop($n) : 0 }; $loop(1)) %}", null, Variables.none()))
                .isInstanceOf(QueryException.class)
                .satisfies(e -> assertThat(((QueryException) e).cause()).contains("U1001"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void validationReportsSyntaxErrors() {
        EVALUATOR.validateJsonata("{% $states.input.a + 1 %}");
        assertThatThrownBy(() -> EVALUATOR.validateJsonata("{% ( %}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("S0");
    }

    @Test
    void variablesAreReadAtEvaluationTimeNotCachedWithTheExpression() {
        JsonNode one = EVALUATOR.evaluate("Output", "{% $x * 2 %}", null, name -> name.equals("x") ? CaseTable.MAPPER.getNodeFactory().numberNode(1) : null);
        JsonNode two = EVALUATOR.evaluate("Output", "{% $x * 2 %}", null, name -> name.equals("x") ? CaseTable.MAPPER.getNodeFactory().numberNode(2) : null);
        assertThat(one.intValue()).isEqualTo(2);
        assertThat(two.intValue()).isEqualTo(4);
    }

    @Test
    void oneCachedExpressionEvaluatesConcurrentlyWithEachCallersBindings() {
        var wrong = java.util.stream.IntStream.range(0, 2000).parallel().filter(i -> {
            JsonNode states = CaseTable.MAPPER.createObjectNode().set("input",
                    CaseTable.MAPPER.createObjectNode().put("n", i));
            JsonNode result = EVALUATOR.evaluate("Output", "{% $states.input.n * 10 + $k %}", states,
                    name -> name.equals("k") ? CaseTable.MAPPER.getNodeFactory().numberNode(i % 7) : null);
            return result.longValue() != i * 10L + i % 7;
        }).count();
        assertThat(wrong).isZero();
    }
}
