package dev.fulfillment.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local Lambda service with real execution environments: each function is a JVM child process running the
 * official runtime interface client against our Runtime API. The deployment package is a jar compiled here from a
 * tiny handler whose behaviour the event picks ("echo" answers its process id, "sleep" outlives the timeout,
 * "exit" ends the process mid-invocation). Error shapes follow what Lambda's Invoke returns: errorType
 * {@code Sandbox.Timedout} with "Task timed out after N.NN seconds", {@code Runtime.ExitError} with "Runtime exited
 * with error: exit status N", and the Java runtime's own {@code java.lang.ClassNotFoundException} for a handler class
 * that is missing.
 */
class LambdaRuntimeTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String HANDLER_SOURCE = """
      package standin;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
      import java.io.InputStream;
      import java.io.OutputStream;
            import java.nio.charset.StandardCharsets;

      public class Handler implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context) throws java.io.IOException {
          String action = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          if (action.equals("\\"sleep\\"")) {
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          } else if (action.equals("\\"exit\\"")) {
            Runtime.getRuntime().halt(3);
          }
          out.write(("{\\"pid\\":" + ProcessHandle.current().pid() + "}").getBytes(StandardCharsets.UTF_8));
        }
      }
      """;

  @TempDir
  static Path workDirectory;
  private static Path handlerJar;
  private final List<String> log = new CopyOnWriteArrayList<>();
  private LambdaRuntime runtime;

  @BeforeAll
  static void compileTheHandler() throws Exception {
    Path sources = Files.createDirectories(workDirectory.resolve("src/standin"));
    Path classes = Files.createDirectories(workDirectory.resolve("classes"));
    Files.writeString(sources.resolve("Handler.java"), HANDLER_SOURCE);
    String lambdaCore = Path.of(com.amazonaws.services.lambda.runtime.RequestStreamHandler.class
        .getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "-classpath", lambdaCore, "-d", classes.toString(),
        sources.resolve("Handler.java").toString());
    assertThat(status).as("the stand-in handler compiles").isZero();
    handlerJar = workDirectory.resolve("handler.jar");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(handlerJar))) {
      jar.putNextEntry(new JarEntry("standin/Handler.class"));
      Files.copy(classes.resolve("standin/Handler.class"), jar);
      jar.closeEntry();
    }
  }

  @AfterEach
  void stopTheRuntime() {
    if (runtime != null) {
      runtime.close();
    }
  }

  @Test
  void theFirstInvocationIsAColdStartAndTheNextOneReusesTheWarmEnvironment() throws Exception {
    start(function("standin.Handler::handleRequest", Duration.ofSeconds(10)));

    long coldPid = pid(runtime.invoke("fn", json("echo")));
    long warmPid = pid(runtime.invoke("fn", json("echo")));

    assertThat(warmPid).isEqualTo(coldPid);
    assertThat(lines("INIT_REPORT")).hasSize(1);
    List<String> reports = lines("REPORT RequestId");
    assertThat(reports).hasSize(2);
    assertThat(reports.get(0)).contains("Init Duration:");
    assertThat(reports.get(1)).doesNotContain("Init Duration:");
    assertThat(lines("START RequestId")).satisfiesExactly(
        first -> assertThat(first).contains("cold start"), second -> assertThat(second).contains("warm start"));
  }

  @Test
  void aFunctionThatOutlivesItsTimeoutIsKilledReportedAsSandboxTimedoutAndReplaced() throws Exception {
    start(function("standin.Handler::handleRequest", Duration.ofSeconds(1)));
    long firstPid = pid(runtime.invoke("fn", json("echo")));

    InvokeResult timedOut = runtime.invoke("fn", json("sleep"));

    assertThat(timedOut).isInstanceOf(InvokeResult.FunctionError.class);
    assertThat(((InvokeResult.FunctionError) timedOut).errorType()).isEqualTo("Sandbox.Timedout");
    JsonNode error = JSON.readTree(timedOut.payload());
    assertThat(error.get("errorType").asText()).isEqualTo("Sandbox.Timedout");
    assertThat(error.get("errorMessage").asText())
        .matches("RequestId: [0-9a-f-]{36} Error: Task timed out after 1\\.00 seconds");
    awaitDead(firstPid);
    long nextPid = pid(runtime.invoke("fn", json("echo")));
    assertThat(nextPid).as("the next invocation gets a fresh environment").isNotEqualTo(firstPid);
    assertThat(lines("INIT_REPORT")).hasSize(2);
  }

  /**
   * The Java runtime (the runtime interface client, as in Lambda's java21 runtime) does not report a missing handler
   * class through the Runtime API's init/error: initialization ends normally and every invocation fails with
   * errorType {@code java.lang.ClassNotFoundException}, from the same environment.
   */
  @Test
  void aMissingHandlerClassFailsEveryInvocationWithClassNotFoundException() throws Exception {
    start(function("standin.Missing::handleRequest", Duration.ofSeconds(10)));

    InvokeResult first = runtime.invoke("fn", json("echo"));
    InvokeResult second = runtime.invoke("fn", json("echo"));

    for (InvokeResult result : List.of(first, second)) {
      assertThat(result).isInstanceOf(InvokeResult.FunctionError.class);
      JsonNode error = JSON.readTree(result.payload());
      assertThat(((InvokeResult.FunctionError) result).errorType())
          .isEqualTo(error.get("errorType").asText())
          .isEqualTo("java.lang.ClassNotFoundException");
      assertThat(error.get("errorMessage").asText()).contains("standin.Missing");
    }
    assertThat(lines("INIT_REPORT")).as("one environment served both").hasSize(1);
  }

  @Test
  void aProcessThatExitsMidInvocationIsARuntimeExitErrorAndTheNextInvocationStartsAFreshEnvironment()
      throws Exception {
    start(function("standin.Handler::handleRequest", Duration.ofSeconds(10)));
    long firstPid = pid(runtime.invoke("fn", json("echo")));

    InvokeResult exited = runtime.invoke("fn", json("exit"));

    assertThat(exited).isInstanceOf(InvokeResult.FunctionError.class);
    assertThat(((InvokeResult.FunctionError) exited).errorType()).isEqualTo("Runtime.ExitError");
    assertThat(JSON.readTree(exited.payload()).get("errorMessage").asText())
        .matches("RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 3");
    assertThat(pid(runtime.invoke("fn", json("echo")))).isNotEqualTo(firstPid);
  }

  // --- helpers

  private static FunctionSpec function(String handler, Duration timeout) {
    return new FunctionSpec("fn", "arn:aws:lambda:us-east-1:123456789012:function:fn", handler, handlerJar,
        Map.of(), timeout, 256);
  }

  private void start(FunctionSpec spec) throws IOException {
    Path roots = Files.createDirectories(workDirectory.resolve("task-roots-" + System.nanoTime()));
    runtime = new LambdaRuntime(List.of(spec), new ChildLauncher(roots, Map.of("AWS_REGION", "us-east-1")),
        log::add, Duration.ofSeconds(30), 1);
  }

  private static byte[] json(String text) {
    return ("\"" + text + "\"").getBytes(StandardCharsets.UTF_8);
  }

  private long pid(InvokeResult result) throws IOException {
    assertThat(result).as(result.payloadText() + "\nlog: " + log).isInstanceOf(InvokeResult.Success.class);
    return JSON.readTree(result.payload()).get("pid").asLong();
  }

  private List<String> lines(String containing) {
    return log.stream().filter(line -> line.contains(containing)).toList();
  }

  private static void awaitDead(long pid) {
    Instant deadline = Instant.now().plusSeconds(10);
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("process " + pid + " still runs 10 s after its function timed out");
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }
}
