package dev.fulfillment.local.sfn.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Loads JSON case tables from {@code src/test/resources/query/} and checks one case's outcome. A case is an object
 * with a {@code name} and one of: {@code expected} (exact JSON: {@code 1} is not {@code 1.0}), {@code undefined: true},
 * {@code expectedMatches} (a regex the string result must match), or {@code error} with {@code error.error} and
 * {@code error.cause} (exact) or {@code error.causeContains}.
 */
final class CaseTable {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private CaseTable() {
    }

    /** One argument per case, named by the case's {@code name}: for {@code @MethodSource}. */
    static Stream<Arguments> cases(String resource) {
        JsonNode table = load(resource);
        List<Arguments> out = new ArrayList<>();
        table.forEach(c -> out.add(Arguments.of(Named.of(resource + ": " + c.path("name").asText(), c))));
        return out.stream();
    }

    /** Every case of every {@code .json} file in a resource folder. */
    static Stream<Arguments> casesInFolder(String folder) {
        try (Stream<Path> files = Files.list(folderPath(folder))) {
            return files.map(Path::getFileName).map(Path::toString).filter(n -> n.endsWith(".json")).sorted()
                    .toList().stream().flatMap(n -> cases(folder + "/" + n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> filesInFolder(String folder) {
        try (Stream<Path> files = Files.list(folderPath(folder))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folderPath(String folder) {
        URL url = CaseTable.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException("missing test resource folder " + folder);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode load(String resource) {
        try (InputStream in = CaseTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the outcome of {@code action} against the case's expectation. */
    static void check(JsonNode testCase, Supplier<JsonNode> action) {
        JsonNode error = testCase.get("error");
        if (error != null) {
            var thrown = assertThatThrownBy(action::get).isInstanceOf(QueryException.class);
            thrown.extracting(e -> ((QueryException) e).error()).isEqualTo(error.path("error").asText());
            if (error.has("cause")) {
                thrown.extracting(e -> ((QueryException) e).cause()).isEqualTo(error.get("cause").asText());
            }
            if (error.has("causeContains")) {
                thrown.extracting(e -> ((QueryException) e).cause()).asString()
                        .contains(error.get("causeContains").asText());
            }
            return;
        }
        JsonNode actual = action.get();
        if (testCase.path("undefined").asBoolean(false)) {
            assertThat(actual).as("undefined result").isNull();
        } else if (testCase.has("expectedMatches")) {
            assertThat(actual).isNotNull();
            assertThat(actual.isTextual()).as("string result, got %s", actual).isTrue();
            assertThat(actual.textValue()).matches(testCase.get("expectedMatches").asText());
        } else if (testCase.has("expected")) {
            // Jackson's equals compares numbers by kind, as AWS's recordings do (1 is not 1.0).
            assertThat(actual).as("result").isNotNull();
            assertThat(actual.toString()).isEqualTo(testCase.get("expected").toString());
            assertThat(actual).isEqualTo(normalized(testCase.get("expected")));
        } else {
            throw new IllegalStateException("case without expectation: " + testCase);
        }
    }

    /** Parsed test JSON may hold longs as IntNode etc. exactly as our code does; reparse for a like-for-like tree. */
    private static JsonNode normalized(JsonNode node) {
        try {
            return MAPPER.readTree(node.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@link Variables} view of an object ({@code null}: no variables). */
    static Variables variables(JsonNode object) {
        if (object == null || object.isNull()) {
            return Variables.none();
        }
        return object::get;
    }
}
