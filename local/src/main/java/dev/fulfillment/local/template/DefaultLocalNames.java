package dev.fulfillment.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Local names with sensible defaults, following what {@code Ref} and {@code Fn::GetAtt} return per resource type
 * in the CloudFormation resource reference, with the logical id standing in for generated physical names:
 *
 * <ul>
 *   <li>{@code AWS::Lambda::Function}: Ref = {@code FunctionName} or the logical id; Arn =
 *       {@code arn:aws:lambda:{region}:{account}:function:{name}}.</li>
 *   <li>{@code AWS::Lambda::Alias}: Ref = the alias ARN ({@code ...:function:{name}:{alias}}), also AliasArn.</li>
 *   <li>{@code AWS::Lambda::Version}: Ref = {@code ...:function:{name}:1}; Version = {@code 1}; FunctionArn.</li>
 *   <li>{@code AWS::DynamoDB::Table}: Ref = {@code TableName} or the logical id; Arn, StreamArn.</li>
 *   <li>{@code AWS::SQS::Queue}: Ref = QueueUrl = {@code {sqsEndpoint}/{account}/{name}}; QueueName
 *       ({@code QueueName}, or the logical id, plus {@code .fifo} for a FIFO queue); Arn.</li>
 *   <li>{@code AWS::StepFunctions::StateMachine}: Ref = Arn = {@code arn:aws:states:...:stateMachine:{name}}; Name.</li>
 *   <li>{@code AWS::IAM::Role}: Ref = name; Arn, RoleId. {@code AWS::Logs::LogGroup}: Ref = name; Arn.</li>
 *   <li>{@code AWS::ApiGatewayV2::Api}: Ref = ApiId = the logical id in lower case; ApiEndpoint =
 *       {@code httpApiEndpoint}.</li>
 *   <li>any other type: Ref = the logical id; attributes fail with {@link UnsupportedTemplateFeature}.</li>
 * </ul>
 */
public final class DefaultLocalNames implements LocalNames {
  /** The version number every {@code AWS::Lambda::Version} gets locally: there is one code version per run. */
  public static final String LOCAL_VERSION = "1";

  private final CloudFormationTemplate template;
  private final String region;
  private final String accountId;
  private final String partition;
  private final String stackName;
  private final String sqsEndpoint;
  private final String httpApiEndpoint;
  private final IntrinsicResolver resolver;

  private DefaultLocalNames(Builder builder) {
    this.template = builder.template;
    this.region = builder.region;
    this.accountId = builder.accountId;
    this.partition = builder.partition;
    this.stackName = builder.stackName;
    this.sqsEndpoint = stripSlash(builder.sqsEndpoint);
    this.httpApiEndpoint = stripSlash(builder.httpApiEndpoint);
    // Names of aliases and versions come from their FunctionName property, which is itself an intrinsic.
    this.resolver = new IntrinsicResolver(template, this);
  }

  /** Defaults: us-east-1, account 123456789012, SQS at http://localhost:9324, HTTP API at http://localhost:8080. */
  public static DefaultLocalNames of(CloudFormationTemplate template) {
    return builder(template).build();
  }

  public static Builder builder(CloudFormationTemplate template) {
    return new Builder(template);
  }

  @Override
  public String region() {
    return region;
  }

  @Override
  public String accountId() {
    return accountId;
  }

  @Override
  public String partition() {
    return partition;
  }

  @Override
  public String stackName() {
    return stackName;
  }

  @Override
  public String physicalName(TemplateResource r) {
    return switch (r.type()) {
      case "AWS::Lambda::Function" -> functionName(r);
      case "AWS::Lambda::Alias" -> aliasArn(r);
      case "AWS::Lambda::Version" -> versionArn(r);
      case "AWS::DynamoDB::Table" -> named(r, "TableName");
      case "AWS::SQS::Queue" -> queueUrl(r);
      case "AWS::StepFunctions::StateMachine" -> stateMachineArn(r);
      case "AWS::IAM::Role" -> named(r, "RoleName");
      case "AWS::Logs::LogGroup" -> named(r, "LogGroupName");
      case "AWS::CloudWatch::Alarm" -> named(r, "AlarmName");
      case "AWS::ApiGatewayV2::Api" -> apiId(r);
      default -> r.logicalId();
    };
  }

