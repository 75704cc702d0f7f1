package dev.fulfillment.local.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The local Lambda service: functions from the template, each run in its own JVM processes (execution environments)
 * on demand. An invocation takes an idle environment (warm start) or starts a new one (cold start), up to
 * {@code maxEnvironments} per function; more concurrent invocations wait, as throttled ones would be retried.
 *
 * <p>Why a process per environment and not a class loader in this JVM: each function gets exactly its own
 * environment variables ({@code System.getenv()} cannot differ between class loaders), a timeout can stop a
 * handler for real (kill the process; a thread cannot be killed), errors are shaped by the real runtime interface
 * client, and cold and warm starts behave like Lambda's.
 */
public final class LambdaRuntime implements FunctionInvoker, AutoCloseable {
  private final Map<String, Function> functions = new LinkedHashMap<>();
  private final ChildLauncher launcher;
  private final Consumer<String> log;
  private final Duration initTimeout;
  private final int maxEnvironments;

  private final class Function {
    final FunctionSpec spec;
    final Deque<ExecutionEnvironment> idle = new ConcurrentLinkedDeque<>();
    final List<ExecutionEnvironment> all = new CopyOnWriteArrayList<>();
    final Semaphore concurrency;
    final AtomicInteger started = new AtomicInteger();

    Function(FunctionSpec spec) {
      this.spec = spec;
      this.concurrency = new Semaphore(maxEnvironments, true);
    }
  }

  /**
   * @param log where function output and START/END/REPORT lines go (one line per call)
   * @param initTimeout how long a cold start may take; Lambda allows 10 s, a busy laptop may need more
   * @param maxEnvironments concurrent execution environments per function
   */
  public LambdaRuntime(Collection<FunctionSpec> specs, ChildLauncher launcher, Consumer<String> log,
                       Duration initTimeout, int maxEnvironments) {
    this.launcher = launcher;
    this.log = log;
    this.initTimeout = initTimeout;
    this.maxEnvironments = maxEnvironments;
    for (FunctionSpec spec : specs) {
      functions.put(spec.name(), new Function(spec));
    }
  }

  public List<FunctionSpec> functions() {
    return functions.values().stream().map(f -> f.spec).toList();
  }

  /**
   * The function a name refers to, as Invoke's FunctionName accepts it: a name, {@code name:qualifier}, a partial
   * ARN ({@code account:function:name}) or a full ARN, qualified or not. Every qualifier (alias or version) maps to
   * the one local code version.
   */
  public Optional<FunctionSpec> find(String functionName) {
    return Optional.ofNullable(lookup(functionName)).map(f -> f.spec);
  }

  private Function lookup(String functionName) {
    if (functionName == null) {
      return null;
    }
    String name = functionName;
    int at = name.indexOf(":function:");
    if (at >= 0) {
      name = name.substring(at + ":function:".length());
    }
    int colon = name.indexOf(':');
    if (colon >= 0) {
      name = name.substring(0, colon);
    }
    return functions.get(name);
  }

  /** Invokes synchronously (RequestResponse); unknown functions give {@code ResourceNotFoundException}. */
  @Override
  public InvokeResult invoke(String functionName, byte[] payload) {
    Function function = lookup(functionName);
    if (function == null) {
      String message = "Function not found: " + functionName;
      return new InvokeResult.FunctionError("ResourceNotFoundException",
          ("{\"errorMessage\":\"" + message.replace("\"", "'") + "\",\"errorType\":\"ResourceNotFoundException\"}")
              .getBytes(StandardCharsets.UTF_8));
    }
    try {
      function.concurrency.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a free environment of " + functionName, e);
    }
    try {
      ExecutionEnvironment environment = takeIdle(function);
      if (environment == null) {
        int number = function.started.incrementAndGet();
        Consumer<String> prefixed = line -> log.accept("[" + function.spec.name() + "#" + number + "] " + line);
        try {
          environment = ExecutionEnvironment.start(function.spec, number, launcher, prefixed);
        } catch (IOException e) {
          return new InvokeResult.FunctionError("Runtime.ExitError", ("{\"errorMessage\":\"cannot start "
              + function.spec.name() + ": " + String.valueOf(e.getMessage()).replace("\"", "'")
              + "\",\"errorType\":\"Runtime.ExitError\",\"stackTrace\":[]}").getBytes(StandardCharsets.UTF_8));
        }
        function.all.add(environment);
      }
      InvokeResult result = environment.invoke(payload, initTimeout);
      if (environment.usable()) {
        function.idle.push(environment);
      } else {
        function.all.remove(environment);
        environment.close();
      }
      return result;
    } finally {
      function.concurrency.release();
    }
  }

  private static ExecutionEnvironment takeIdle(Function function) {
    for (ExecutionEnvironment candidate = function.idle.poll(); candidate != null; candidate = function.idle.poll()) {
      if (candidate.usable()) {
        return candidate;
      }
      function.all.remove(candidate);
      candidate.close();
    }
    return null;
  }

  /** Starts one environment of every function now, in parallel, so the first requests are warm. */
  public void prewarm() {
    List<Thread> threads = new ArrayList<>();
    for (Function function : functions.values()) {
      threads.add(Thread.ofVirtual().start(() -> invokeNothing(function)));
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void invokeNothing(Function function) {
    try {
      function.concurrency.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      int number = function.started.incrementAndGet();
      Consumer<String> prefixed = line -> log.accept("[" + function.spec.name() + "#" + number + "] " + line);
      ExecutionEnvironment environment = ExecutionEnvironment.start(function.spec, number, launcher, prefixed);
      function.all.add(environment);
      if (environment.awaitInit(initTimeout)) {
        function.idle.push(environment);
      } else {
        function.all.remove(environment);
        environment.close();
      }
    } catch (IOException e) {
      log.accept("[" + function.spec.name() + "] cannot start: " + e.getMessage());
    } finally {
      function.concurrency.release();
    }
  }

  @Override
  public void close() {
    List<Thread> closing = new ArrayList<>();
    for (Function function : functions.values()) {
      for (ExecutionEnvironment environment : function.all) {
        closing.add(Thread.ofVirtual().start(environment::close));
      }
      function.all.clear();
      function.idle.clear();
    }
    for (Thread thread : closing) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
