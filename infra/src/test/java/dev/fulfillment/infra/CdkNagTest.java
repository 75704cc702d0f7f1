package dev.fulfillment.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulfillment.infra.api.ApiAuthorization;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.sqs.Queue;

/** cdk-nag's AwsSolutions pack finds nothing that is not suppressed with a written reason. */
class CdkNagTest {

  @ParameterizedTest(name = "auth={0}")
  @EnumSource(ApiAuthorization.Mode.class)
  void reportsNoUnsuppressedErrorsOrWarnings(ApiAuthorization.Mode mode) {
    Annotations annotations = Annotations.fromStack(StackFixture.with(mode).stack);

    List<SynthesisMessage> errors = annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
    List<SynthesisMessage> warnings = annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));

    assertThat(errors).extracting(m -> m.getId() + " " + m.getEntry().getData()).isEmpty();
    assertThat(warnings).extracting(m -> m.getId() + " " + m.getEntry().getData()).isEmpty();
  }

  @Test
  void theChecksDoReportAQueueWithoutADeadLetterQueueOrTlsPolicy() {
    // Control: the same aspect and query on a deliberately non-compliant stack must find errors.
    App app = new App();
    Aspects.of(app).add(new AwsSolutionsChecks());
    Stack stack = new Stack(app, "NonCompliant");
    new Queue(stack, "PlainQueue");

    List<SynthesisMessage> errors = Annotations.fromStack(stack)
        .findError("*", Match.stringLikeRegexp("AwsSolutions-SQS.*"));

    assertThat(errors).extracting(m -> m.getEntry().getData().toString())
        .anyMatch(text -> text.contains("AwsSolutions-SQS3")).anyMatch(text -> text.contains("AwsSolutions-SQS4"));
  }

  @Test
  void everySuppressionHasAWrittenReason() {
    int suppressions = 0;
    for (JsonNode resource : StackFixture.iam().json.get("Resources")) {
      for (JsonNode rule : resource.at("/Metadata/cdk_nag/rules_to_suppress")) {
        assertThat(rule.get("reason").asText()).as(rule.toString()).hasSizeGreaterThan(20);
        suppressions++;
      }
    }
    assertThat(suppressions).isPositive();
  }

  @Test
  void authorizationIsOnlySuppressedWhenSwitchedOffOnPurpose() {
    assertThat(StackFixture.iam().json.toString()).doesNotContain("AwsSolutions-APIG4");
    assertThat(StackFixture.with(ApiAuthorization.Mode.NONE).json.toString()).contains("AwsSolutions-APIG4");
  }
}
