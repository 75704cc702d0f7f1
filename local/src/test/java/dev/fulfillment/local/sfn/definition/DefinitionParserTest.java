package dev.fulfillment.local.sfn.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulfillment.local.sfn.SfnException;
import org.junit.jupiter.api.Test;

/** Definitions are rejected at create time with CreateStateMachine's message format. */
class DefinitionParserTest {

  @Test
  void rejectsAWaitTimestampThatIsNotRfc3339NamingTheField() {
    String definition = "{\"StartAt\":\"WaitUntil\",\"States\":{\"WaitUntil\":{\"Type\":\"Wait\","
        + "\"Timestamp\":\"2016-03-14 01:59:00\",\"End\":true}}}";
    assertThatThrownBy(() -> DefinitionParser.parse(definition))
        .isInstanceOfSatisfying(SfnException.class, e -> {
          assertThat(e.code()).isEqualTo("InvalidDefinition");
          assertThat(e.getMessage()).isEqualTo("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: "
              + "String does not match RFC3339 timestamp at /States/WaitUntil/Timestamp'");
        });
  }

  @Test
  void rejectsAnIntrinsicWithAnEscapeTheSpecDoesNotAllow() {
    String definition = "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Pass\",\"Parameters\":"
        + "{\"parsed.$\":\"States.Format('He said \\\\\\\"hi\\\\\\\"')\"},\"End\":true}}}";
    assertThat(DefinitionParser.problems(definition)).containsExactly("SCHEMA_VALIDATION_FAILED: The value for the "
        + "field 'parsed.$' must be a valid JSONPath or a valid intrinsic function call at /States/S/Parameters");
  }

  @Test
  void rejectsATransitionToAStateThatDoesNotExist() {
    String definition = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nowhere\"}}}";
    assertThat(DefinitionParser.problems(definition))
        .containsExactly("MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere at /States/A");
  }

  @Test
  void acceptsAJsonataTimestampExpressionOnlyInAJsonataState() {
    String jsonata = "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\","
        + "\"Timestamp\":\"{% $states.input.at %}\",\"End\":true}}}";
    assertThat(DefinitionParser.problems(jsonata)).isEmpty();
    assertThat(DefinitionParser.problems(jsonata.replace("\"QueryLanguage\":\"JSONata\",", ""))).hasSize(1);
  }
}
