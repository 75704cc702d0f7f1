package dev.fulfillment.local.sfn.api;

import dev.fulfillment.local.sfn.EngineClock;
import dev.fulfillment.local.sfn.LocalStepFunctions;
import dev.fulfillment.local.sfn.MockConfig;
import dev.fulfillment.local.sfn.console.ConsoleHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts just the Step Functions endpoint, a stand-in for Step Functions Local:
 *
 * <pre>
 * StepFunctionsLocalServer [--port 8083] [--host 127.0.0.1] [--mock-config FILE] [--fast]
 *                          [--region us-east-1] [--account 123456789012]
 * </pre>
 *
 * {@code --mock-config} defaults to the environment variable {@code SFN_MOCK_CONFIG} (a Step Functions Local
 * MockConfigFile; start executions with {@code <stateMachineArn>#<TestCase>} to use one of its test cases);
 * {@code --fast} runs the engine on virtual time (Wait states, retry back-off and timeouts take no real time). The
 * execution console is served at {@code http://host:port/}. Stops on Ctrl-C / SIGTERM.
 */
public final class StepFunctionsLocalServer {
  static final int DEFAULT_PORT = 8083;
  static final String DEFAULT_HOST = "127.0.0.1";

  private StepFunctionsLocalServer() {}

  /** The parsed command line. */
  record Options(String host, int port, Path mockConfig, boolean fast, String region, String accountId) {
    static Options parse(List<String> args, Map<String, String> env) {
      String host = DEFAULT_HOST;
      int port = DEFAULT_PORT;
      String mock = env.get("SFN_MOCK_CONFIG");
      boolean fast = false;
      String region = "us-east-1";
      String account = "123456789012";
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        switch (arg) {
          case "--fast" -> fast = true;
          case "--port" -> port = parsePort(value(args, ++i, arg));
          case "--host" -> host = value(args, ++i, arg);
          case "--mock-config" -> mock = value(args, ++i, arg);
          case "--region" -> region = value(args, ++i, arg);
          case "--account" -> account = value(args, ++i, arg);
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      if (!account.matches("\\d{12}")) {
        throw new IllegalArgumentException("--account must be 12 digits, got " + account);
      }
      return new Options(host, port, mock == null || mock.isBlank() ? null : Path.of(mock), fast, region, account);
    }

    private static String value(List<String> args, int i, String option) {
      if (i >= args.size()) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args.get(i);
    }

    private static int parsePort(String text) {
      try {
        int port = Integer.parseInt(text);
        if (port < 0 || port > 65535) {
          throw new NumberFormatException();
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port must be a number from 0 to 65535, got " + text);
      }
    }
  }

  public static void main(String[] args) {
    int status = run(List.of(args), System.getenv(), System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Starts the server and blocks until the JVM shuts down; returns an exit status when it cannot start. */
  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args, env);
    } catch (IllegalArgumentException e) {
      err.println("sfn-local: " + e.getMessage());
      err.println("usage: StepFunctionsLocalServer [--port 8083] [--host 127.0.0.1] [--mock-config FILE] [--fast]"
          + " [--region us-east-1] [--account 123456789012]");
      return 2;
    }
    Running running;
    try {
      running = start(options);
    } catch (BindException e) {
      err.println("sfn-local: port " + options.port() + " on " + options.host()
          + " is already in use; stop the other process or choose another one with --port");
      return 1;
    } catch (IOException | RuntimeException e) {
      err.println("sfn-local: cannot start: " + e.getMessage());
      return 1;
    }
    out.println("Step Functions endpoint listening on " + running.server().endpoint()
        + (options.fast() ? " (fast mode: virtual time)" : "")
        + (options.mockConfig() != null ? " with mock config " + options.mockConfig() : ""));
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.close();
      stopped.countDown();
    }, "sfn-local-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** A started endpoint and the engine behind it. */
  record Running(LocalStepFunctions engine, StepFunctionsHttpServer server) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
      engine.close();
    }
  }

  static Running start(Options options) throws IOException {
    if (options.mockConfig() != null && !Files.isReadable(options.mockConfig())) {
      throw new IOException("mock config " + options.mockConfig() + " is not a readable file");
    }
    LocalStepFunctions engine = LocalStepFunctions.builder()
        .clock(options.fast() ? EngineClock.virtual() : EngineClock.system())
        .mockConfig(options.mockConfig() == null ? null : MockConfig.load(options.mockConfig()))
        .region(options.region())
        .accountId(options.accountId())
        .build();
    try {
      StepFunctionsApiHandler api = new StepFunctionsApiHandler(new StepFunctionsApi(engine));
      StepFunctionsHttpServer server = StepFunctionsHttpServer.start(ConsoleHandler.withApi(api), options.host(),
          options.port());
      return new Running(engine, server);
    } catch (IOException | RuntimeException e) {
      engine.close();
      throw e;
    }
  }
}
