package dev.fulfillment.local.template;

/**
 * How the resources of a template are named when they run locally: what {@code Ref} and {@code Fn::GetAtt} of a
 * resource return, and the pseudo parameters. The local cloud supplies its own (with its ports);
 * {@link DefaultLocalNames} has defaults for everything the fulfillment stack uses.
 */
public interface LocalNames {

  /** {@code AWS::Region}. */
  String region();

  /** {@code AWS::AccountId}. */
  String accountId();

  /** {@code AWS::Partition}, normally {@code aws}. */
  String partition();

  /** {@code AWS::StackName}. */
  default String stackName() {
    return "local";
  }

  /** {@code AWS::URLSuffix}: {@code amazonaws.com} in the {@code aws} partition. */
  default String urlSuffix() {
    return "amazonaws.com";
  }

  /** {@code AWS::StackId}. */
  default String stackId() {
    return "arn:" + partition() + ":cloudformation:" + region() + ":" + accountId() + ":stack/" + stackName()
        + "/00000000-0000-0000-0000-000000000000";
  }

  /**
   * What {@code Ref} of the resource returns: for functions, tables and log groups their name, for queues their
   * URL, for state machines, aliases and versions their ARN (as CloudFormation documents per resource type).
   *
   * @throws UnsupportedTemplateFeature when the resource type is not known
   */
  String physicalName(TemplateResource resource);

  /**
   * What {@code Fn::GetAtt} returns for the resource's {@code attribute} ({@code Arn}, {@code QueueUrl},
   * {@code QueueName}, {@code StreamArn}, ...).
   *
   * @throws UnsupportedTemplateFeature when the attribute is not known for that resource type
   */
  String attribute(TemplateResource resource, String attribute);
}
