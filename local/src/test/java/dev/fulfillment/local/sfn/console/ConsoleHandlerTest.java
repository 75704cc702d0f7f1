package dev.fulfillment.local.sfn.console;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleHandlerTest {

    private static final String FIXTURE_ROOT = "console/handler-fixture/root";

    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", new ConsoleHandler(FIXTURE_ROOT, ConsoleHandlerTest.class.getClassLoader()));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void servesIndexHtmlAtTheRootWithCachingAndSecurityHeaders() throws IOException {
        Response response = get("/");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("<title>fixture</title>");
        assertThat(response.header("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(response.header("cache-control")).isEqualTo("no-cache");
        assertThat(response.header("etag")).matches("\"[0-9a-f]{32}\"");
        assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(response.header("content-security-policy")).contains("script-src 'self'").contains("default-src 'none'");
    }

    @ParameterizedTest
    @CsvSource({
            "/index.html, text/html; charset=utf-8",
            "/sub/app.js, text/javascript; charset=utf-8",
            "/style.css, text/css; charset=utf-8",
            "/data.json, application/json; charset=utf-8",
    })
    void sendsTheContentTypeOfTheFileExtension(String path, String contentType) throws IOException {
        Response response = get(path);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).isEqualTo(contentType);
    }

    @Test
    void ignoresTheQueryString() throws IOException {
        assertThat(get("/sub/app.js?v=2").status()).isEqualTo(200);
    }

    @Test
    void answersNotModifiedWhenTheBrowserHasTheCurrentVersion() throws IOException {
        String etag = get("/sub/app.js").header("etag");

        Response response = request("GET", "/sub/app.js", Map.of("If-None-Match", etag));

        assertThat(response.status()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void answersHeadWithHeadersOnly() throws IOException {
        Response response = request("HEAD", "/style.css", Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).isEqualTo("text/css; charset=utf-8");
        assertThat(response.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/missing.html",
            "/sub/missing.js",
            "/sub",
            "/sub/",
            "/secret.properties",
            "/index",
            "/.html",
    })
    void answersNotFoundForFilesItDoesNotServe(String path) throws IOException {
        Response response = get(path);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("password");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/../outside.css",
            "/sub/../../outside.css",
            "/%2e%2e/outside.css",
            "/%2E%2E/outside.css",
            "/..%2foutside.css",
            "/sub%2f..%2f..%2foutside.css",
            "/..\\outside.css",
            "/.%2e/outside.css",
            "//outside.css",
            "/./index.html",
            "/sub/./app.js",
            "/%00index.html",
            "/index.html%00.css",
    })
    void neverLeavesTheConsoleFolder(String path) throws IOException {
        Response response = get(path);

        assertThat(response.status()).isIn(400, 404);
        assertThat(response.body()).doesNotContain("outside the root");
    }

    @Test
    void rejectsMethodsOtherThanGetAndHead() throws IOException {
        Response response = request("POST", "/index.html", Map.of("Content-Length", "0"));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void routesReadsToTheConsoleAndEverythingElseToTheApi() throws IOException {
        server.removeContext("/");
        server.createContext("/", ConsoleHandler.withApi(exchange -> {
            byte[] body = "{\"stateMachines\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }));

        Response api = request("POST", "/", Map.of(
                "Content-Length", "2",
                "X-Amz-Target", "AWSStepFunctions.ListStateMachines"), "{}");
        Response console = get("/");

        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).isEqualTo("{\"stateMachines\":[]}");
        assertThat(console.status()).isEqualTo(200);
        assertThat(console.header("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(console.body()).contains("<script type=\"module\" src=\"app.js\">");
    }

    @Test
    void servesTheConsoleShippedInTheJar() throws IOException {
        server.removeContext("/");
        server.createContext("/", new ConsoleHandler());

        for (String asset : new String[] {"/", "/app.js", "/api.js", "/graph.js", "/console.css"}) {
            assertThat(get(asset).status()).as(asset).isEqualTo(200);
        }
    }

    private Response get(String path) throws IOException {
        return request("GET", path, Map.of());
    }

    private Response request(String method, String path, Map<String, String> headers) throws IOException {
        return request(method, path, headers, "");
    }

    /** A raw HTTP/1.1 exchange, so the request path reaches the server exactly as written (no client normalising). */
    private Response request(String method, String path, Map<String, String> headers, String body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
            StringBuilder request = new StringBuilder()
                    .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: localhost\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("\r\n").append(body);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return Response.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private record Response(int status, Map<String, String> headers, String body) {

        static Response parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String head = end < 0 ? raw : raw.substring(0, end);
            String body = end < 0 ? "" : raw.substring(end + 4);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            return new Response(status, headers, body);
        }

        String header(String name) {
            return headers.get(name);
        }
    }
}
