package dev.fulfillment.infra;

import dev.fulfillment.infra.api.ApiAuthorization;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app. Run by the cdk CLI through {@code infra/cdk.json}, or by Maven ({@code package} phase of infra),
 * which writes {@code infra/cdk.out/} without the CLI.
 *
 * <p>Context values: {@code auth} (iam | jwt | none), {@code jwtIssuer}, {@code jwtAudience}, and
 * {@code tasksJar} / {@code apiJar} to use other Lambda jars than the ones the build writes.
 */
public final class FulfillmentApp {

  public static final String STACK_NAME = "FulfillmentStack";

  private FulfillmentApp() {
  }

  public static void main(String[] args) {
    Path root = RepositoryRoot.find(Path.of(""));
    App app = new App(appProps(root));
    FulfillmentStackConfig config = config(app, root);
    new FulfillmentStack(app, STACK_NAME, StackProps.builder()
        .description("Order fulfillment: HTTP API and SQS intake, Step Functions saga, DynamoDB.")
        .build(), config);
    app.synth();
  }

  /** The cdk CLI says where to write through CDK_OUTDIR; without it (plain Maven) write infra/cdk.out. */
  private static AppProps appProps(Path root) {
    String cliOutdir = System.getenv("CDK_OUTDIR");
    // Record each asset's folder/file on its resource ("aws:asset:path" metadata), as the cdk CLI does by default,
    // so an offline runner can find a function's jar from the template alone.
    AppProps.Builder props = AppProps.builder().context(java.util.Map.of("aws:cdk:enable-asset-metadata", true));
    if (cliOutdir == null || cliOutdir.isBlank()) {
      props.outdir(root.resolve("infra").resolve("cdk.out").toString());
    }
    return props.build();
  }

  static FulfillmentStackConfig config(App app, Path root) {
    Object tasksJar = app.getNode().tryGetContext("tasksJar");
    Object apiJar = app.getNode().tryGetContext("apiJar");
    return new FulfillmentStackConfig(
        tasksJar == null ? root.resolve(FulfillmentStackConfig.DEFAULT_TASKS_JAR) : root.resolve(tasksJar.toString()),
        apiJar == null ? root.resolve(FulfillmentStackConfig.DEFAULT_API_JAR) : root.resolve(apiJar.toString()),
        ApiAuthorization.fromContext(app.getNode()));
  }
}
