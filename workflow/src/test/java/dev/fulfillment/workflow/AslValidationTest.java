package dev.fulfillment.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.workflow.testing.AslValidator;
import org.junit.jupiter.api.Test;

/** The synthesized definition passes the npm asl-validator (the version in package-lock.json). */
class AslValidationTest {

  @Test
  void theSynthesizedDefinitionIsValidAmazonStatesLanguage() throws Exception {
    AslValidator.Result result = AslValidator.validate(WorkflowFixture.shared().definition);

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void theValidatorRejectsADefinitionWhoseCatchPointsNowhere() throws Exception {
    // Shows the validator really checks what this project gets wrong most easily: a transition to a missing state.
    ObjectNode broken = WorkflowFixture.shared().definition.deepCopy();
    JsonNode catcher = broken.at("/States/ChargePayment/Catch/0");
    ((ObjectNode) catcher).put("Next", "NoSuchState");

    AslValidator.Result result = AslValidator.validate(broken);

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
  }
}
