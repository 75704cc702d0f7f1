import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import proguard.Configuration;
import proguard.ConfigurationParser;
import proguard.ProGuard;

/**
 * Shrinks a shaded Lambda jar with ProGuard: keeps what the handlers can reach and drops the rest, which is
 * mostly the model classes of SDK operations we never call. Shrinking only: no obfuscation (Step Functions
 * matches our exceptions by their class names, and stack traces stay readable) and no optimisation.
 *
 * <p>Run by the build with the JDK toolchain's {@code java} as a single-file program (see api/ and tasks/
 * pom.xml): {@code java -cp <proguard> ShrinkLambdaJar.java <in.jar> <out.jar> <rules.pro> <work-dir>}.
 * ProGuard must see the JDK's classes to know which methods override the JDK's; JDK 25 builds may ship
 * without jmods, so they are copied once out of this JVM's own runtime image ({@code jrt:/}).
 */
public final class ShrinkLambdaJar {

  /** The modules whose types the shaded libraries extend or implement. */
  private static final List<String> JDK_MODULES =
      List.of("java.base", "java.logging", "java.sql", "java.xml", "java.naming", "java.net.http");

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: ShrinkLambdaJar <in.jar> <out.jar> <rules.pro> <work-dir>");
    }
    Path jdkClasses = Path.of(args[3], "jdk-classes-" + Runtime.version().feature());
    copyJdkClasses(jdkClasses);
    List<String> options = new ArrayList<>(List.of("-injars", args[0], "-outjars", args[1], "@" + args[2]));
    for (String module : JDK_MODULES) {
      options.addAll(List.of("-libraryjars", jdkClasses.resolve(module) + "(**.class;!module-info.class)"));
    }
    Files.deleteIfExists(Path.of(args[1]));
    Configuration configuration = new Configuration();
    try (ConfigurationParser parser = new ConfigurationParser(options.toArray(String[]::new), System.getProperties())) {
      parser.parse(configuration);
    }
    new ProGuard(configuration).execute();
  }

  private static void copyJdkClasses(Path target) throws IOException {
    Path done = target.resolve(".complete");
    if (Files.exists(done)) {
      return;
    }
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    for (String module : JDK_MODULES) {
      Path root = jrt.getPath("/modules", module);
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(file -> file.toString().endsWith(".class")).forEach(file -> {
          Path copy = target.resolve(module).resolve(root.relativize(file).toString());
          try {
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
    Files.createFile(done);
  }
}
