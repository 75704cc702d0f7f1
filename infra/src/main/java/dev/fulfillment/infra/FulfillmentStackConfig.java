package dev.fulfillment.infra;

import dev.fulfillment.infra.api.ApiAuthorization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the stack is built from: the two shaded Lambda jars and how the HTTP API is authorized.
 *
 * @param tasksJar the task handlers, {@code tasks/target/tasks-lambda.jar} by default
 * @param apiJar   the HTTP and SQS intake handlers, {@code api/target/api-lambda.jar} by default
 */
public record FulfillmentStackConfig(Path tasksJar, Path apiJar, ApiAuthorization authorization) {

  public static final Path DEFAULT_TASKS_JAR = Path.of("tasks", "target", "tasks-lambda.jar");
  public static final Path DEFAULT_API_JAR = Path.of("api", "target", "api-lambda.jar");

  public FulfillmentStackConfig {
    Objects.requireNonNull(authorization, "authorization");
    requireFile(tasksJar, "tasks");
    requireFile(apiJar, "api");
  }

  /** The default jar locations under a repository root, IAM authorization. */
  public static FulfillmentStackConfig defaults(Path repositoryRoot) {
    return new FulfillmentStackConfig(repositoryRoot.resolve(DEFAULT_TASKS_JAR),
        repositoryRoot.resolve(DEFAULT_API_JAR), ApiAuthorization.iam());
  }

  public FulfillmentStackConfig withAuthorization(ApiAuthorization newAuthorization) {
    return new FulfillmentStackConfig(tasksJar, apiJar, newAuthorization);
  }

  private static void requireFile(Path jar, String module) {
    if (jar == null || !Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("Lambda jar " + jar + " is missing: build it with "
          + "`./mvnw -B -o package -pl " + module + " -am -DskipTests`");
    }
  }
}
