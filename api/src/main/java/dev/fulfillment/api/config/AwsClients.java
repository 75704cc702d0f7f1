package dev.fulfillment.api.config;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK clients for the Lambda functions, built once per execution environment. The region comes from
 * {@code AWS_REGION}, which Lambda always sets (as the task handlers read it, so the SDK's region chain
 * never runs); credentials come from the default chain, which also covers SnapStart's container
 * credentials. Endpoints may be overridden with the standard
 * {@code AWS_ENDPOINT_URL_<SERVICE>} variables (that is how the local cloud reaches them), so there
 * is no local code path here. One small URL-connection HTTP client serves all of them.
 */
public final class AwsClients {

  private static final SdkHttpClient HTTP = UrlConnectionHttpClient.create();

  private AwsClients() {
  }

  private static Region region() {
    return dev.fulfillment.tasks.config.AwsClients.region();
  }

  public static DynamoDbClient dynamoDb() {
    return DynamoDbClient.builder().httpClient(HTTP).region(region()).build();
  }

  public static SfnClient sfn() {
    return SfnClient.builder().httpClient(HTTP).region(region()).build();
  }

  public static SqsClient sqs() {
    return SqsClient.builder().httpClient(HTTP).region(region()).build();
  }
}
