package dev.lede.bench.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the public corpora folder: the system property {@code lede.corpora}, else the environment
 * variable {@code LEDE_CORPORA}, else {@code ../shared/corpora} seen from the repository root (the
 * working directory of the command line) or from {@code bench/} (the working directory of its tests).
 */
public final class Corpora {
  /** The names of the test collections the harness reads. */
  public static final List<String> COLLECTIONS = List.of("time", "cranfield", "cisi");

  private Corpora() {}

  /** The corpora folder, when one of the places holds it. */
  public static Optional<Path> locate() {
    List<Path> candidates = new ArrayList<>();
    String prop = System.getProperty("lede.corpora");
    if (prop != null && !prop.isBlank()) {
      candidates.add(Path.of(prop));
    }
    String env = System.getenv("LEDE_CORPORA");
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env));
    }
    candidates.add(Path.of("..", "shared", "corpora"));
    candidates.add(Path.of("..", "..", "shared", "corpora"));
    return candidates.stream().filter(p -> Files.isDirectory(p.resolve("time"))).findFirst().map(Path::normalize);
  }

  /** Reads one collection by name from the corpora folder. */
  public static TestCollection read(Path corpora, String name) {
    return switch (name) {
      case "time" -> TimeReader.read(corpora.resolve("time"));
      case "cranfield" -> CranfieldReader.read(corpora.resolve("cranfield"));
      case "cisi" -> CisiReader.read(corpora.resolve("cisi"));
      default -> throw new IllegalArgumentException(
          "unknown collection '" + name + "', expected one of " + COLLECTIONS);
    };
  }
}
