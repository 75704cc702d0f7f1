package dev.fulfillment.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * What every deployed Lambda jar (tasks-lambda.jar, api-lambda.jar) must satisfy, checked by the modules'
 * {@code ShadedJarCheck}s, which run in {@code verify} on the jar the build just shaded and shrank.
 */
public final class LambdaJars {

  /** "Each Lambda jar <= 10 MB", read strictly as decimal megabytes. */
  public static final long MAX_BYTES = 10_000_000L;

  /** No CDK, no other HTTP clients, no test libraries in a function's code. */
  public static final List<String> FORBIDDEN_PREFIXES = List.of("software/amazon/awscdk/", "io/netty/",
      "org/apache/http/", "org/apache/hc/", "org/junit/", "org/mockito/", "org/assertj/", "dev/fulfillment/testing/");

  private LambdaJars() {
  }

  /** The jar named by the system property {@code shadedJar}; fails, never skips, when it is not there. */
  public static Path fromSystemProperty() {
    String property = System.getProperty("shadedJar");
    if (property == null || property.isBlank()) {
      fail("system property shadedJar is not set (the pom's shaded-jar-check execution sets it)");
    }
    Path jar = Path.of(property);
    assertTrue(Files.isRegularFile(jar), () -> jar + " is missing; run `package` first");
    return jar;
  }

  /**
   * The entries of the jar named by the system property {@code shadedJar} (the pom's check execution sets
   * it), after asserting that it exists, is under {@link #MAX_BYTES} and has nothing forbidden. Fails, never
   * skips, when the jar is missing.
   */
  public static List<String> checkedEntries() throws IOException {
    Path jar = fromSystemProperty();
    List<String> entries;
    try (JarFile file = new JarFile(jar.toFile())) {
      entries = Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
    }
    long size = Files.size(jar);
    System.out.printf("Lambda jar %s: %,d bytes, %d entries%n", jar.getFileName(), size, entries.size());
    assertTrue(size < MAX_BYTES, () -> jar.getFileName() + " has " + size + " bytes, over " + MAX_BYTES);
    for (String prefix : FORBIDDEN_PREFIXES) {
      assertFalse(entries.stream().anyMatch(entry -> entry.startsWith(prefix)), () -> "entries under " + prefix);
    }
    return entries;
  }
}
