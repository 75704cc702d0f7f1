package dev.fulfillment.local.sfn.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Step Functions API as an {@link HttpHandler}, AWS JSON 1.0 protocol: {@code POST /} with
 * {@code X-Amz-Target: AWSStepFunctions.<Operation>} and a JSON body; the answer is {@code 200} with a JSON body, or
 * an error status with {@code {"__type": "<namespace>#<Code>", "message": ...}} and the {@code x-amzn-ErrorType}
 * header (the SDKs read the code from either). Nothing a client sends can take the server down: bodies that are too
 * large, not JSON, too deeply nested or of the wrong shape, unknown operations and unexpected failures are all
 * answered with AWS-style errors. Mount it alone or next to the console
 * ({@code ConsoleHandler.withApi(handler)}).
 */
public final class StepFunctionsApiHandler implements HttpHandler {
  /** The target prefix of the service ({@code targetPrefix} in the service model). */
  static final String TARGET_PREFIX = "AWSStepFunctions.";
  /** Largest request body read. A definition may be 1 MiB of characters; JSON escaping adds some on top. */
  static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
  static final String CONTENT_TYPE = "application/x-amz-json-1.0";

  private static final Logger LOG = Logger.getLogger(StepFunctionsApiHandler.class.getName());

  /** What the handler dispatches to: one call per operation with its parsed body. */
  @FunctionalInterface
  public interface Operations {
    ObjectNode invoke(String operation, ObjectNode request);
  }

  private final Operations operations;
  private final int maxBodyBytes;

  public StepFunctionsApiHandler(Operations operations) {
    this(operations, DEFAULT_MAX_BODY_BYTES);
  }

  StepFunctionsApiHandler(Operations operations, int maxBodyBytes) {
    this.operations = operations;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String requestId = UUID.randomUUID().toString();
    try (exchange) {
      ObjectNode response;
      int status = 200;
      try {
        response = dispatch(exchange);
      } catch (ApiException e) {
        status = e.status();
        response = errorBody(e);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", e.code());
      } catch (RuntimeException | StackOverflowError e) {
        LOG.log(Level.WARNING, "request " + requestId + " failed", e);
        ApiException failure = ApiException.internal("Internal failure: " + e);
        status = failure.status();
        response = errorBody(failure);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", failure.code());
      }
      byte[] bytes = AwsJson.write(response);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private ObjectNode dispatch(HttpExchange exchange) throws IOException {
    // AWS JSON 1.0: every operation is a POST of its input shape, named by the X-Amz-Target header.
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    if (!"POST".equalsIgnoreCase(exchange.getRequestMethod()) || target == null
        || !target.startsWith(TARGET_PREFIX)) {
      drain(exchange.getRequestBody());
      throw ApiException.unknownOperation(target);
    }
    byte[] raw = readBody(exchange);
    ObjectNode request = parseBody(raw);
    return operations.invoke(target.substring(TARGET_PREFIX.length()), request);
  }

  /**
   * Reads the body up to the limit. A larger body is still read (and thrown away) up to a bound, so that clients
   * that send the whole request before reading the answer get the 413 instead of a reset connection; beyond that
   * bound the connection is closed after the answer.
   */
  private byte[] readBody(HttpExchange exchange) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    long drainLimit = (long) maxBodyBytes * 16;
    try (InputStream in = exchange.getRequestBody()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
        if (total <= maxBodyBytes) {
          body.write(buffer, 0, n);
        } else if (total > drainLimit) {
          exchange.getResponseHeaders().set("Connection", "close");
          break;
        }
      }
    }
    if (total > maxBodyBytes) {
      throw ApiException.requestTooLarge(maxBodyBytes);
    }
    return body.toByteArray();
  }

  private static ObjectNode parseBody(byte[] raw) {
    if (raw.length == 0) {
      return AwsJson.object(); // an empty body is an input shape with no members set
    }
    JsonNode node;
    try {
      node = AwsJson.MAPPER.readTree(raw);
    } catch (StreamConstraintsException e) {
      throw ApiException.serialization("Request body nests deeper than " + AwsJson.MAX_NESTING_DEPTH + " levels");
    } catch (JsonProcessingException e) {
      throw ApiException.serialization("Request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.serialization("Request body cannot be read: " + e.getMessage());
    }
    if (node == null || node.isMissingNode()) {
      return AwsJson.object();
    }
    if (!node.isObject()) {
      throw ApiException.serialization("Request body must be a JSON object, got " + node.getNodeType());
    }
    return (ObjectNode) node;
  }

  private static ObjectNode errorBody(ApiException e) {
    ObjectNode body = AwsJson.object();
    body.put("__type", e.type());
    body.put("message", e.getMessage());
    if (e.resourceName() != null) {
      body.put("resourceName", e.resourceName());
    }
    return body;
  }

  private static void drain(InputStream in) throws IOException {
    try (in) {
      in.skip(DEFAULT_MAX_BODY_BYTES);
    }
  }
}
