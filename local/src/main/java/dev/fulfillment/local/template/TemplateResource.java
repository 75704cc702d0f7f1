package dev.fulfillment.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One entry of a template's {@code Resources} section, as synthesized: intrinsics in {@code properties} are not
 * resolved (use {@link IntrinsicResolver}). {@code properties} and {@code metadata} are never null (a missing
 * section is an empty object), and must not be modified.
 *
 * @param logicalId  the key of the resource in {@code Resources}
 * @param type       for example {@code AWS::Lambda::Function}
 * @param properties the {@code Properties} object
 * @param metadata   the {@code Metadata} object (CDK writes {@code aws:asset:path}, {@code aws:cdk:path}, ... here)
 */
public record TemplateResource(String logicalId, String type, JsonNode properties, JsonNode metadata) {

  public TemplateResource {
    Objects.requireNonNull(logicalId, "logicalId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(properties, "properties");
    Objects.requireNonNull(metadata, "metadata");
  }

  /** The property's unresolved value, or a missing node. */
  public JsonNode property(String name) {
    return properties.path(name);
  }

  public boolean isOfType(String resourceType) {
    return type.equals(resourceType);
  }
}
