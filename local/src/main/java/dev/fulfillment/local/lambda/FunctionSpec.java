package dev.fulfillment.local.lambda;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One Lambda function as the template defines it, with every intrinsic already resolved to local values.
 *
 * @param name the physical function name (what {@code Ref} of the function gives)
 * @param arn the unqualified function ARN
 * @param handler {@code package.Class::method}
 * @param code the deployment package: the jar CDK staged in cdk.out ({@code aws:asset:path})
 * @param environment the function's own environment variables ({@code Environment.Variables})
 * @param timeout {@code Timeout}, enforced by killing the execution environment
 * @param memoryMb {@code MemorySize}, the heap limit of the function's JVM
 */
public record FunctionSpec(String name, String arn, String handler, Path code, Map<String, String> environment,
                           Duration timeout, int memoryMb) {

  public FunctionSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(code, "code");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(timeout, "timeout");
  }
}
