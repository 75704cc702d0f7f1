package dev.fulfillment.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.local.httpapi.HttpApiRoute;
import dev.fulfillment.local.lambda.FunctionSpec;
import dev.fulfillment.local.sqs.EventSourceMapping;
import dev.fulfillment.local.template.CloudFormationTemplate;
import dev.fulfillment.local.template.IntrinsicResolver;
import dev.fulfillment.local.template.LocalNames;
import dev.fulfillment.local.template.TemplateResource;
import dev.fulfillment.local.template.UnsupportedTemplateFeature;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local resources a synthesized CloudFormation template asks for, with every intrinsic resolved to local
 * names, URLs and ARNs. Whatever the template holds that the local cloud does not honour goes into
 * {@link #unsupported()}, one line each, so that start-up can list it instead of dropping it silently.
 */
public record StackModel(List<Table> tables, List<Queue> queues, List<FunctionSpec> functions,
                         List<EventSourceMapping> eventSourceMappings, List<HttpApi> httpApis,
                         List<StateMachine> stateMachines, List<String> unsupported) {

  /** A table: CreateTable's parameters (TableName, KeySchema, AttributeDefinitions, indexes, BillingMode). */
  public record Table(String logicalId, String name, JsonNode properties) {}

  /** A queue: its name, URL and ARN, and its SQS attributes (VisibilityTimeout, RedrivePolicy as JSON text, ...). */
  public record Queue(String logicalId, String name, String url, String arn, Map<String, String> attributes) {}

  /** An HTTP API and its routes. */
  public record HttpApi(String logicalId, String apiId, String name, List<HttpApiRoute> routes) {}

  /** A state machine: its name (the ARN's last part), ASL definition and type. */
  public record StateMachine(String logicalId, String name, String arn, String definition, String type,
                             String roleArn) {}

  private static final Set<String> NOT_EMULATED_QUIETLY = Set.of("AWS::CDK::Metadata");

  /**
   * @param template the synthesized template
   * @param assemblyDirectory the cloud assembly (cdk.out) that holds the staged assets ({@code aws:asset:path})
   */
  public static StackModel of(CloudFormationTemplate template, LocalNames names, Path assemblyDirectory) {
    IntrinsicResolver resolver = new IntrinsicResolver(template, names);
    Builder builder = new Builder(template, names, resolver, assemblyDirectory);
    for (TemplateResource resource : template.resources()) {
      try {
        builder.add(resource);
      } catch (UnsupportedTemplateFeature e) {
        builder.unsupported.add(resource.logicalId() + " (" + resource.type() + "): " + e.getMessage());
      }
    }
    if (template.toJson().has("Rules")) {
      builder.unsupported.add("Rules: template rules (e.g. CDK's bootstrap version check) are not evaluated");
    }
    return new StackModel(List.copyOf(builder.tables), List.copyOf(builder.queues), List.copyOf(builder.functions),
        List.copyOf(builder.mappings), builder.apis(), List.copyOf(builder.machines), List.copyOf(builder.unsupported));
  }

  private static final class Builder {
    final CloudFormationTemplate template;
    final LocalNames names;
    final IntrinsicResolver resolver;
    final Path assembly;
    final List<Table> tables = new ArrayList<>();
    final List<Queue> queues = new ArrayList<>();
    final List<FunctionSpec> functions = new ArrayList<>();
    final List<EventSourceMapping> mappings = new ArrayList<>();
    final Map<String, HttpApi> apis = new LinkedHashMap<>();
    final Map<String, JsonNode> integrations = new LinkedHashMap<>();
    final List<TemplateResource> routes = new ArrayList<>();
    final List<StateMachine> machines = new ArrayList<>();
    final List<String> unsupported = new ArrayList<>();

    Builder(CloudFormationTemplate template, LocalNames names, IntrinsicResolver resolver, Path assembly) {
      this.template = template;
      this.names = names;
      this.resolver = resolver;
      this.assembly = assembly;
    }

    void add(TemplateResource r) {
      switch (r.type()) {
        case "AWS::DynamoDB::Table" -> table(r);
        case "AWS::SQS::Queue" -> queue(r);
        case "AWS::Lambda::Function" -> function(r);
        case "AWS::Lambda::EventSourceMapping" -> mapping(r);
        case "AWS::ApiGatewayV2::Api" -> api(r);
        case "AWS::ApiGatewayV2::Integration" -> integrations.put(r.logicalId(), resolver.resolveProperties(r));
        case "AWS::ApiGatewayV2::Route" -> routes.add(r);
        case "AWS::ApiGatewayV2::Stage" -> stage(r);
        case "AWS::StepFunctions::StateMachine" -> stateMachine(r);
        // One code version per run: every version and alias ARN reaches the function itself.
        case "AWS::Lambda::Version", "AWS::Lambda::Alias" -> { }
        case "AWS::Lambda::Permission", "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::SQS::QueuePolicy" ->
            note(r, "permissions are not enforced locally: every local caller may call every resource");
        case "AWS::Logs::LogGroup" -> note(r, "function and state machine logs go to the console, not to log groups");
        case "AWS::Logs::MetricFilter", "AWS::CloudWatch::Alarm", "AWS::CloudWatch::Dashboard" ->
            note(r, "CloudWatch metrics, alarms and dashboards are not emulated");
        default -> {
          if (!NOT_EMULATED_QUIETLY.contains(r.type())) {
            note(r, "resource type not emulated locally");
          }
        }
      }
    }

    private void note(TemplateResource r, String why) {
      unsupported.add(r.logicalId() + " (" + r.type() + "): " + why);
    }

    private String path(TemplateResource r) {
      return "Resources." + r.logicalId() + ".Properties";
    }

    private void table(TemplateResource r) {
      ObjectNode properties = (ObjectNode) resolver.resolveProperties(r).deepCopy();
      String name = names.physicalName(r);
      properties.put("TableName", name);
      for (String ignored : List.of("StreamSpecification", "TimeToLiveSpecification", "KinesisStreamSpecification",
          "ContributorInsightsSpecification", "ImportSourceSpecification", "ResourcePolicy")) {
        if (properties.has(ignored)) {
          note(r, ignored + " is not supported by the local DynamoDB (dynalite); ignored");
        }
      }
      for (String noop : List.of("PointInTimeRecoverySpecification", "SSESpecification", "DeletionProtectionEnabled",
          "Tags", "TableClass")) {
        if (properties.has(noop)) {
          note(r, noop + " has no local effect");
        }
      }
      tables.add(new Table(r.logicalId(), name, properties));
    }

    private void queue(TemplateResource r) {
      JsonNode properties = resolver.resolveProperties(r);
      Map<String, String> attributes = new LinkedHashMap<>();
      for (String name : List.of("VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds", "MaximumMessageSize",
          "ReceiveMessageWaitTimeSeconds", "FifoQueue", "ContentBasedDeduplication")) {
        if (properties.has(name)) {
          attributes.put(name, properties.get(name).asText());
        }
      }
      if (properties.has("RedrivePolicy")) {
        JsonNode redrive = properties.get("RedrivePolicy");
        attributes.put("RedrivePolicy", redrive.isTextual() ? redrive.asText() : redrive.toString());
      }
      for (String noop : List.of("SqsManagedSseEnabled", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds",
          "RedriveAllowPolicy", "DeduplicationScope", "FifoThroughputLimit")) {
        if (properties.has(noop)) {
          note(r, noop + " has no local effect");
        }
      }
      String name = names.attribute(r, "QueueName");
      queues.add(new Queue(r.logicalId(), name, names.physicalName(r), names.attribute(r, "Arn"), attributes));
    }

    private void function(TemplateResource r) {
      JsonNode properties = resolver.resolveProperties(r);
      String name = names.physicalName(r);
      String runtime = properties.path("Runtime").asText("");
      if (!runtime.startsWith("java")) {
        throw new UnsupportedTemplateFeature(path(r) + ".Runtime", "runtime '" + runtime
            + "' is not supported locally (only Java runtimes); the function is not started");
      }
      String asset = r.metadata().path("aws:asset:path").asText(null);
      if (asset == null) {
        throw new UnsupportedTemplateFeature("Resources." + r.logicalId() + ".Metadata",
            "no aws:asset:path: the function's code is not a local CDK asset (inline or S3 code is not supported)");
      }
      Path code = assembly.resolve(asset);
      Map<String, String> environment = new LinkedHashMap<>();
      properties.path("Environment").path("Variables").properties()
          .forEach(e -> environment.put(e.getKey(), e.getValue().asText()));
      int timeout = properties.path("Timeout").asInt(3);
      int memory = properties.path("MemorySize").asInt(128);
      functions.add(new FunctionSpec(name, names.attribute(r, "Arn"), properties.path("Handler").asText(), code,
          environment, Duration.ofSeconds(timeout), memory));
      if (properties.path("Architectures").toString().contains("arm64")) {
        note(r, "Architectures arm64: runs on this machine's JVM and architecture");
      }
      if (properties.has("SnapStart")) {
        note(r, "SnapStart: no snapshots locally; every new execution environment is a regular cold start");
      }
      if (properties.has("TracingConfig")) {
        note(r, "TracingConfig: X-Ray tracing is not emulated");
      }
      for (String other : List.of("Layers", "VpcConfig", "FileSystemConfigs", "DeadLetterConfig",
          "ReservedConcurrentExecutions", "EphemeralStorage", "KmsKeyArn", "ImageConfig", "LoggingConfig")) {
        if (properties.has(other)) {
          note(r, other + " is not honoured locally");
        }
      }
    }

    private void mapping(TemplateResource r) {
      JsonNode properties = resolver.resolveProperties(r);
      String source = properties.path("EventSourceArn").asText("");
      Queue queue = queues.stream().filter(q -> q.arn().equals(source)).findFirst().orElse(null);
      if (queue == null) {
        // Queues are declared before their mappings in CDK output, but do not rely on it.
        for (TemplateResource candidate : template.resourcesOfType("AWS::SQS::Queue")) {
          if (names.attribute(candidate, "Arn").equals(source)) {
            queue = new Queue(candidate.logicalId(), names.attribute(candidate, "QueueName"),
                names.physicalName(candidate), source, Map.of());
          }
        }
      }
      if (queue == null) {
        throw new UnsupportedTemplateFeature(path(r) + ".EventSourceArn", "event source " + source
            + " is not an SQS queue of this template; only SQS event sources are supported locally");
      }
      boolean reportFailures = properties.path("FunctionResponseTypes").toString().contains("ReportBatchItemFailures");
      for (String other : List.of("FilterCriteria", "DestinationConfig", "MetricsConfig")) {
        if (properties.has(other)) {
          note(r, other + " is not honoured locally");
        }
      }
      mappings.add(new EventSourceMapping(queue.url(), queue.arn(), properties.path("FunctionName").asText(),
          properties.path("BatchSize").asInt(10),
          Duration.ofSeconds(properties.path("MaximumBatchingWindowInSeconds").asInt(0)),
          properties.path("ScalingConfig").path("MaximumConcurrency").asInt(5),
          reportFailures, properties.path("Enabled").asBoolean(true)));
    }

    private void api(TemplateResource r) {
      JsonNode properties = resolver.resolveProperties(r);
      if (!properties.path("ProtocolType").asText("HTTP").equals("HTTP")) {
        throw new UnsupportedTemplateFeature(path(r) + ".ProtocolType", "only HTTP APIs are supported locally");
      }
      if (properties.has("CorsConfiguration")) {
        note(r, "CorsConfiguration: CORS preflight answers are not emulated");
      }
      apis.put(r.logicalId(), new HttpApi(r.logicalId(), names.physicalName(r), properties.path("Name").asText(r.logicalId()),
          new ArrayList<>()));
    }

    private void stage(TemplateResource r) {
      JsonNode properties = resolver.resolveProperties(r);
      if (!properties.path("StageName").asText().equals("$default")) {
        note(r, "stage " + properties.path("StageName").asText() + ": only the $default stage is served");
      }
      if (properties.has("DefaultRouteSettings") || properties.has("RouteSettings")) {
        note(r, "throttling settings are not enforced locally");
      }
      if (properties.has("AccessLogSettings")) {
        note(r, "access logs go to the console in a fixed format, not to the log group");
      }
    }

    private void stateMachine(TemplateResource r) {
      JsonNode properties = resolver.resolveProperties(r);
      String arn = names.physicalName(r);
      String name = arn.substring(arn.lastIndexOf(':') + 1);
      if (properties.has("TracingConfiguration")) {
        note(r, "TracingConfiguration: X-Ray tracing is not emulated");
      }
      if (properties.has("LoggingConfiguration")) {
        note(r, "LoggingConfiguration: execution history is kept by the engine (API and console), not sent to the log group");
      }
      machines.add(new StateMachine(r.logicalId(), name, arn, resolver.resolveDefinition(r),
          properties.path("StateMachineType").asText("STANDARD"), properties.path("RoleArn").asText(null)));
    }

    List<HttpApi> apis() {
      for (TemplateResource route : routes) {
        try {
          JsonNode properties = resolver.resolveProperties(route);
          String apiLogicalId = route.property("ApiId").path("Ref").asText();
          HttpApi api = apis.get(apiLogicalId);
          if (api == null) {
            note(route, "belongs to an API that is not served locally");
            continue;
          }
          String target = properties.path("Target").asText("");
          String integrationId = target.startsWith("integrations/") ? target.substring("integrations/".length()) : "";
          JsonNode integration = integrationsByPhysicalName(integrationId);
          if (integration == null) {
            note(route, "target '" + target + "' is not an integration of this template");
            continue;
          }
          if (!integration.path("IntegrationType").asText().equals("AWS_PROXY")
              || !integration.path("PayloadFormatVersion").asText("2.0").equals("2.0")) {
            note(route, "only Lambda proxy integrations with payload format 2.0 are supported locally");
            continue;
          }
          String authorization = properties.path("AuthorizationType").asText("NONE");
          if (!authorization.equals("NONE")) {
            note(route, "AuthorizationType " + authorization + " is not enforced locally: requests need no signature or token");
          }
          int timeoutMillis = integration.path("TimeoutInMillis").asInt(30_000);
          api.routes().add(new HttpApiRoute(properties.path("RouteKey").asText(),
              integration.path("IntegrationUri").asText(), Duration.ofMillis(timeoutMillis)));
        } catch (UnsupportedTemplateFeature e) {
          unsupported.add(route.logicalId() + " (" + route.type() + "): " + e.getMessage());
        }
      }
      return apis.values().stream().map(a -> new HttpApi(a.logicalId(), a.apiId(), a.name(), List.copyOf(a.routes())))
          .toList();
    }

    /** {@code Ref} of an integration is its physical id; here that is what the local names make of it. */
    private JsonNode integrationsByPhysicalName(String id) {
      for (Map.Entry<String, JsonNode> entry : integrations.entrySet()) {
        TemplateResource resource = template.resource(entry.getKey()).orElseThrow();
        if (names.physicalName(resource).equals(id) || entry.getKey().equals(id)) {
          return entry.getValue();
        }
      }
      return null;
    }
  }
}
