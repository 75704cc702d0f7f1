import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
 * without jmods, so they are written once per JDK build into one jar in the work directory, out of this
 * JVM's own runtime image ({@code jrt:/}), and shared by every Lambda module of the build.
 */
public final class ShrinkLambdaJar {

  /** The modules whose types the shaded libraries extend or implement. */
  private static final List<String> JDK_MODULES =
      List.of("java.base", "java.logging", "java.sql", "java.xml", "java.naming", "java.net.http");

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: ShrinkLambdaJar <in.jar> <out.jar> <rules.pro> <work-dir>");
    }
    Path jdkClasses = Path.of(args[3], "jdk-classes-" + Runtime.version().toString().replace('+', '_') + ".jar");
    if (!Files.exists(jdkClasses)) {
      writeJdkClasses(jdkClasses);
    }
    List<String> options = new ArrayList<>(List.of("-injars", args[0], "-outjars", args[1], "@" + args[2],
        "-libraryjars", jdkClasses.toString()));
    Files.deleteIfExists(Path.of(args[1]));
    Configuration configuration = new Configuration();
    try (ConfigurationParser parser = new ConfigurationParser(options.toArray(String[]::new), System.getProperties())) {
      parser.parse(configuration);
    }
    new ProGuard(configuration).execute();
  }

  /**
   * Writes the classes of {@link #JDK_MODULES} into {@code target}: into a temporary file first, moved into
   * place whole, so that modules built in parallel never read a half-written jar.
   */
  private static void writeJdkClasses(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Path partial = Files.createTempFile(target.getParent(), "jdk-classes", ".partial");
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    try (ZipOutputStream jar = new ZipOutputStream(Files.newOutputStream(partial))) {
      jar.setLevel(Deflater.BEST_SPEED);
      for (String module : JDK_MODULES) {
        Path root = jrt.getPath("/modules", module);
        try (Stream<Path> files = Files.walk(root)) {
          for (Iterator<Path> it = files.filter(ShrinkLambdaJar::isLibraryClass).iterator(); it.hasNext(); ) {
            Path file = it.next();
            jar.putNextEntry(new ZipEntry(root.relativize(file).toString()));
            Files.copy(file, jar);
            jar.closeEntry();
          }
        }
      }
    }
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static boolean isLibraryClass(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".class") && !name.equals("module-info.class");
  }
}
