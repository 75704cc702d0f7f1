package dev.fulfillment.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated corpus cannot drift: the committed files are exactly what {@link HostileCorpusGenerator}
 * writes. With {@code -Dhostile.regenerate=true} the test first rewrites them (see the generator).
 */
class GeneratedCorpusTest {

  /** What the issue asks the corpus to cover; each needs cases of its own. */
  private static final Set<String> REQUIRED_CATEGORIES = Set.of("malformed-json", "wrong-types", "nulls",
      "huge-numbers", "numbers", "zero-and-negative-quantities", "thousands-of-lines", "duplicate-skus",
      "unknown-skus", "oversized-bodies", "deep-nesting", "invalid-utf8", "control-characters", "unicode",
      "injection", "header-names", "raw-card-numbers", "personal-fields", "content-types", "methods-and-paths",
      "idempotency-key");

  @Test
  void theCommittedGeneratedFilesAreExactlyWhatTheGeneratorWrites() throws IOException {
    Path directory = HostileCorpusGenerator.DIRECTORY;
    if (Boolean.getBoolean("hostile.regenerate")) {
      HostileCorpusGenerator.write(directory);
    }
    Map<String, String> expected = HostileCorpusGenerator.files();

    Map<String, String> committed = new TreeMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        committed.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    assertThat(committed.keySet()).as("files in " + directory).containsExactlyElementsOf(expected.keySet());
    expected.forEach((name, text) -> assertThat(committed.get(name))
        .as(name + " differs from the generator's output; regenerate (see HostileCorpusGenerator)").isEqualTo(text));
  }

  @Test
  void theGeneratorWritesTheSameBytesOnEveryRun() {
    assertThat(HostileCorpusGenerator.files()).isEqualTo(HostileCorpusGenerator.files());
  }

  @Test
  void theCorpusHoldsOverFiveHundredDistinctRequestsCoveringEveryCategory() {
    List<HostileCase> cases = HostileCorpus.all();
    Set<String> distinct = new HashSet<>();
    for (HostileCase hostile : cases) {
      byte[] body = hostile.bodyBytes();
      distinct.add(hostile.method() + " " + hostile.path() + " " + hostile.headers() + " " + hostile.base64Encoded()
          + " " + (body == null ? "-" : Arrays.hashCode(body) + ":" + body.length));
    }
    Map<String, Long> perCategory = cases.stream()
        .collect(Collectors.groupingBy(HostileCase::category, TreeMap::new, Collectors.counting()));

    assertThat(distinct).as("distinct requests").hasSizeGreaterThanOrEqualTo(500);
    assertThat(perCategory.keySet()).containsAll(REQUIRED_CATEGORIES);
    assertThat(cases).allSatisfy(hostile -> {
      assertThat(hostile.expectStatus()).as(hostile.id()).isBetween(400, 499);
      assertThat(hostile.expectError()).as(hostile.id()).isNotBlank();
      assertThat(hostile.name()).as(hostile.id()).isNotBlank();
    });
    assertThat(HostileCorpus.bodyLevel()).as("cases that are SQS records too").hasSizeGreaterThanOrEqualTo(300);
  }
}
