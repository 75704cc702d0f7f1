package dev.fulfillment.local.cloud;

import static dev.fulfillment.local.cloud.RunningCloud.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The api module's hostile corpus ({@code api/src/test/resources/hostile/}, all 1,426 cases) over the running local
 * cloud instead of in-process: every case as a real HTTP request to the HTTP API emulation (java.net.http, four
 * threads; the api function runs in at most two environments), every body-level case as an SQS message on the intake
 * queue, nine hostile bodies and one valid order per batch of ten, and at the end a scan of the whole cloud log for the
 * corpus's payment tokens, card numbers, e-mail addresses and phone numbers.
 *
 * <p>Where java.net.http refuses part of a case: the headers it sets itself ({@code Host}, {@code Content-Length},
 * ...) are left out and counted. A request it cannot build (a method that is not a token, {@code CONNECT}, a path
 * that is not a URI, a header name or value that is not legal: left out, it would make the request valid) is written
 * by hand on a socket; it must still be answered 4xx and never 5xx, but it may be answered by the JDK HTTP server under
 * the emulation, so it need not be JSON. Also allowed not to be JSON: that server's own 404 for {@code //orders} (no
 * context matched, where API Gateway would answer {@code {"message":"Not Found"}}). A request written by hand that
 * the JDK server drops without an answer (a connection reset, e.g. for a non-ASCII header name, where API Gateway would
 * answer 400) is counted and printed, not failed: no 5xx, no execution. The two cases whose path holds
 * {@code ?} or {@code #} are not sent: on the wire those are a query string and a fragment, and the request a valid
 * order that rightly starts an execution; neither are the cases with a CR or LF in a header name or value (on the
 * wire that ends the header: "application/json\r\nx-forged: 1" is two headers and a valid order).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileCorpusOverTheLocalCloudTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CORPUS = RunningCloud.REPOSITORY.resolve("api/src/test/resources/hostile");
  private static final String LOG_NAME = "local-cloud-hostile.log";
  private static final int HTTP_THREADS = 4;
  private static final int BAD_PER_BATCH = 9;
  private static final Pattern TOKEN = Pattern.compile("tok_[A-Za-z0-9_]{2,}");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})+");
  private static final Pattern PHONE = Pattern.compile("\\+\\d[\\d ().-]{6,}\\d");
  private static final Set<String> PERSONAL_KEYS = Set.of("email", "phone");
  /** Headers java.net.http sets itself and refuses from a caller. */
  private static final Set<String> RESTRICTED_HEADERS = Set.of("host", "content-length", "connection", "expect",
      "upgrade");

  private static RunningCloud local;
  private static List<Case> corpus;
  private static int executionsBeforeHttp = -1;

  /** One corpus case: where it comes from and its JSON (format: the api module's HostileCase). */
  record Case(String id, JsonNode spec) {
    String method() {
      return spec.path("method").asText();
    }

    String path() {
      return spec.path("path").asText();
    }

    String category() {
      return spec.path("category").asText("uncategorized");
    }

    Map<String, String> headers() {
      Map<String, String> headers = new LinkedHashMap<>();
      if (spec.has("headers")) {
        spec.get("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
      } else {
        headers.put("content-type", "application/json");
      }
      return headers;
    }

    byte[] body() {
      if (spec.has("body")) {
        return spec.get("body").asText().getBytes(StandardCharsets.UTF_8);
      }
      if (spec.has("bodyJson")) {
        return spec.get("bodyJson").toString().getBytes(StandardCharsets.UTF_8);
      }
      if (spec.has("bodyBase64")) {
        return Base64.getDecoder().decode(spec.get("bodyBase64").asText());
      }
      if (spec.has("bodyParts")) {
        StringBuilder text = new StringBuilder();
        spec.get("bodyParts").forEach(p -> text.append(p.get("text").asText().repeat(p.path("times").asInt(1))));
        return text.toString().getBytes(StandardCharsets.UTF_8);
      }
      return null;
    }

    /** As the api's own SQS runner picks them: a POST of a text JSON body to /orders refused for the body alone. */
    boolean bodyLevel() {
      String error = spec.path("expectError").asText();
      return method().equals("POST") && path().equals("/orders") && !spec.has("bodyBase64")
          && !spec.path("base64").asBoolean(false) && headers().equals(Map.of("content-type", "application/json"))
          && (error.equals("ValidationFailed") || error.equals("PayloadTooLarge")) && body() != null
          && spec.path("sqs").asBoolean(true);
    }

    /** Texts this case holds that must never be logged. */
    Set<String> secrets() {
      Set<String> found = new TreeSet<>();
      List<String> texts = new ArrayList<>(headers().values());
      byte[] body = body();
      if (body != null) {
        String text = new String(body, StandardCharsets.UTF_8);
        texts.add(text);
        try {
          collect(JSON.readTree(text), null, texts, found);
        } catch (IOException | RuntimeException malformedOnPurpose) {
          // the patterns below still look at the raw text
        }
      }
      for (String text : texts) {
        addAll(TOKEN, text, found);
        addAll(EMAIL, text, found);
        addAll(PHONE, text, found);
        for (String run : digitRuns(text)) {
          String digits = run.replace(" ", "").replace("-", "");
          if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits)) {
            found.add(run);
            found.add(digits);
          }
        }
      }
      return found;
    }

    @Override
    public String toString() {
      return id + " (" + spec.path("name").asText() + ")";
    }
  }

  @BeforeAll
  static void loadTheCorpusAndStartTheCloud() throws IOException {
    assertThat(CORPUS.resolve("handwritten")).as("the hostile corpus (run from the local-e2e module directory)")
        .isDirectory();
    assertThat(CORPUS.resolve("generated")).as("the hostile corpus (run from the local-e2e module directory)")
        .isDirectory();
    List<Case> cases = new ArrayList<>();
    for (Path file : jsonFiles(CORPUS.resolve("handwritten"))) {
      cases.add(new Case("handwritten/" + file.getFileName(), JSON.readTree(file.toFile())));
    }
    for (Path file : jsonFiles(CORPUS.resolve("generated"))) {
      JsonNode list = JSON.readTree(file.toFile()).get("cases");
      for (int i = 0; i < list.size(); i++) {
        cases.add(new Case("generated/" + file.getFileName() + "#" + i, list.get(i)));
      }
    }
    assertThat(cases).as("cases in " + CORPUS).isNotEmpty();
    corpus = List.copyOf(cases);
    local = RunningCloud.start(LOG_NAME, options -> options);
  }

  @AfterAll
  static void stopTheCloud() {
    if (local != null) {
      local.close();
    }
  }

  @Test
  @Order(1)
  void everyCaseOverHttpIsAnswered4xxWithAJsonMessageAndStartsNoExecution() throws Exception {
    executionsBeforeHttp = allExecutions().size();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // Counted from HTTP_THREADS threads at once: a TreeMap lost a count now and then.
    Map<String, AtomicInteger> byStatus = new ConcurrentSkipListMap<>();
    Map<String, AtomicInteger> skippedHeaders = new ConcurrentSkipListMap<>();
    List<String> handWritten = Collections.synchronizedList(new ArrayList<>());
    List<String> droppedByHand = Collections.synchronizedList(new ArrayList<>());
    List<String> jdkServerAnswered = Collections.synchronizedList(new ArrayList<>());
    List<String> emulationAnswered = Collections.synchronizedList(new ArrayList<>());
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    List<String> notOnTheWire = new ArrayList<>();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(HTTP_THREADS);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (Case hostile : corpus) {
        if (!hostileOnTheWire(hostile)) {
          notOnTheWire.add(hostile.id());
          continue;
        }
        calls.add(pool.submit(() -> {
          Answer answer;
          try {
            answer = send(http, hostile, skippedHeaders, handWritten);
          } catch (DroppedByHand dropped) {
            droppedByHand.add(hostile.id() + ": " + dropped.getMessage());
            return null;
          } catch (IOException | RuntimeException e) {
            failures.add(hostile + ": no answer: " + e);
            return null;
          }
          byStatus.computeIfAbsent(Integer.toString(answer.status), s -> new AtomicInteger()).incrementAndGet();
          String problem = problem(hostile, answer);
          if (problem != null) {
            failures.add(hostile + ": " + problem + " -> " + answer.status + " " + abbreviate(answer.body));
          }
          if (answer.jdkServer) {
            jdkServerAnswered.add(hostile.id() + " " + hostile.method() + " " + hostile.path() + " -> " + answer.status + " " + answer.body);
          } else if (answer.json && isEmulationMessage(answer.body)) {
            emulationAnswered.add(hostile.id() + " -> " + answer.status + " " + answer.body);
          }
          return null;
        }));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } finally {
      pool.shutdownNow();
    }
    long millis = (System.nanoTime() - started) / 1_000_000;

    System.out.printf(Locale.ROOT, "hostile over HTTP: %d cases sent in %d ms with %d threads; by status %s%n",
        corpus.size() - notOnTheWire.size(), millis, HTTP_THREADS, byStatus);
    System.out.printf(Locale.ROOT, "hostile over HTTP: %d not sent (not hostile on the wire): %s%n",
        notOnTheWire.size(), notOnTheWire);
    System.out.printf(Locale.ROOT, "hostile over HTTP: %d answered by the JDK HTTP server under the emulation "
        + "(not JSON): %s%n", jdkServerAnswered.size(), jdkServerAnswered);
    System.out.printf(Locale.ROOT, "hostile over HTTP: restricted headers java.net.http sets itself (left out) %s%n", skippedHeaders);
    System.out.printf(Locale.ROOT, "hostile over HTTP: %d written by hand on a socket (java.net.http refused the "
        + "request): %s%n", handWritten.size(), handWritten);
    System.out.printf(Locale.ROOT, "hostile over HTTP: %d answered by the emulation, not the api function%n",
        emulationAnswered.size());
    System.out.printf(Locale.ROOT, "hostile over HTTP: %d written by hand, dropped by the JDK HTTP server without an "
        + "answer: %s%n", droppedByHand.size(), droppedByHand);
    assertThat(failures).as("cases not answered 4xx with a JSON message").isEmpty();
    assertThat(byStatus.values().stream().mapToInt(AtomicInteger::get).sum() + droppedByHand.size())
        .isEqualTo(corpus.size() - notOnTheWire.size());
    assertThat(allExecutions()).as("executions started by hostile requests").hasSize(executionsBeforeHttp);
  }

  @Test
  @Order(2)
  void everyBodyLevelCaseOverSqsEndsInTheDlqWithItsReasonAndTheValidOrdersOfItsBatchStart() {
    List<Case> bad = corpus.stream().filter(Case::bodyLevel).toList();
    String run = Long.toHexString(System.nanoTime());
    String intake = local.cloud.queueUrl("IntakeQueue");
    String deadLetters = local.cloud.queueUrl("IntakeDeadLetterQueue");
    Map<String, Case> badByMessageId = new LinkedHashMap<>();
    Map<Case, String> rejected = new LinkedHashMap<>();
    Set<String> validNames = new HashSet<>();
    int batches = 0;
    for (int from = 0; from < bad.size(); from += BAD_PER_BATCH) {
      List<Case> slice = bad.subList(from, Math.min(bad.size(), from + BAD_PER_BATCH));
      Map<String, Case> byEntryId = new LinkedHashMap<>();
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < slice.size(); i++) {
        if (i == slice.size() / 2) {
          String key = "hostile-" + run + "-" + batches;
          validNames.add("ord_" + key);
          entries.add(SendMessageBatchRequestEntry.builder().id("valid").messageBody("{\"idempotencyKey\":\"" + key
              + "\",\"customerId\":\"c-hostile\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}],"
              + "\"paymentToken\":\"tok_visa\"}").build());
        }
        String entryId = "bad" + i;
        byEntryId.put(entryId, slice.get(i));
        entries.add(SendMessageBatchRequestEntry.builder().id(entryId)
            .messageBody(new String(slice.get(i).body(), StandardCharsets.UTF_8)).build());
      }
      batches++;
      sendBatch(intake, entries, byEntryId, badByMessageId, rejected);
    }
    int sent = badByMessageId.size();

    Map<String, Message> dead = new ConcurrentHashMap<>();
    await(sent + " hostile messages in the DLQ", Duration.ofSeconds(90), () -> {
      for (Message message : local.sqs.receiveMessage(b -> b.queueUrl(deadLetters).maxNumberOfMessages(10)
          .waitTimeSeconds(1).visibilityTimeout(600).messageAttributeNames("All")).messages()) {
        var source = message.messageAttributes().get("sourceMessageId");
        dead.put(source == null ? "no sourceMessageId " + message.messageId() : source.stringValue(), message);
      }
      return dead.keySet().containsAll(badByMessageId.keySet());
    });
    await(validNames.size() + " executions of the valid orders", Duration.ofSeconds(60),
        () -> allExecutions().stream().filter(e -> validNames.contains(e.name())).count() == validNames.size());
    await("the intake queue to drain", Duration.ofSeconds(30), () -> queueEmpty(intake));

    System.out.printf(Locale.ROOT, "hostile over SQS: %d body-level cases in %d batches with %d valid orders; "
            + "%d sent, %d in the DLQ, %d rejected by SQS %s%n", bad.size(), batches, validNames.size(), sent,
        dead.size(), rejected.size(), rejected.values());
    assertThat(dead.keySet()).as("DLQ copies: only the hostile messages").containsExactlyInAnyOrderElementsOf(
        badByMessageId.keySet());
    for (Map.Entry<String, Case> entry : badByMessageId.entrySet()) {
      var reason = dead.get(entry.getKey()).messageAttributes().get("failureReason");
      assertThat(reason).as(entry.getValue() + ": failureReason").isNotNull();
      assertThat(reason.stringValue()).as(entry.getValue() + ": failureReason").isNotBlank();
    }
    assertThat(rejected.values()).allSatisfy(reason -> assertThat(reason).isNotBlank());
    assertThat(sent + rejected.size()).isEqualTo(bad.size());
    assertThat(allExecutions().stream().filter(e -> e.name().contains(run)).map(ExecutionListItem::name))
        .as("executions of this run: one per valid order, none for a hostile one")
        .containsExactlyInAnyOrderElementsOf(validNames);
  }

  @Test
  @Order(3)
  void noLogLineHoldsATokenACardNumberOrAPersonalValue() throws IOException {
    Set<String> secrets = new TreeSet<>();
    corpus.forEach(hostile -> secrets.addAll(hostile.secrets()));
    Set<String> banner = new HashSet<>(List.of(local.cloud.banner().split("\n")));
    List<String> lines = Files.readAllLines(Path.of("target", LOG_NAME), StandardCharsets.UTF_8);
    List<String> leaks = new ArrayList<>();
    for (String line : lines) {
      if (banner.contains(line) && line.contains("curl ")) {
        continue;
      }
      for (String secret : secrets) {
        if (line.contains(secret)) {
          leaks.add(secret + " in: " + abbreviate(line));
        }
      }
      for (String run : boundedDigitRuns(line)) {
        String digits = run.replace(" ", "").replace("-", "");
        if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits) && !isEpochMillis(digits)) {
          leaks.add("card-like " + run + " in: " + abbreviate(line));
        }
      }
    }
    System.out.printf(Locale.ROOT, "hostile log scan: %d lines of target/%s against %d corpus secrets, %d leaks%n",
        lines.size(), LOG_NAME, secrets.size(), leaks.size());
    assertThat(lines).as("the cloud log").isNotEmpty();
    assertThat(leaks).as("secrets in the cloud log").isEmpty();
  }

  /** Status and body of an answer; {@code json} when the body is a JSON object with a non-blank message. */
  private record Answer(int status, String body, boolean json, boolean byHand, boolean jdkServer) {
    static Answer of(int status, String body, boolean byHand) {
      boolean json;
      try {
        JsonNode node = JSON.readTree(body);
        json = node != null && node.isObject() && !node.path("message").asText("").isBlank();
      } catch (IOException | RuntimeException notJson) {
        json = false;
      }
      // com.sun.net.httpserver's own answer when no context matches, e.g. "//orders" (an authority, no path).
      boolean jdkServer = status == 404 && body.contains("No context found for request");
      return new Answer(status, body, json, byHand, jdkServer);
    }
  }

  /**
   * In-process the case's text is the raw path and the header as given. On the wire "?x=1" is a query string, "#x" a
   * fragment no client sends, and a CR or LF in a header ends it ("a\r\nx-forged: 1" is two headers): such a request
   * is a valid POST /orders that rightly starts an execution, so it is not sent.
   */
  private static boolean hostileOnTheWire(Case hostile) {
    boolean splitHeader = hostile.headers().entrySet().stream()
        .anyMatch(h -> (h.getKey() + h.getValue()).chars().anyMatch(c -> c == '\r' || c == '\n'));
    return !hostile.path().contains("?") && !hostile.path().contains("#") && !splitHeader;
  }

  /** The JDK HTTP server under the emulation closed or reset the connection of a request written by hand. */
  private static final class DroppedByHand extends IOException {
    DroppedByHand(String message) {
      super(message);
    }
  }

  private static String problem(Case hostile, Answer answer) {
    if (answer.status < 400 || answer.status > 499) {
      return "not 4xx";
    }
    boolean head = hostile.method().equalsIgnoreCase("HEAD");
    if (!answer.json && !answer.byHand && !answer.jdkServer && !head) {
      return "no JSON message";
    }
    return null;
  }

  private static boolean isEmulationMessage(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node.size() == 1 && node.has("message");
    } catch (IOException e) {
      return false;
    }
  }

  private static Answer send(HttpClient http, Case hostile, Map<String, AtomicInteger> skippedHeaders,
                             List<String> handWritten) throws IOException, InterruptedException {
    byte[] body = hostile.body();
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(URI.create(local.cloud.httpApiEndpoint() + hostile.path()))
          .timeout(Duration.ofSeconds(30))
          .method(hostile.method(), body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
    } catch (IllegalArgumentException refused) {
      handWritten.add(hostile.id());
      return byHand(hostile, body);
    }
    for (Map.Entry<String, String> header : hostile.headers().entrySet()) {
      try {
        request.header(header.getKey(), header.getValue());
      } catch (IllegalArgumentException refused) {
        if (RESTRICTED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
          skippedHeaders.computeIfAbsent(header.getKey(), k -> new AtomicInteger()).incrementAndGet();
        } else {
          // Left out, the hostile header would make a valid request: its bytes go out by hand instead.
          handWritten.add(hostile.id());
          return byHand(hostile, body);
        }
      }
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return Answer.of(response.statusCode(), response.body(), false);
  }

  /** The request line, headers and body as the case says, written on a socket: HTTP/1.1, one request. */
  private static Answer byHand(Case hostile, byte[] body) throws IOException {
    URI endpoint = local.cloud.httpApiEndpoint();
    try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
      socket.setSoTimeout(30_000);
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      String path = hostile.path().isEmpty() ? "/" : hostile.path();
      head.writeBytes((hostile.method() + " " + path + " HTTP/1.1\r\nHost: " + endpoint.getAuthority()
          + "\r\nConnection: close\r\nContent-Length: " + (body == null ? 0 : body.length) + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, String> header : hostile.headers().entrySet()) {
        head.writeBytes((header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      head.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      out.write(head.toByteArray());
      if (body != null) {
        out.write(body);
      }
      out.flush();
      InputStream in = socket.getInputStream();
      String response;
      try {
        response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (java.net.SocketException reset) {
        throw new DroppedByHand(reset.toString());
      }
      if (response.isEmpty()) {
        throw new DroppedByHand("closed without an answer");
      }
      Matcher status = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(response);
      if (!status.find()) {
        throw new IOException("no HTTP status line in " + abbreviate(response));
      }
      int split = response.indexOf("\r\n\r\n");
      return Answer.of(Integer.parseInt(status.group(1)), split < 0 ? "" : response.substring(split + 4), true);
    }
  }

  private static void sendBatch(String queueUrl, List<SendMessageBatchRequestEntry> entries,
                                Map<String, Case> byEntryId, Map<String, Case> badByMessageId, Map<Case, String> rejected) {
    SendMessageBatchResponse response;
    try {
      response = local.sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
    } catch (SqsException tooBigTogether) {
      // The batch as a whole is over SQS's limit: each message on its own, so only an oversized one is refused.
      for (SendMessageBatchRequestEntry entry : entries) {
        try {
          String messageId = local.sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(entry.messageBody()))
              .messageId();
          if (byEntryId.containsKey(entry.id())) {
            badByMessageId.put(messageId, byEntryId.get(entry.id()));
          }
        } catch (SqsException refused) {
          assertThat(byEntryId).as("a valid order refused by SQS: " + refused.getMessage()).containsKey(entry.id());
          rejected.put(byEntryId.get(entry.id()), refused.awsErrorDetails().errorMessage());
        }
      }
      return;
    }
    response.successful().forEach(ok -> {
      if (byEntryId.containsKey(ok.id())) {
        badByMessageId.put(ok.messageId(), byEntryId.get(ok.id()));
      }
    });
    response.failed().forEach(failed -> {
      assertThat(byEntryId).as("a valid order refused by SQS: " + failed.message()).containsKey(failed.id());
      rejected.put(byEntryId.get(failed.id()), failed.code() + ": " + failed.message());
    });
  }

  private static List<ExecutionListItem> allExecutions() {
    List<ExecutionListItem> all = new ArrayList<>();
    local.sfn.listExecutionsPaginator(b -> b.stateMachineArn(local.cloud.stateMachineArn()))
        .executions().forEach(all::add);
    return all;
  }

  private static boolean queueEmpty(String queueUrl) {
    Map<QueueAttributeName, String> attributes = local.sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES).equals("0")
        && attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE).equals("0");
  }

  private static List<Path> jsonFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static void collect(JsonNode node, String key, List<String> texts, Set<String> found) {
    if (node == null) {
      return;
    }
    if (node.isValueNode()) {
      texts.add(node.asText());
      if (key != null && PERSONAL_KEYS.contains(key) && node.asText().strip().length() >= 6) {
        found.add(node.asText());
      }
    } else if (node.isArray()) {
      node.forEach(element -> collect(element, null, texts, found));
    } else {
      node.properties().forEach(field -> {
        texts.add(field.getKey());
        collect(field.getValue(), field.getKey(), texts, found);
      });
    }
  }

  private static void addAll(Pattern pattern, String text, Set<String> found) {
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
  }

  /** Runs of ASCII digits, a single space or dash allowed between two digits. */
  private static List<String> digitRuns(String text) {
    List<String> runs = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (!digit(text, i)) {
        i++;
        continue;
      }
      int end = i + 1;
      while (digit(text, end) || (end + 1 < text.length() && " -".indexOf(text.charAt(end)) >= 0 && digit(text, end + 1))) {
        end += digit(text, end) ? 1 : 2;
      }
      runs.add(text.substring(i, end));
      i = end;
    }
    return runs;
  }

  /** Digit runs not glued (directly or by a dash) to a letter or digit: a UUID's hex groups are not card numbers. */
  private static List<String> boundedDigitRuns(String text) {
    List<String> bounded = new ArrayList<>();
    int from = 0;
    for (String run : digitRuns(text)) {
      int at = text.indexOf(run, from);
      from = at + run.length();
      boolean before = at > 0 && (Character.isLetterOrDigit(text.charAt(at - 1))
          || (text.charAt(at - 1) == '-' && at > 1 && Character.isLetterOrDigit(text.charAt(at - 2))));
      boolean after = from < text.length() && (Character.isLetterOrDigit(text.charAt(from))
          || (text.charAt(from) == '-' && from + 1 < text.length() && Character.isLetterOrDigit(text.charAt(from + 1))));
      if (!before && !after) {
        bounded.add(run);
      }
    }
    return bounded;
  }

  private static boolean digit(String text, int at) {
    return at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9';
  }

  private static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  /** A 13-digit number within a day of now is a timestamp the logs carry (e.g. timeEpoch), not a card. */
  private static boolean isEpochMillis(String digits) {
    return digits.length() == 13 && Math.abs(Long.parseLong(digits) - System.currentTimeMillis()) < 86_400_000L;
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
