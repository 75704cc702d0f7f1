package dev.fulfillment.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CloudFormationTemplateTest {
  private static final CloudFormationTemplate TEMPLATE =
      CloudFormationTemplate.load(Path.of("src/test/resources/template/sample.template.json"));

  @Test
  void listsResourcesInTemplateOrderWithTypePropertiesAndMetadata() {
    assertThat(TEMPLATE.resources()).extracting(TemplateResource::logicalId)
        .containsExactly("Orders", "Named", "Worker", "WorkerVersion", "WorkerAlias", "Intake", "Ordered", "Flow",
            "ObjectFlow");
    TemplateResource worker = TEMPLATE.resource("Worker").orElseThrow();
    assertThat(worker.type()).isEqualTo("AWS::Lambda::Function");
    assertThat(worker.property("Handler").asText()).isEqualTo("x.Worker::handleRequest");
    assertThat(worker.metadata().path("aws:asset:path").asText()).isEqualTo("asset.1.jar");
    assertThat(TEMPLATE.resource("Intake").orElseThrow().metadata().isObject()).isTrue();
  }

  @Test
  void findsResourcesByType() {
    assertThat(TEMPLATE.resourcesOfType("AWS::SQS::Queue")).extracting(TemplateResource::logicalId)
        .containsExactly("Intake", "Ordered");
    assertThat(TEMPLATE.resourcesOfType("AWS::SNS::Topic")).isEmpty();
    assertThat(TEMPLATE.resource("Nope")).isEmpty();
    assertThatThrownBy(() -> TEMPLATE.onlyResourceOfType("AWS::StepFunctions::StateMachine"))
        .hasMessageContaining("[Flow, ObjectFlow]");
  }

  @Test
  void rejectsTextThatIsNotATemplate() {
    assertThatThrownBy(() -> CloudFormationTemplate.parse("{\"Outputs\":{}}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no Resources");
    assertThatThrownBy(() -> CloudFormationTemplate.parse("{"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
  }

  @Test
  void theViewIsImmutable() {
    assertThatThrownBy(() -> TEMPLATE.resources().clear()).isInstanceOf(UnsupportedOperationException.class);
    var copy = TEMPLATE.toJson();
    ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("Resources");
    assertThat(TEMPLATE.toJson().has("Resources")).isTrue();
  }
}
