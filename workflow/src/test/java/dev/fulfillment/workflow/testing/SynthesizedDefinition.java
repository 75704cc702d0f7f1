package dev.fulfillment.workflow.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/** The state machine definition inside a synthesized template, as a JSON tree with its tokens resolved. */
public final class SynthesizedDefinition {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SynthesizedDefinition() {
  }

  /** The definition of the template's only {@code AWS::StepFunctions::StateMachine}. */
  public static JsonNode of(Template template) {
    Map<String, Map<String, Object>> machines = template.findResources("AWS::StepFunctions::StateMachine");
    if (machines.size() != 1) {
      throw new IllegalStateException("expected one state machine, found " + machines.keySet());
    }
    JsonNode resource = JSON.valueToTree(machines.values().iterator().next());
    try {
      return JSON.readTree(Intrinsics.resolve(resource.at("/Properties/DefinitionString")));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("DefinitionString is not JSON once resolved", e);
    }
  }
}
