package dev.fulfillment.infra.compute;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * A Java handler from one of the shaded Lambda jars, with SnapStart on published versions and an alias that callers
 * invoke.
 *
 * <p>SnapStart only applies to published versions, never to {@code $LATEST} ("Improving startup performance with
 * Lambda SnapStart"), so every caller (the state machine, the SQS event source, the HTTP integration) goes through
 * {@link #alias()}, which CDK moves to a new version whenever the code or configuration changes. The handlers prime
 * their SDK and JSON classes in an {@code org.crac} {@code beforeCheckpoint} hook, so the snapshot already holds them.
 */
public final class JavaFunction extends Construct {

  /** The alias every caller invokes. */
  public static final String ALIAS_NAME = "live";

  /**
   * C1 only: stops the JVM spending a short-lived invocation's CPU on C2 compilation, the setting AWS recommends
   * for Java functions' start-up ("Customize Java runtime startup behavior", JAVA_TOOL_OPTIONS, Lambda developer
   * guide). With SnapStart it also keeps the restored snapshot from re-optimising on the first requests.
   */
  public static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

  private final Function function;
  private final Alias alias;

  public JavaFunction(Construct scope, String id, JavaFunctionProps props) {
    super(scope, id);
    // An explicit log group instead of the deprecated logRetention custom resource: retention without an extra
    // Lambda function in the stack.
    LogGroup logs = LogGroup.Builder.create(this, "Logs").retention(RetentionDays.ONE_MONTH).build();

    Map<String, String> environment = new LinkedHashMap<>(props.environment());
    environment.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);

    this.function = Function.Builder.create(this, "Function")
        .description(props.description())
        .runtime(Runtime.JAVA_21)
        .architecture(Architecture.ARM_64)
        .code(Code.fromAsset(props.jar().toString()))
        .handler(props.handler())
        .memorySize(props.memoryMb())
        .timeout(props.timeout())
        .environment(environment)
        .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
        .tracing(Tracing.ACTIVE)
        .logGroup(logs)
        .build();
    this.alias = Alias.Builder.create(this, "Alias")
        .aliasName(ALIAS_NAME)
        .version(function.getCurrentVersion())
        .build();
  }

  public Function function() {
    return function;
  }

  public Alias alias() {
    return alias;
  }

  /** Allows exactly these DynamoDB actions on the table (no indexes, no other tables). */
  public void allow(ITable table, String... actions) {
    function.addToRolePolicy(PolicyStatement.Builder.create()
        .actions(List.of(actions).stream().map(action -> "dynamodb:" + action).toList())
        .resources(List.of(table.getTableArn()))
        .build());
  }

  /** Where a function's code comes from and how it runs. */
  public record JavaFunctionProps(String description, Path jar, String handler, int memoryMb, Duration timeout,
      Map<String, String> environment) {
  }

  /** {@code handleRequest} of the handler class: the Lambda handler string of a {@code RequestHandler}. */
  public static String handler(String className) {
    return className + "::handleRequest";
  }

  /** The Lambda timeout used for task functions, kept below the state machine's task timeout. */
  public static final Duration TASK_TIMEOUT = Duration.seconds(20);
}
