package dev.fulfillment.local.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable view of a synthesized CloudFormation template (JSON): its resources in template order, plus the
 * {@code Parameters}, {@code Conditions}, {@code Mappings} and {@code Outputs} sections that intrinsics refer to.
 * Nothing is resolved here; {@link IntrinsicResolver} does that.
 */
public final class CloudFormationTemplate {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final JsonNode root;
  private final List<TemplateResource> resources;
  private final Map<String, TemplateResource> byId;

  private CloudFormationTemplate(JsonNode root) {
    this.root = root.deepCopy();
    List<TemplateResource> list = new ArrayList<>();
    Map<String, TemplateResource> map = new LinkedHashMap<>();
    JsonNode section = this.root.path("Resources");
    if (!section.isObject()) {
      throw new IllegalArgumentException("not a CloudFormation template: it has no Resources object");
    }
    section.properties().forEach(entry -> {
      JsonNode body = entry.getValue();
      String type = body.path("Type").asText(null);
      if (type == null) {
        throw new IllegalArgumentException("resource " + entry.getKey() + " has no Type");
      }
      TemplateResource resource = new TemplateResource(entry.getKey(), type, objectOrEmpty(body.get("Properties")),
          objectOrEmpty(body.get("Metadata")));
      list.add(resource);
      map.put(entry.getKey(), resource);
    });
    this.resources = Collections.unmodifiableList(list);
    this.byId = Collections.unmodifiableMap(map);
  }

  public static CloudFormationTemplate parse(String json) {
    try {
      return new CloudFormationTemplate(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("template is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static CloudFormationTemplate load(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + file, e);
    }
  }

  /** From a tree already in memory (for example {@code Template.toJSON()} of CDK's assertions); it is copied. */
  public static CloudFormationTemplate of(JsonNode template) {
    return new CloudFormationTemplate(template);
  }

  /** Every resource, in template order. */
  public List<TemplateResource> resources() {
    return resources;
  }

  public List<TemplateResource> resourcesOfType(String type) {
    return resources.stream().filter(r -> r.isOfType(type)).toList();
  }

  public Optional<TemplateResource> resource(String logicalId) {
    return Optional.ofNullable(byId.get(logicalId));
  }

  /** The only resource of {@code type}; fails when there is none or more than one. */
  public TemplateResource onlyResourceOfType(String type) {
    List<TemplateResource> found = resourcesOfType(type);
    if (found.size() != 1) {
      throw new IllegalStateException("expected exactly one " + type + " in the template, found "
          + found.stream().map(TemplateResource::logicalId).toList());
    }
    return found.get(0);
  }

  /** The {@code Parameters} entry named {@code name}, or a missing node. */
  public JsonNode parameter(String name) {
    return root.path("Parameters").path(name);
  }

  /** The {@code Conditions} entry named {@code name}, or a missing node. */
  public JsonNode condition(String name) {
    return root.path("Conditions").path(name);
  }

  /** The {@code Mappings} section, or a missing node. */
  public JsonNode mappings() {
    return root.path("Mappings");
  }

  /** The {@code Outputs} section, or a missing node. */
  public JsonNode outputs() {
    return root.path("Outputs");
  }

  /** A copy of the whole template tree. */
  public JsonNode toJson() {
    return root.deepCopy();
  }

  private static JsonNode objectOrEmpty(JsonNode node) {
    return node != null && node.isObject() ? node : JsonNodeFactory.instance.objectNode();
  }
}
