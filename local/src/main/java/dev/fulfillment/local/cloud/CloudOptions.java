package dev.fulfillment.local.cloud;

import dev.fulfillment.local.faults.FaultPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Options of the local cloud; every one has a default.
 *
 * @param template the synthesized template (its directory is the cloud assembly holding the function jars)
 * @param dataDirectory where DynamoDB keeps its tables across restarts, or null for memory only
 * @param seed the seed data file, or null for none
 * @param prewarm start one execution environment of every function before printing the banner
 * @param sqsLongPoll the event source pollers' ReceiveMessage wait
 * @param faults the faults to inject ({@code --faults FILE}, docs/chaos.md); none by default
 */
public record CloudOptions(Path template, String host, int httpPort, int sfnPort, int sqsPort, int dynamoDbPort,
                           Path dataDirectory, Path seed, String region, String accountId, boolean prewarm,
                           int maxEnvironments, Duration initTimeout, Duration sqsLongPoll, Path workDirectory,
                           FaultPlan faults) {

  static final String USAGE = """
      usage: ./run-local [options]
        --template FILE        synthesized template (default infra/cdk.out/FulfillmentStack.template.json)
        --http-port N          HTTP API (default 8080)      --sfn-port N       Step Functions + console (default 8083)
        --sqs-port N           SQS (default 9324)           --dynamodb-port N  DynamoDB (default 8000)
        --host ADDRESS         interface to listen on (default 127.0.0.1)
        --data DIR             keep DynamoDB data in DIR across restarts (default: in memory)
        --seed FILE            seed data (default local/seed/catalog.json; --seed none for none)
        --region R --account N region and 12-digit account of local ARNs (default us-east-1 / 123456789012)
        --no-prewarm           start function environments on first use instead of at start-up
        --max-environments N   concurrent execution environments per function (default 2)
        --faults FILE          inject faults as FILE says (seeded rates; docs/chaos.md); off by default""";

  public static CloudOptions defaults() {
    return new CloudOptions(Path.of("infra/cdk.out/FulfillmentStack.template.json"), "127.0.0.1", 8080, 8083, 9324,
        8000, null, Path.of("local/seed/catalog.json"), "us-east-1", "123456789012", true, 2, Duration.ofSeconds(60),
        Duration.ofSeconds(20), null, FaultPlan.none());
  }

  public static CloudOptions parse(List<String> args) {
    CloudOptions o = defaults();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--template" -> o = o.withTemplate(Path.of(value(args, ++i, arg)));
        case "--host" -> o = new CloudOptions(o.template, value(args, ++i, arg), o.httpPort, o.sfnPort, o.sqsPort,
            o.dynamoDbPort, o.dataDirectory, o.seed, o.region, o.accountId, o.prewarm, o.maxEnvironments,
            o.initTimeout, o.sqsLongPoll, o.workDirectory, o.faults);
        case "--http-port" -> o = o.withPorts(port(args, ++i, arg), o.sfnPort, o.sqsPort, o.dynamoDbPort);
        case "--sfn-port" -> o = o.withPorts(o.httpPort, port(args, ++i, arg), o.sqsPort, o.dynamoDbPort);
        case "--sqs-port" -> o = o.withPorts(o.httpPort, o.sfnPort, port(args, ++i, arg), o.dynamoDbPort);
        case "--dynamodb-port" -> o = o.withPorts(o.httpPort, o.sfnPort, o.sqsPort, port(args, ++i, arg));
        case "--data" -> o = o.withDataDirectory(Path.of(value(args, ++i, arg)));
        case "--seed" -> {
          String seed = value(args, ++i, arg);
          o = o.withSeed(seed.equals("none") ? null : Path.of(seed));
        }
        case "--region" -> o = new CloudOptions(o.template, o.host, o.httpPort, o.sfnPort, o.sqsPort, o.dynamoDbPort,
            o.dataDirectory, o.seed, value(args, ++i, arg), o.accountId, o.prewarm, o.maxEnvironments, o.initTimeout,
            o.sqsLongPoll, o.workDirectory, o.faults);
        case "--account" -> {
          String account = value(args, ++i, arg);
          if (!account.matches("\\d{12}")) {
            throw new IllegalArgumentException("--account must be 12 digits, got " + account);
          }
          o = new CloudOptions(o.template, o.host, o.httpPort, o.sfnPort, o.sqsPort, o.dynamoDbPort, o.dataDirectory,
              o.seed, o.region, account, o.prewarm, o.maxEnvironments, o.initTimeout, o.sqsLongPoll, o.workDirectory, o.faults);
        }
        case "--no-prewarm" -> o = o.withPrewarm(false);
        case "--max-environments" -> {
          int n = Integer.parseInt(value(args, ++i, arg));
          o = new CloudOptions(o.template, o.host, o.httpPort, o.sfnPort, o.sqsPort, o.dynamoDbPort, o.dataDirectory,
              o.seed, o.region, o.accountId, o.prewarm, Math.max(1, n), o.initTimeout, o.sqsLongPoll, o.workDirectory, o.faults);
        }
        case "--faults" -> o = o.withFaults(FaultPlan.load(Path.of(value(args, ++i, arg))));
        case "--help", "-h" -> throw new IllegalArgumentException("help");
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    return o;
  }

  public CloudOptions withTemplate(Path file) {
    return new CloudOptions(file, host, httpPort, sfnPort, sqsPort, dynamoDbPort, dataDirectory, seed, region,
        accountId, prewarm, maxEnvironments, initTimeout, sqsLongPoll, workDirectory, faults);
  }

  public CloudOptions withPorts(int http, int sfn, int sqs, int dynamoDb) {
    return new CloudOptions(template, host, http, sfn, sqs, dynamoDb, dataDirectory, seed, region, accountId, prewarm,
        maxEnvironments, initTimeout, sqsLongPoll, workDirectory, faults);
  }

  public CloudOptions withDataDirectory(Path directory) {
    return new CloudOptions(template, host, httpPort, sfnPort, sqsPort, dynamoDbPort, directory, seed, region,
        accountId, prewarm, maxEnvironments, initTimeout, sqsLongPoll, workDirectory, faults);
  }

  public CloudOptions withSeed(Path file) {
    return new CloudOptions(template, host, httpPort, sfnPort, sqsPort, dynamoDbPort, dataDirectory, file, region,
        accountId, prewarm, maxEnvironments, initTimeout, sqsLongPoll, workDirectory, faults);
  }

  public CloudOptions withPrewarm(boolean value) {
    return new CloudOptions(template, host, httpPort, sfnPort, sqsPort, dynamoDbPort, dataDirectory, seed, region,
        accountId, value, maxEnvironments, initTimeout, sqsLongPoll, workDirectory, faults);
  }

  public CloudOptions withSqsLongPoll(Duration wait) {
    return new CloudOptions(template, host, httpPort, sfnPort, sqsPort, dynamoDbPort, dataDirectory, seed, region,
        accountId, prewarm, maxEnvironments, initTimeout, wait, workDirectory, faults);
  }

  public CloudOptions withWorkDirectory(Path directory) {
    return new CloudOptions(template, host, httpPort, sfnPort, sqsPort, dynamoDbPort, dataDirectory, seed, region,
        accountId, prewarm, maxEnvironments, initTimeout, sqsLongPoll, directory, faults);
  }

  public CloudOptions withFaults(FaultPlan plan) {
    return new CloudOptions(template, host, httpPort, sfnPort, sqsPort, dynamoDbPort, dataDirectory, seed, region,
        accountId, prewarm, maxEnvironments, initTimeout, sqsLongPoll, workDirectory, plan);
  }

  /** The function task roots go here: beside the template by default (cdk.out/local-lambda). */
  Path resolvedWorkDirectory() {
    return workDirectory != null ? workDirectory : template.toAbsolutePath().getParent().resolve("local-lambda");
  }

  boolean seedPresent() {
    return seed != null && Files.exists(seed);
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(i);
  }

  private static int port(List<String> args, int i, String option) {
    String text = value(args, i, option);
    try {
      int port = Integer.parseInt(text);
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a port number from 1 to 65535, got " + text);
    }
  }
}
