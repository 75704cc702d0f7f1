package dev.fulfillment.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's node_modules (installed by the build from package-lock.json) and the node binary. */
public final class NodeModules {

  private NodeModules() {
  }

  /** The JavaScript entry point of an npm package's command, e.g. {@code bin("dynalite")}. */
  public static Path bin(String command) {
    Path bin = root().resolve(".bin").resolve(command);
    if (!Files.exists(bin)) {
      throw new IllegalStateException(bin + " is missing: run `npm ci` at the repository root (./mvnw verify does it)");
    }
    return bin;
  }

  /** The node_modules folder at the repository root, searched upwards from the working directory. */
  public static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("node_modules");
      if (Files.isDirectory(candidate) && Files.exists(dir.resolve("package-lock.json"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no node_modules beside a package-lock.json above " + Path.of("").toAbsolutePath()
        + ": run `npm ci` at the repository root (./mvnw verify does it)");
  }

  /** The node executable: $NODE if set, else `node` from PATH. */
  public static String node() {
    String configured = System.getenv("NODE");
    return configured == null || configured.isBlank() ? "node" : configured;
  }
}
