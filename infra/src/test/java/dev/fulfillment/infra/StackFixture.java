package dev.fulfillment.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulfillment.infra.api.ApiAuthorization;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/**
 * The stack synthesized once per authorization mode with cdk-nag's AwsSolutions checks attached, shared by every
 * test in the JVM (synthesis takes seconds). Uses the Lambda jars the reactor built before infra.
 */
final class StackFixture {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<ApiAuthorization.Mode, StackFixture> SHARED = new EnumMap<>(ApiAuthorization.Mode.class);

  final FulfillmentStack stack;
  final Template template;
  final JsonNode json;

  private StackFixture(ApiAuthorization authorization) {
    App app = new App();
    Aspects.of(app).add(new AwsSolutionsChecks());
    FulfillmentStackConfig config = FulfillmentStackConfig.defaults(RepositoryRoot.find(Path.of("")))
        .withAuthorization(authorization);
    stack = new FulfillmentStack(app, FulfillmentApp.STACK_NAME, StackProps.builder().build(), config);
    template = Template.fromStack(stack);
    json = JSON.valueToTree(template.toJSON());
  }

  static synchronized StackFixture with(ApiAuthorization.Mode mode) {
    return SHARED.computeIfAbsent(mode, m -> new StackFixture(switch (m) {
      case IAM -> ApiAuthorization.iam();
      case JWT -> ApiAuthorization.jwt("https://issuer.example.com/", java.util.List.of("orders-api"));
      case NONE -> ApiAuthorization.none();
    }));
  }

  static StackFixture iam() {
    return with(ApiAuthorization.Mode.IAM);
  }

  /** The logical id of the only resource of {@code type} whose id starts with {@code prefix}. */
  String logicalId(String type, String prefix) {
    var ids = template.findResources(type).keySet().stream().filter(id -> id.startsWith(prefix)).toList();
    if (ids.size() != 1) {
      throw new IllegalStateException("expected one " + type + " named " + prefix + "*, found " + ids);
    }
    return ids.get(0);
  }

  JsonNode resource(String logicalId) {
    return json.at("/Resources/" + logicalId);
  }
}
