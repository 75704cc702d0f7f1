package dev.fulfillment.local.sfn.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol, with the JDK's WebSocket client: no driver
 * binary and no library beyond Jackson. One browser process, one page. Waiting happens inside the page (a promise
 * that re-checks a condition until a deadline), so the test never sleeps.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern DEVTOOLS_URL = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final ObjectMapper json = new ObjectMapper();
    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private volatile String sessionId;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts Chromium with a fresh profile and opens one page of the given size. */
    static HeadlessChromium launch(int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("console-chromium-");
        Process process = new ProcessBuilder(List.of(CHROMIUM.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--disable-default-apps", "--hide-scrollbars", "--mute-audio",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
                "--window-size=" + width + "," + height, "about:blank"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String browserUrl = devToolsUrl(process);
            Connection connection = new Connection();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(COMMAND_TIMEOUT)
                    .buildAsync(URI.create(browserUrl), connection)
                    .get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            HeadlessChromium page = new HeadlessChromium(process, profile, socket);
            connection.browser = page;
            String targetId = page.command("Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
            // Flat mode: the page's commands and events travel on the browser's socket, tagged with the session id.
            page.sessionId = page.command("Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
                    .path("sessionId").asText();
            page.command("Runtime.enable", Map.of());
            page.command("Log.enable", Map.of());
            page.command("Page.enable", Map.of());
            page.command("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
            return page;
        } catch (RuntimeException | InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            deleteQuietly(profile);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("could not start and connect to " + CHROMIUM + ": " + e, e);
        }
    }

    /** Reads Chromium's stderr until it prints its DevTools address (with a deadline), then keeps draining it. */
    private static String devToolsUrl(Process process) throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<String> url = new CompletableFuture<>();
        StringBuilder seen = new StringBuilder();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    Matcher m = DEVTOOLS_URL.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    } else if (!url.isDone()) {
                        seen.append(line).append('\n');
                    }
                }
                url.completeExceptionally(new IOException("Chromium exited before listening; it said:\n" + seen));
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
        });
        return url.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Loads a URL and waits until the document has loaded. */
    void navigate(String url) {
        command("Page.navigate", Map.of("url", url));
        waitFor("document.readyState === 'complete' && location.href === " + quote(url), Duration.ofSeconds(20));
    }

    /** Evaluates an expression in the page (promises are awaited) and returns its JSON value. */
    JsonNode evaluate(String expression) {
        JsonNode result = command("Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            JsonNode details = result.get("exceptionDetails");
            String text = details.path("exception").path("description").asText(details.path("text").asText());
            throw new AssertionError("page script failed: " + text + "\n  in: " + expression);
        }
        return result.path("result").path("value");
    }

    /**
     * Waits until a JavaScript condition is truthy and returns its value. The page re-checks it every 50 ms until the
     * deadline; the failure names the condition.
     */
    JsonNode waitFor(String condition, Duration timeout) {
        String script = """
                new Promise((resolve, reject) => {
                  const deadline = performance.now() + %d;
                  const check = () => {
                    let value, error;
                    try { value = (%s); } catch (e) { error = e; }
                    if (value) return resolve(value);
                    if (performance.now() > deadline) return reject(new Error('timed out waiting for: ' + %s
                        + (error ? ' (' + error + ')' : '') + ' [page ' + location.href + ', ' + document.readyState + ']'));
                    setTimeout(check, 50);
                  };
                  check();
                })""".formatted(timeout.toMillis(), condition, quote(condition));
        return evaluate(script);
    }

    JsonNode waitFor(String condition) {
        return waitFor(condition, Duration.ofSeconds(15));
    }

    /** Clicks the centre of the first element matching a CSS selector with real mouse events. */
    void click(String selector) {
        JsonNode box = waitFor("""
                (() => {
                  const el = document.querySelector(%s);
                  if (!el) return null;
                  el.scrollIntoView({block: 'center', inline: 'center'});
                  const r = el.getBoundingClientRect();
                  return r.width > 0 && r.height > 0 ? {x: r.left + r.width / 2, y: r.top + r.height / 2} : null;
                })()""".formatted(quote(selector)));
        double x = box.get("x").asDouble();
        double y = box.get("y").asDouble();
        command("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
        command("Input.dispatchMouseEvent", Map.of("type", "mousePressed", "x", x, "y", y, "button", "left", "clickCount", 1));
        command("Input.dispatchMouseEvent", Map.of("type", "mouseReleased", "x", x, "y", y, "button", "left", "clickCount", 1));
    }

    /** Replaces the value of an input or textarea by typing text into it. */
    void type(String selector, String text) {
        waitFor("(() => { const el = document.querySelector(%s); if (!el) return false; el.focus(); el.select(); return true; })()"
                .formatted(quote(selector)));
        command("Input.insertText", Map.of("text", text));
    }

    String text(String selector) {
        return waitFor("document.querySelector(%s)?.textContent".formatted(quote(selector))).asText();
    }

    /** Saves a PNG of the element matching the selector (the whole element, even beyond the viewport). */
    void screenshot(String selector, Path file) throws IOException {
        JsonNode box = waitFor("""
                (() => {
                  const el = document.querySelector(%s);
                  if (!el) return null;
                  const r = el.getBoundingClientRect();
                  return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height};
                })()""".formatted(quote(selector)));
        ObjectNode clip = json.createObjectNode();
        clip.put("x", Math.max(0, box.get("x").asDouble() - 8));
        clip.put("y", Math.max(0, box.get("y").asDouble() - 8));
        clip.put("width", box.get("width").asDouble() + 16);
        clip.put("height", box.get("height").asDouble() + 16);
        clip.put("scale", 1);
        JsonNode shot = command("Page.captureScreenshot", Map.of("format", "png", "clip", clip, "captureBeyondViewport", true));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    /** Script errors, failed console calls and browser log errors (CSP violations, 404s) seen so far. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    JsonNode command(String method, Map<String, ?> params) {
        return send(method, params, sessionId);
    }

    private JsonNode send(String method, Map<String, ?> params, String session) {
        long id = ids.incrementAndGet();
        ObjectNode message = json.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", json.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            socket.sendText(message.toString(), true).get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            JsonNode response = answer.get(COMMAND_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            if (response.has("error")) {
                throw new IllegalStateException(method + " failed: " + response.get("error"));
            }
            return response.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no answer from Chromium", e);
        } finally {
            pending.remove(id);
        }
    }

    private void onMessage(String text) {
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.get("id").asLong());
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Runtime.exceptionThrown" -> problems.add("exception: "
                    + params.path("exceptionDetails").path("exception").path("description").asText(params.path("exceptionDetails").path("text").asText()));
            case "Runtime.consoleAPICalled" -> {
                if ("error".equals(params.path("type").asText())) {
                    problems.add("console.error: " + params.path("args"));
                }
            }
            case "Log.entryAdded" -> {
                // Network entries are API answers such as 400 ExecutionDoesNotExist, which the console shows itself.
                JsonNode entry = params.path("entry");
                if ("error".equals(entry.path("level").asText()) && !"network".equals(entry.path("source").asText())) {
                    problems.add("log: " + params.path("entry").path("text").asText() + " " + params.path("entry").path("url").asText());
                }
            }
            default -> {
            }
        }
    }

    static String quote(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        } catch (RuntimeException ignored) {
            // The browser is going away anyway.
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteQuietly(profile);
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary profile left behind is harmless.
        }
    }

    /** Reassembles WebSocket text frames into messages. */
    private static final class Connection implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();
        private volatile HeadlessChromium browser;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String message = buffer.toString();
                buffer.setLength(0);
                HeadlessChromium target = browser;
                if (target != null) {
                    target.onMessage(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