  @Override
  public String attribute(TemplateResource r, String attribute) {
    String value = switch (r.type() + "." + attribute) {
      case "AWS::Lambda::Function.Arn" -> functionArn(functionName(r));
      case "AWS::Lambda::Alias.AliasArn" -> aliasArn(r);
      case "AWS::Lambda::Version.Version" -> LOCAL_VERSION;
      case "AWS::Lambda::Version.FunctionArn" -> versionArn(r);
      case "AWS::DynamoDB::Table.Arn" -> tableArn(r);
      case "AWS::DynamoDB::Table.StreamArn" -> tableArn(r) + "/stream/1970-01-01T00:00:00.000";
      case "AWS::SQS::Queue.Arn" -> arn("sqs", queueName(r));
      case "AWS::SQS::Queue.QueueName" -> queueName(r);
      case "AWS::SQS::Queue.QueueUrl" -> queueUrl(r);
      case "AWS::StepFunctions::StateMachine.Arn" -> stateMachineArn(r);
      case "AWS::StepFunctions::StateMachine.Name" -> named(r, "StateMachineName");
      case "AWS::IAM::Role.Arn" -> "arn:" + partition + ":iam::" + accountId + ":role/" + named(r, "RoleName");
      case "AWS::IAM::Role.RoleId" -> "AROA" + r.logicalId().toUpperCase(java.util.Locale.ROOT);
      case "AWS::Logs::LogGroup.Arn" -> arn("logs", "log-group:" + named(r, "LogGroupName") + ":*");
      case "AWS::CloudWatch::Alarm.Arn" -> arn("cloudwatch", "alarm:" + named(r, "AlarmName"));
      case "AWS::ApiGatewayV2::Api.ApiId" -> apiId(r);
      case "AWS::ApiGatewayV2::Api.ApiEndpoint" -> httpApiEndpoint;
      default -> null;
    };
    if (value == null) {
      throw new UnsupportedTemplateFeature("Resources." + r.logicalId(), "Fn::GetAtt " + attribute + " of a "
          + r.type() + " is not supported locally");
    }
    return value;
  }

  private String functionName(TemplateResource function) {
    return nameFromFunctionReference(named(function, "FunctionName"));
  }

  /** A function name from a name, a partial ARN or a full (maybe qualified) ARN. */
  private static String nameFromFunctionReference(String reference) {
    int function = reference.indexOf(":function:");
    String tail = function >= 0 ? reference.substring(function + ":function:".length()) : reference;
    int qualifier = tail.indexOf(':');
    return qualifier < 0 ? tail : tail.substring(0, qualifier);
  }

  private String referencedFunctionName(TemplateResource r) {
    JsonNode reference = r.property("FunctionName");
    if (reference.isMissingNode()) {
      throw new UnsupportedTemplateFeature("Resources." + r.logicalId() + ".Properties",
          "a " + r.type() + " needs FunctionName");
    }
    return nameFromFunctionReference(
        resolver.resolveText(reference, "Resources." + r.logicalId() + ".Properties.FunctionName"));
  }

  private String aliasArn(TemplateResource alias) {
    return functionArn(referencedFunctionName(alias)) + ":" + resolver.resolveText(alias.property("Name"),
        "Resources." + alias.logicalId() + ".Properties.Name");
  }

  private String versionArn(TemplateResource version) {
    return functionArn(referencedFunctionName(version)) + ":" + LOCAL_VERSION;
  }

  private String functionArn(String name) {
    return arn("lambda", "function:" + name);
  }

  private String tableArn(TemplateResource table) {
    return arn("dynamodb", "table/" + named(table, "TableName"));
  }

  private String queueName(TemplateResource queue) {
    JsonNode given = queue.property("QueueName");
    if (!given.isMissingNode()) {
      return resolver.resolveText(given, "Resources." + queue.logicalId() + ".Properties.QueueName");
    }
    boolean fifo = queue.property("FifoQueue").asBoolean(false)
        || "true".equals(queue.property("FifoQueue").asText());
    return queue.logicalId() + (fifo ? ".fifo" : "");
  }

  private String queueUrl(TemplateResource queue) {
    return sqsEndpoint + "/" + accountId + "/" + queueName(queue);
  }

  private String stateMachineArn(TemplateResource stateMachine) {
    return arn("states", "stateMachine:" + named(stateMachine, "StateMachineName"));
  }

  private static String apiId(TemplateResource api) {
    return api.logicalId().toLowerCase(java.util.Locale.ROOT);
  }

  /** The resource's name property when it has one, otherwise its logical id. */
  private String named(TemplateResource r, String property) {
    JsonNode given = r.property(property);
    if (given.isMissingNode()) {
      return r.logicalId();
    }
    return resolver.resolveText(given, "Resources." + r.logicalId() + ".Properties." + property);
  }

  private String arn(String service, String resource) {
    return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Options of {@link DefaultLocalNames}; each has a default. */
  public static final class Builder {
    private final CloudFormationTemplate template;
    private String region = "us-east-1";
    private String accountId = "123456789012";
    private String partition = "aws";
    private String stackName = "local";
    private String sqsEndpoint = "http://localhost:9324";
    private String httpApiEndpoint = "http://localhost:8080";

    private Builder(CloudFormationTemplate template) {
      this.template = Objects.requireNonNull(template, "template");
    }

    public Builder region(String value) {
      this.region = value;
      return this;
    }

    public Builder accountId(String value) {
      this.accountId = value;
      return this;
    }

    public Builder partition(String value) {
      this.partition = value;
      return this;
    }

    public Builder stackName(String value) {
      this.stackName = value;
      return this;
    }

    /** Base URL of the local SQS endpoint: queue URLs are {@code {endpoint}/{account}/{queueName}}. */
    public Builder sqsEndpoint(String value) {
      this.sqsEndpoint = value;
      return this;
    }

    /** Base URL of the local HTTP API: the ApiEndpoint attribute of every {@code AWS::ApiGatewayV2::Api}. */
    public Builder httpApiEndpoint(String value) {
      this.httpApiEndpoint = value;
      return this;
    }

    public DefaultLocalNames build() {
      return new DefaultLocalNames(this);
    }
  }
}
