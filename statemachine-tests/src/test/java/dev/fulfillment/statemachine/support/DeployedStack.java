package dev.fulfillment.statemachine.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulfillment.infra.FulfillmentApp;
import dev.fulfillment.infra.FulfillmentStack;
import dev.fulfillment.infra.FulfillmentStackConfig;
import dev.fulfillment.local.template.CloudFormationTemplate;
import dev.fulfillment.local.template.DefaultLocalNames;
import dev.fulfillment.local.template.IntrinsicResolver;
import dev.fulfillment.local.template.LocalNames;
import dev.fulfillment.local.template.TemplateResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/**
 * What is deployed: {@link FulfillmentStack} synthesized in this JVM (once; synthesis takes seconds), read as a
 * CloudFormation template, the state machine's definition resolved with {@link IntrinsicResolver}. Nothing here is
 * a copy: change the workflow construct and the scenarios run the changed machine.
 */
public final class DeployedStack {
  public static final String STATE_MACHINE_TYPE = "AWS::StepFunctions::StateMachine";

  private static DeployedStack shared;

  private final CloudFormationTemplate template;
  private final TemplateResource stateMachine;

  private DeployedStack(CloudFormationTemplate template) {
    this.template = template;
    this.stateMachine = template.onlyResourceOfType(STATE_MACHINE_TYPE);
  }

  /** The stack as {@code FulfillmentApp} builds it, with the Lambda jars the reactor built. */
  public static synchronized DeployedStack get() {
    if (shared == null) {
      App app = new App();
      FulfillmentStack stack = new FulfillmentStack(app, FulfillmentApp.STACK_NAME, StackProps.builder().build(),
          FulfillmentStackConfig.defaults(repositoryRoot()));
      JsonNode json = new ObjectMapper().valueToTree(Template.fromStack(stack).toJSON());
      shared = new DeployedStack(CloudFormationTemplate.of(json));
    }
    return shared;
  }

  public CloudFormationTemplate template() {
    return template;
  }

  /** The state machine's logical id: also its local name, and the machine name in mock configs. */
  public String stateMachineName() {
    return stateMachine.logicalId();
  }

  /** The ASL the stack deploys, with function ARNs and the partition resolved under {@code names}. */
  public String definition(LocalNames names) {
    return new IntrinsicResolver(template, names).resolveDefinition(stateMachine);
  }

  public String definition() {
    return definition(DefaultLocalNames.of(template));
  }

  /** The {@code TimeoutSeconds} of the deployed definition, or 0 when it has none. */
  public long executionTimeoutSeconds() {
    try {
      return new ObjectMapper().readTree(definition()).path("TimeoutSeconds").asLong(0);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Each Lambda function the state machine can invoke, by the ARN the definition uses (the alias ARN), mapped to
   * its function resource: handler, environment and timeout come from there.
   */
  public Map<String, TemplateResource> functionsByInvokedArn(LocalNames names) {
    IntrinsicResolver resolver = new IntrinsicResolver(template, names);
    Map<String, TemplateResource> byArn = new LinkedHashMap<>();
    for (TemplateResource alias : template.resourcesOfType("AWS::Lambda::Alias")) {
      JsonNode functionRef = alias.property("FunctionName").path("Ref");
      TemplateResource function = template.resource(functionRef.asText())
          .orElseThrow(() -> new IllegalStateException("alias " + alias.logicalId() + " names no function"));
      byArn.put(resolver.ref(alias.logicalId()), function);
    }
    for (TemplateResource function : template.resourcesOfType("AWS::Lambda::Function")) {
      byArn.put(resolver.getAtt(function.logicalId(), "Arn"), function);
    }
    return byArn;
  }

  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("infra"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("cannot find the repository root (mvnw + infra/) above " + Path.of("")
        .toAbsolutePath());
  }
}
