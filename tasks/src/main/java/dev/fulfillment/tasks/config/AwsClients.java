package dev.fulfillment.tasks.config;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the SDK clients a handler keeps for its lifetime. There is no "local" switch: the endpoint
 * comes from the standard {@code AWS_ENDPOINT_URL_DYNAMODB} / {@code AWS_ENDPOINT_URL} settings the SDK
 * reads itself, so the same code runs in Lambda and in the offline cloud.
 */
public final class AwsClients {

  private AwsClients() {
  }

  /**
   * UrlConnection HTTP client: the smallest one, with the fastest start; Lambda jars carry no other.
   * Region from {@code AWS_REGION}, which Lambda always sets. Credentials are left to the default chain
   * on purpose: with SnapStart, Lambda supplies them as container credentials
   * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}), not as access-key variables, and the chain handles both
   * (Lambda guide, "Using SnapStart with AWS SDKs").
   */
  public static DynamoDbClient dynamoDb() {
    return DynamoDbClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(region())
        .build();
  }

  public static Region region() {
    String region = System.getenv("AWS_REGION");
    if (region == null || region.isBlank()) {
      throw new IllegalStateException("environment variable AWS_REGION is not set");
    }
    return Region.of(region);
  }
}
