package dev.fulfillment.local.sqs;

import java.net.BindException;
import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * Amazon SQS's API, served by an embedded ElasticMQ: queue URLs are {@code http://localhost:<port>/<account>/<name>}
 * and queue ARNs {@code arn:aws:sqs:<region>:<account>:<name>}, which is what the template's {@code Ref} and
 * {@code Fn::GetAtt Arn} resolve to locally. Redrive policies (dead-letter queues after maxReceiveCount) and
 * visibility timeouts are ElasticMQ's own.
 */
public final class ElasticMqServer implements AutoCloseable {
  private final SQSRestServer server;
  private final URI endpoint;

  private ElasticMqServer(SQSRestServer server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  /** Starts on {@code host:port}; throws {@link BindException} when the port is taken. */
  public static ElasticMqServer start(String host, int port, String region, String accountId) throws BindException {
    SQSRestServer server = SQSRestServerBuilder
        .withInterface(host)
        .withPort(port)
        .withServerAddress(new NodeAddress("http", "localhost", port, ""))
        .withAWSRegion(region)
        .withAWSAccountId(accountId)
        .start();
    try {
      server.waitUntilStarted();
    } catch (RuntimeException e) {
      try {
        server.stopAndWait();
      } catch (RuntimeException ignored) {
        // it never started
      }
      if (isBindFailure(e)) {
        BindException bind = new BindException("port " + port + " is in use");
        bind.initCause(e);
        throw bind;
      }
      throw e;
    }
    return new ElasticMqServer(server, URI.create("http://localhost:" + port));
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Bind")
          || String.valueOf(t.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }

  public URI endpoint() {
    return endpoint;
  }

  /**
   * Stops the server. Long polls still open hold pekko's unbinding up; waiting at most a few seconds keeps Ctrl-C
   * quick, and nothing is lost since queues live in memory.
   */
  @Override
  public void close() {
    Thread stopping = Thread.ofPlatform().daemon().name("elasticmq-stop").start(server::stopAndWait);
    try {
      stopping.join(java.time.Duration.ofSeconds(3));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
