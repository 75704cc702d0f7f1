package dev.fulfillment.tasks.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * Checks the Lambda jar itself. Not a unit test: the pom runs it in a second surefire execution bound to
 * {@code verify}, after {@code package} built the jar, and passes the jar's path as {@code shadedJar}. A
 * missing jar fails the check; it never skips.
 */
class ShadedJarCheck {

  /** "Under 10 MB", read strictly as decimal megabytes. */
  private static final long MAX_BYTES = 10_000_000L;
  private static final List<String> FORBIDDEN = List.of("software/amazon/awscdk/", "io/netty/", "org/apache/http/",
      "org/junit/", "org/mockito/", "org/assertj/", "dev/fulfillment/testing/");

  @Test
  void theLambdaJarIsSmallAndCarriesNeitherCdkNorOtherHttpClientsNorTestLibraries() throws IOException {
    String property = System.getProperty("shadedJar");
    assertThat(property).as("system property shadedJar (set by the pom's shaded-jar-check execution)").isNotBlank();
    Path jar = Path.of(property);
    assertThat(jar).as("the shaded jar; run `package` first").isRegularFile();

    long size = Files.size(jar);
    List<String> entries;
    try (JarFile file = new JarFile(jar.toFile())) {
      entries = Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
    }
    System.out.printf("shaded jar %s: %,d bytes, %d entries%n", jar.getFileName(), size, entries.size());

    assertThat(size).isLessThan(MAX_BYTES);
    for (String prefix : FORBIDDEN) {
      assertThat(entries).as("entries under " + prefix).noneMatch(entry -> entry.startsWith(prefix));
    }
    assertThat(entries).contains("dev/fulfillment/tasks/handler/ReserveStockHandler.class",
        "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class", "org/crac/Core.class");
  }
}
