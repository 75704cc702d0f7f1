package dev.fulfillment.local.lambda;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Starts a function's execution environment as a JVM process, laid out the way Lambda's java21 runtime lays it out:
 * the deployment package in the task root ({@code LAMBDA_TASK_ROOT}, the working directory, with the jar under
 * {@code lib/}, where the runtime's customer class loader looks), the runtime's own jars (the runtime interface
 * client, aws-lambda-java-core and -serialization) on the system class path, and an environment made only of the
 * function's variables plus the reserved ones Lambda sets ("Defined runtime environment variables").
 */
public final class ChildLauncher {
  static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
  /** One class from each jar the runtime needs next to the function's own code. */
  private static final List<String> RUNTIME_MARKERS = List.of(
      RUNTIME_MAIN,
      "com.amazonaws.services.lambda.runtime.RequestHandler",
      "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
      "software.amazon.awssdk.utilslite.SdkInternalThreadLocal");

  private final Path java;
  private final String runtimeClassPath;
  private final Path workDirectory;
  private final Map<String, String> platformEnvironment;

  /**
   * @param workDirectory where the task roots go (one per function)
   * @param platformEnvironment what the platform adds to every function: region, dummy credentials and the
   *     {@code AWS_ENDPOINT_URL_<SERVICE>} settings that point the SDK clients at the local endpoints
   */
  public ChildLauncher(Path workDirectory, Map<String, String> platformEnvironment) {
    this.java = Path.of(System.getProperty("java.home"), "bin", "java");
    this.runtimeClassPath = runtimeClassPath();
    this.workDirectory = workDirectory;
    this.platformEnvironment = Map.copyOf(platformEnvironment);
  }

  Process launch(FunctionSpec spec, String runtimeApi) throws IOException {
    Path taskRoot = taskRoot(spec);
    List<String> command = new ArrayList<>(List.of(java.toString(),
        // MemorySize is the function's whole memory in Lambda; here it caps the heap.
        "-Xmx" + spec.memoryMb() + "m", "-XX:+UseSerialGC", "-Xshare:auto",
        // The runtime interface client loads its JNI library (the Runtime API HTTP client).
        "--enable-native-access=ALL-UNNAMED",
        "-classpath", runtimeClassPath, RUNTIME_MAIN, spec.handler()));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(taskRoot.toFile())
        .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    String path = env.get("PATH");
    env.clear();
    if (path != null) {
      env.put("PATH", path);
    }
    env.putAll(spec.environment());
    env.putAll(reserved(spec, runtimeApi, taskRoot));
    return builder.start();
  }

  private Map<String, String> reserved(FunctionSpec spec, String runtimeApi, Path taskRoot) {
    Map<String, String> env = new LinkedHashMap<>(platformEnvironment);
    env.put("_HANDLER", spec.handler());
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    env.put("LAMBDA_RUNTIME_DIR", taskRoot.toString());
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
    env.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/[$LATEST]" + Long.toHexString(System.nanoTime()));
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("TZ", ":UTC");
    env.put("LANG", "en_US.UTF-8");
    return env;
  }

  /** The task root: {@code <work>/<function>/lib/<jar>}, a copy of the staged asset (the runtime reads lib/*.jar). */
  private Path taskRoot(FunctionSpec spec) throws IOException {
    if (!Files.isRegularFile(spec.code())) {
      throw new IOException("the code of function " + spec.name() + " is missing: " + spec.code()
          + " (build it: ./mvnw -q -o package -DskipTests -pl infra -am)");
    }
    Path root = workDirectory.resolve(spec.name());
    Path lib = Files.createDirectories(root.resolve("lib"));
    Path jar = lib.resolve("function.jar");
    if (!Files.exists(jar) || Files.size(jar) != Files.size(spec.code())
        || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(spec.code())) < 0) {
      Files.copy(spec.code(), jar, StandardCopyOption.REPLACE_EXISTING);
    }
    return root;
  }

  private static String runtimeClassPath() {
    Set<String> entries = new LinkedHashSet<>();
    for (String marker : RUNTIME_MARKERS) {
      try {
        CodeSource source = Class.forName(marker, false, ChildLauncher.class.getClassLoader())
            .getProtectionDomain().getCodeSource();
        entries.add(Path.of(source.getLocation().toURI()).toString());
      } catch (ClassNotFoundException | URISyntaxException | RuntimeException e) {
        throw new IllegalStateException("the Lambda runtime jars are not on the class path (" + marker
            + "); run the local cloud through ./run-local or the local module's classpath", e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** For diagnostics: the class path given to every function process. */
  public String classPath() {
    return runtimeClassPath;
  }
}
