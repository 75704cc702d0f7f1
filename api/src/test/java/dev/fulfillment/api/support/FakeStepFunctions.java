package dev.fulfillment.api.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/**
 * A Mockito {@link SfnClient}: the edge these tests stop at. Its StartExecution follows the
 * documented rules for STANDARD workflows, so idempotency is tested against them: same name and
 * same input as an open execution returns that execution; another input, or a closed execution of
 * that name, is ExecutionAlreadyExists. Names in {@link #throttle} get a ThrottlingException.
 */
public final class FakeStepFunctions {

  public static final String STATE_MACHINE_ARN = "arn:aws:states:eu-west-1:123456789012:stateMachine:Fulfillment";

  private final SfnClient client = mock(SfnClient.class);
  private final Map<String, String> executions = Collections.synchronizedMap(new LinkedHashMap<>());
  private final Set<String> closed = Collections.synchronizedSet(new HashSet<>());
  private final List<StartExecutionRequest> calls = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> throttled = Collections.synchronizedSet(new HashSet<>());

  public FakeStepFunctions() {
    when(client.startExecution(any(StartExecutionRequest.class))).thenAnswer(invocation -> {
      StartExecutionRequest request = invocation.getArgument(0);
      calls.add(request);
      if (throttled.contains(request.name())) {
        throw SfnException.builder().message("Rate exceeded").statusCode(400)
            .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                .errorCode("ThrottlingException").errorMessage("Rate exceeded").build())
            .build();
      }
      String existing = executions.get(request.name());
      if (existing != null && (closed.contains(request.name()) || !existing.equals(request.input()))) {
        throw ExecutionAlreadyExistsException.builder().message("Execution Already Exists: " + request.name()).build();
      }
      executions.putIfAbsent(request.name(), request.input());
      return StartExecutionResponse.builder().executionArn(arnOf(request.name())).build();
    });
  }

  public SfnClient client() {
    return client;
  }

  public void throttle(String executionName) {
    throttled.add(executionName);
  }

  public void stopThrottling(String executionName) {
    throttled.remove(executionName);
  }

  /** Marks an execution finished: StartExecution with its name then fails whatever the input. */
  public void close(String executionName) {
    closed.add(executionName);
  }

  /** Executions that exist, by name, with their input: each was started exactly once. */
  public Map<String, String> executions() {
    synchronized (executions) {
      return Map.copyOf(executions);
    }
  }

  public List<StartExecutionRequest> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  public static String arnOf(String executionName) {
    return "arn:aws:states:eu-west-1:123456789012:execution:Fulfillment:" + executionName;
  }
}
