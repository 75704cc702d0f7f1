package dev.fulfillment.api.config;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK clients for the Lambda functions, built once per execution environment. Region and
 * credentials come from the Lambda environment; endpoints may be overridden with the standard
 * {@code AWS_ENDPOINT_URL_<SERVICE>} variables (that is how the local cloud reaches them), so there
 * is no local code path here. One small URL-connection HTTP client serves all of them.
 */
public final class AwsClients {

  private static final SdkHttpClient HTTP = UrlConnectionHttpClient.create();

  private AwsClients() {
  }

  public static DynamoDbClient dynamoDb() {
    return DynamoDbClient.builder().httpClient(HTTP).build();
  }

  public static SfnClient sfn() {
    return SfnClient.builder().httpClient(HTTP).build();
  }

  public static SqsClient sqs() {
    return SqsClient.builder().httpClient(HTTP).build();
  }
}
