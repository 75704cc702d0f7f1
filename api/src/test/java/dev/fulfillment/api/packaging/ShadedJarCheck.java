package dev.fulfillment.api.packaging;

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
    // Both handlers, the event classes the runtime maps by reflection, Joda-Time's DateTime (which the
    // runtime's event serializer loads by name), and the HTTP client that ServiceLoader finds.
    assertThat(entries).contains("dev/fulfillment/api/http/HttpApiHandler.class",
        "dev/fulfillment/api/intake/SqsIntakeHandler.class",
        "com/amazonaws/services/lambda/runtime/events/APIGatewayV2HTTPEvent.class",
        "com/amazonaws/services/lambda/runtime/events/SQSEvent$SQSMessage.class",
        "com/amazonaws/services/lambda/runtime/events/SQSBatchResponse$BatchItemFailure.class",
        "org/joda/time/DateTime.class",
        "software/amazon/awssdk/http/urlconnection/UrlConnectionSdkHttpService.class",
        "META-INF/services/software.amazon.awssdk.http.SdkHttpService", "org/crac/Core.class");
    // What shrinking is for: the models of operations no handler calls are gone.
    assertThat(entries).contains("software/amazon/awssdk/services/sfn/model/StartExecutionRequest.class",
            "software/amazon/awssdk/services/sqs/model/SendMessageRequest.class")
        .doesNotContain("software/amazon/awssdk/services/sfn/model/CreateStateMachineRequest.class",
            "software/amazon/awssdk/services/sqs/model/CreateQueueRequest.class");
  }
}
