package dev.lede;

import java.nio.file.Path;

/**
 * Turns semantic search on for the index named by its argument, with a slow stand-in model, printing
 * each commit's progress: the child process that {@link SemanticSearchTest} kills halfway.
 */
public final class SemanticEnableChild {
  private SemanticEnableChild() {}

  public static void main(String[] args) {
    try (NewsIndex index = NewsIndex.open(Path.of(args[0]))) {
      index.enableSemantic(1, (done, total) -> {
        System.out.println("progress " + done + " " + total);
        System.out.flush();
      });
    }
    System.out.println("finished");
  }
}
