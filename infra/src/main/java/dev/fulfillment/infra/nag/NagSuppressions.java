package dev.fulfillment.infra.nag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.constructs.IConstruct;

/**
 * Records a reasoned cdk-nag suppression on the CloudFormation resources of a construct.
 *
 * <p>cdk-nag reads suppressions from the {@code cdk_nag} metadata entry of each resource
 * ({@code rules_to_suppress: [{id, reason, applies_to?}]}), which is all its own {@code NagSuppressions} writes. Writing
 * that entry here keeps cdk-nag a test-only dependency while each reason stays next to the resource it excuses.
 */
public final class NagSuppressions {

  private static final String METADATA_KEY = "cdk_nag";

  private NagSuppressions() {
  }

  /** Suppresses {@code ruleId} on every resource under {@code scope}, for every finding of that rule. */
  public static void suppress(IConstruct scope, String ruleId, String reason) {
    suppress(scope, ruleId, reason, List.of());
  }

  /**
   * Suppresses {@code ruleId} on every resource under {@code scope}, only for the listed findings (for IAM rules,
   * e.g. {@code "Resource::*"} or {@code "Action::xray:*"}) when {@code appliesTo} is not empty.
   */
  public static void suppress(IConstruct scope, String ruleId, String reason, List<String> appliesTo) {
    if (reason == null || reason.length() < 10) {
      throw new IllegalArgumentException("every suppression needs a written reason (cdk-nag requires 10+ characters)");
    }
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("id", ruleId);
    rule.put("reason", reason);
    if (!appliesTo.isEmpty()) {
      rule.put("applies_to", List.copyOf(appliesTo));
    }
    for (IConstruct construct : scope.getNode().findAll()) {
      if (construct instanceof CfnResource resource) {
        add(resource, rule);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void add(CfnResource resource, Map<String, Object> rule) {
    Object existing = resource.getMetadata(METADATA_KEY);
    List<Object> rules = new ArrayList<>();
    if (existing instanceof Map<?, ?> metadata && metadata.get("rules_to_suppress") instanceof List<?> previous) {
      rules.addAll(previous);
    }
    rules.add(rule);
    resource.addMetadata(METADATA_KEY, Map.of("rules_to_suppress", rules));
  }
}
