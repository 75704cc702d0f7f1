package dev.fulfillment.tasks.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulfillment.testing.LambdaJars;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks the Lambda jar itself. Not a unit test: the pom runs it in a second surefire execution bound to
 * {@code verify}, after {@code package} built and shrank the jar, and passes the jar's path as
 * {@code shadedJar}. A missing jar fails the check; it never skips.
 */
class ShadedJarCheck {

  @Test
  void theLambdaJarIsSmallAndCarriesNeitherCdkNorOtherHttpClientsNorTestLibraries() throws IOException {
    List<String> entries = LambdaJars.checkedEntries();
    // Every handler the stack deploys, and what they reach only by name or through ServiceLoader.
    assertThat(entries).contains("dev/fulfillment/tasks/handler/ReserveStockHandler.class",
        "dev/fulfillment/tasks/handler/ChargePaymentHandler.class", "dev/fulfillment/tasks/handler/ConfirmOrderHandler.class",
        "dev/fulfillment/tasks/handler/ReleaseStockHandler.class", "dev/fulfillment/tasks/handler/RefundPaymentHandler.class",
        "dev/fulfillment/tasks/handler/MarkOrderFailedHandler.class",
        "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class",
        "software/amazon/awssdk/http/urlconnection/UrlConnectionSdkHttpService.class",
        "META-INF/services/software.amazon.awssdk.http.SdkHttpService", "org/crac/Core.class");
    // What shrinking is for: the marshallers and responses of DynamoDB operations no handler calls are gone.
    assertThat(entries).contains("software/amazon/awssdk/services/dynamodb/transform/UpdateItemRequestMarshaller.class",
            "software/amazon/awssdk/services/dynamodb/model/UpdateItemResponse.class")
        .doesNotContain("software/amazon/awssdk/services/dynamodb/transform/RestoreTableFromBackupRequestMarshaller.class",
            "software/amazon/awssdk/services/dynamodb/model/RestoreTableFromBackupResponse.class");
  }
}
