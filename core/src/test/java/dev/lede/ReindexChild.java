package dev.lede;

import java.nio.file.Path;

/**
 * Reindexes the index named by its argument again and again until killed: the child process of
 * {@link ReindexTest#killedReindexLeavesTheLiveGenerationServing}, so that a SIGKILL lands in every
 * phase of a reindex (building, switching, removing the old generation).
 */
public final class ReindexChild {
  private ReindexChild() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    IngestOptions options = IngestOptions.defaults().withThreads(1);
    while (true) {
      NewsIndex.reindex(dir, null, IndexOptions.defaults(), options, null);
    }
  }
}
