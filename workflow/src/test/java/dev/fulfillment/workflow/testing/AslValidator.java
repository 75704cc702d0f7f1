package dev.fulfillment.workflow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulfillment.testing.NodeModules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the npm {@code asl-validator} (the version pinned in the repository's package-lock.json) on a definition. */
public final class AslValidator {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The validator's exit code (0 valid, 1 invalid, 2 could not run) and what it printed. */
  public record Result(int exitCode, String output) {
  }

  private AslValidator() {
  }

  public static Result validate(JsonNode definition) throws IOException, InterruptedException {
    Path file = Files.createTempFile("state-machine-", ".asl.json");
    try {
      JSON.writeValue(file.toFile(), definition);
      // --json-path reads a file; --json-definition would take the JSON text itself on the command line.
      Process process = new ProcessBuilder(List.of(NodeModules.node(),
          NodeModules.bin("asl-validator").toString(), "--json-path", file.toString()))
          .redirectErrorStream(true)
          .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("asl-validator did not finish in 60 s");
      }
      return new Result(process.exitValue(), output);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
