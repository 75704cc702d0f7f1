package dev.fulfillment.local.sfn.console;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the execution console: the static HTML, CSS and JavaScript under {@code console/} on the classpath.
 *
 * <p>The console is a browser client of the public Step Functions API: it calls {@code POST /} with
 * {@code X-Amz-Target: AWSStepFunctions.*} like any SDK, so it works against any endpoint that speaks that API. This
 * handler only answers {@code GET} and {@code HEAD}; mount it next to the API with {@link #withApi(HttpHandler)}:
 *
 * <pre>{@code
 * server.createContext("/", ConsoleHandler.withApi(apiHandler));
 * }</pre>
 *
 * <p>Only file names made of {@code [A-Za-z0-9._-]} segments with a known extension are served, so no path can leave
 * the {@code console/} folder; everything else is a 404. Files are sent with an ETag and {@code Cache-Control:
 * no-cache} (the assets carry no content hash in their names, so the browser must revalidate, which costs a 304), and
 * with a Content-Security-Policy that allows scripts, styles and requests from this origin only.
 */
public final class ConsoleHandler implements HttpHandler {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8");

    private final String root;
    private final ClassLoader classLoader;
    /** Files found so far; misses are not remembered, so unknown names cannot grow the map. */
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    /** Serves {@code console/} from the class path that holds this class. */
    public ConsoleHandler() {
        this("console", ConsoleHandler.class.getClassLoader());
    }

    ConsoleHandler(String root, ClassLoader classLoader) {
        this.root = Objects.requireNonNull(root);
        this.classLoader = Objects.requireNonNull(classLoader);
    }

    /**
     * One handler for the endpoint's root context: {@code GET} and {@code HEAD} go to the console, every other method
     * (the API's {@code POST /}) to {@code api}.
     */
    public static HttpHandler withApi(HttpHandler api) {
        Objects.requireNonNull(api);
        ConsoleHandler console = new ConsoleHandler();
        return exchange -> {
            if (isRead(exchange.getRequestMethod())) {
                console.handle(exchange);
            } else {
                api.handle(exchange);
            }
        };
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Headers headers = exchange.getResponseHeaders();
            if (!isRead(method)) {
                headers.set("Allow", "GET, HEAD");
                sendText(exchange, 405, "Method Not Allowed", method);
                return;
            }
            Optional<Asset> asset = resolve(exchange.getRequestURI().getRawPath()).flatMap(this::load);
            if (asset.isEmpty()) {
                sendText(exchange, 404, "Not Found", method);
                return;
            }
            Asset file = asset.get();
            headers.set("Content-Type", file.contentType());
            headers.set("ETag", file.etag());
            headers.set("Cache-Control", "no-cache");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            if (file.contentType().startsWith("text/html")) {
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            }
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (ifNoneMatch != null && ifNoneMatch.contains(file.etag())) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            send(exchange, 200, file.bytes(), method);
        }
    }

    /**
     * The class-path name for a raw request path, or empty when the path is not one this handler serves. The raw
     * (still percent-encoded) path is checked, so {@code %2e%2e} or {@code %2f} never become {@code ..} or {@code /}.
     */
    Optional<String> resolve(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String relative = rawPath.substring(1);
        if (relative.isEmpty()) {
            relative = "index.html";
        }
        for (String segment : relative.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        if (contentType(relative).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(root + "/" + relative);
    }

    private Optional<Asset> load(String name) {
        Asset cached = cache.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Asset> read = read(name);
        read.ifPresent(asset -> cache.put(name, asset));
        return read;
    }

    private Optional<Asset> read(String name) {
        try (InputStream in = classLoader.getResourceAsStream(name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new Asset(bytes, contentType(name).orElseThrow(), etag(bytes)));
        } catch (IOException e) {
            // A directory on a file-system class path, or an unreadable entry: not a file we serve.
            return Optional.empty();
        }
    }

    static Optional<String> contentType(String name) {
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        if (dot <= slash + 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(CONTENT_TYPES.get(name.substring(dot + 1)));
    }

    private static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("SHA-256 is not available", e));
        }
    }

    private static void sendText(HttpExchange exchange, int status, String text, String method) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        send(exchange, status, (text + "\n").getBytes(StandardCharsets.UTF_8), method);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String method) throws IOException {
        if ("HEAD".equals(method)) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private record Asset(byte[] bytes, String contentType, String etag) {
    }
}
