package dev.fulfillment.local.sfn.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ASL Paths, ResultPath and payload templates, from the case tables under {@code query/}. */
class JsonPathEvaluatorTest {
    private static final JsonPathEvaluator EVALUATOR = JsonPathEvaluator.create();

    static Stream<Arguments> paths() {
        return CaseTable.cases("query/paths.json");
    }

    static Stream<Arguments> pathFields() {
        return CaseTable.cases("query/path-fields.json");
    }

    static Stream<Arguments> resultPaths() {
        return CaseTable.cases("query/result-path.json");
    }

    static Stream<Arguments> templates() {
        return CaseTable.cases("query/templates.json");
    }

    @ParameterizedTest
    @MethodSource("paths")
    void readsPaths(JsonNode c) {
        CaseTable.check(c, () -> EVALUATOR.read(c.get("path").asText(), c.get("input"), c.get("context"),
                CaseTable.variables(c.get("variables"))));
    }

    @ParameterizedTest
    @MethodSource("pathFields")
    void readsPathsNamedByTheirField(JsonNode c) {
        CaseTable.check(c, () -> EVALUATOR.readField(c.get("field").asText(), c.get("path").asText(), c.get("input"),
                c.get("context"), CaseTable.variables(c.get("variables"))));
    }

    @ParameterizedTest
    @MethodSource("resultPaths")
    void appliesResultPath(JsonNode c) {
        JsonNode input = c.get("input");
        String before = input.toString();
        CaseTable.check(c, () -> EVALUATOR.applyResultPath(c.get("resultPath").isNull() ? null
                : c.get("resultPath").asText(), input, c.get("result")));
        assertThat(input.toString()).as("input is not modified").isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("templates")
    void appliesPayloadTemplates(JsonNode c) {
        CaseTable.check(c, () -> EVALUATOR.applyTemplate(c.get("template"), c.get("input"), c.get("context"),
                CaseTable.variables(c.get("variables"))));
    }

    @Test
    void findTellsAMissingPathFromANullValue() {
        JsonNode input = CaseTable.MAPPER.createObjectNode().putNull("n");
        assertThat(EVALUATOR.find("$.n", input, null, Variables.none())).hasValueSatisfying(v -> assertThat(v.isNull()).isTrue());
        assertThat(EVALUATOR.find("$.m", input, null, Variables.none())).isEmpty();
        assertThat(EVALUATOR.find("$undefinedVariable", input, null, Variables.none())).isEmpty();
    }

    @Test
    void validationRejectsWhatAwsRejectsAtDefinitionTime() {
        assertThatThrownBy(() -> EVALUATOR.validatePath("no.dollar")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EVALUATOR.validatePath("$.a..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EVALUATOR.validateReferencePath("$..a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EVALUATOR.validateReferencePath("$.a[?(@.x)]")).isInstanceOf(IllegalArgumentException.class);
        EVALUATOR.validateReferencePath("$.a['b'][0].c");
        EVALUATOR.validatePath("$.items[?(@.p > 2)]");
        assertThatThrownBy(() -> EVALUATOR.validateTemplate(CaseTable.MAPPER.createObjectNode()
                .set("x", CaseTable.MAPPER.createObjectNode().put("parsed.$", "States.Format('He said, \\\"hi\\\"')"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The value for the field 'parsed.$' must be a valid JSONPath or a valid intrinsic"
                        + " function call");
    }

    @Test
    void evaluatesTheSameTextConcurrentlyFromACache() throws Exception {
        JsonNode input = CaseTable.MAPPER.readTree("{\"a\":[1,2,3]}");
        var results = Stream.iterate(0, i -> i + 1).limit(200).parallel()
                .map(i -> EVALUATOR.evaluateIntrinsic("States.ArrayLength($.a)", input, null, Variables.none()).intValue())
                .distinct().toList();
        assertThat(results).containsExactly(3);
    }
}
