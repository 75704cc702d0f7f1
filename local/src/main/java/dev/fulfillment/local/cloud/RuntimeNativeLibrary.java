package dev.fulfillment.local.cloud;

import dev.fulfillment.local.lambda.FunctionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One private copy, per cloud, of the runtime interface client's JNI library, given to every function process.
 *
 * <p>Why: the runtime interface client unpacks its JNI library at start-up to one fixed path,
 * {@code /tmp/.libaws-lambda-jni.so}, overwriting it (Files.copy REPLACE_EXISTING). In Lambda each environment has
 * its own /tmp; here every child JVM on the machine shares it, so an environment starting while another one maps
 * the library crashes with SIGBUS in the dynamic loader, which the workflow sees as {@code Runtime.ExitError}. Many
 * environments start at once after a restart that resumes orders (OrderRecovery), and whenever two clouds run on
 * one machine (parallel test runs). The client loads the file named by the system property
 * {@link #PROPERTY} instead when it is set; the property reaches the function's JVM through
 * {@code JAVA_TOOL_OPTIONS} (appended to the value the stack gives the function), because the child's command line
 * belongs to the lambda package.
 */
final class RuntimeNativeLibrary implements AutoCloseable {
  static final String PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

  private final Path file;

  private RuntimeNativeLibrary(Path file) {
    this.file = file;
  }

  /** Unpacks the library for this machine into {@code directory}; null when the jar holds none for it. */
  static RuntimeNativeLibrary unpack(Path directory) throws IOException {
    String arch = switch (System.getProperty("os.arch").toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch_64";
      default -> null;
    };
    if (arch == null || !System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
      return null;
    }
    boolean musl;
    try (var lib = Files.list(Path.of("/lib"))) {
      musl = lib.anyMatch(p -> p.getFileName().toString().startsWith("ld-musl-"));
    } catch (IOException e) {
      musl = false;
    }
    String resource = "jni/libaws-lambda-jni.linux" + (musl ? "_musl-" : "-") + arch + ".so";
    try (InputStream in = RuntimeNativeLibrary.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      Path file = Files.createTempFile(Files.createDirectories(directory), ".libaws-lambda-jni-", ".so");
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return new RuntimeNativeLibrary(file);
    }
  }

  /** The functions with {@code -D<PROPERTY>=<file>} appended to their JAVA_TOOL_OPTIONS. */
  List<FunctionSpec> given(List<FunctionSpec> functions) {
    if (file.toString().chars().anyMatch(Character::isWhitespace)) {
      return functions; // JAVA_TOOL_OPTIONS splits at spaces
    }
    return functions.stream().map(f -> {
      Map<String, String> environment = new LinkedHashMap<>(f.environment());
      String options = environment.getOrDefault("JAVA_TOOL_OPTIONS", "");
      environment.put("JAVA_TOOL_OPTIONS", (options.isBlank() ? "" : options + " ") + "-D" + PROPERTY + "=" + file);
      return new FunctionSpec(f.name(), f.arn(), f.handler(), f.code(), environment, f.timeout(), f.memoryMb());
    }).toList();
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
  }
}
