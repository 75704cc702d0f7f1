package dev.fulfillment.local.sfn.tasks;

/**
 * What a Task's Resource names. Supported: the optimized {@code arn:aws:states:::lambda:invoke} (optionally
 * {@code .waitForTaskToken}) and plain Lambda function ARNs. Anything else is reported as unsupported rather
 * than faked.
 */
public sealed interface TaskResource {
  /** {@code arn:<partition>:states:::lambda:invoke[.waitForTaskToken]}. */
  record LambdaInvoke(boolean waitForTaskToken) implements TaskResource {}

  /** {@code arn:<partition>:lambda:<region>:<account>:function:<name>[:qualifier]}. */
  record LambdaFunction(String arn) implements TaskResource {}

  record Unsupported(String resource) implements TaskResource {}

  static TaskResource of(String resource) {
    String[] parts = resource.split(":", 6);
    if (parts.length == 6 && parts[0].equals("arn") && parts[2].equals("states") && parts[3].isEmpty()
        && parts[4].isEmpty()) {
      return switch (parts[5]) {
        case "lambda:invoke" -> new LambdaInvoke(false);
        case "lambda:invoke.waitForTaskToken" -> new LambdaInvoke(true);
        default -> new Unsupported(resource);
      };
    }
    if (parts.length == 6 && parts[0].equals("arn") && parts[2].equals("lambda") && parts[5].startsWith("function:")) {
      return new LambdaFunction(resource);
    }
    return new Unsupported(resource);
  }
}
