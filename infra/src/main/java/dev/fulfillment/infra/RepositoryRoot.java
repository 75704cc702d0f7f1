package dev.fulfillment.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root (the folder holding infra/cdk.json) from wherever the app was started. */
final class RepositoryRoot {

  private RepositoryRoot() {
  }

  /** Searches {@code start} and its parents: the cdk CLI runs the app in infra/, Maven in infra/ or the root. */
  static Path find(Path start) {
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("infra").resolve("cdk.json"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no infra/cdk.json in " + start.toAbsolutePath() + " or above it");
  }
}
