package dev.lede;

import dev.lede.article.Article;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A second process for {@link SecondWriterTest}: opens the index for writing, says {@code open},
 * holds it until its standard input ends, then writes one article, commits and exits.
 */
public final class HoldIndexOpen {
  private HoldIndexOpen() {}

  public static void main(String[] args) throws IOException {
    try (NewsIndex index = NewsIndex.open(Path.of(args[0]))) {
      System.out.println("open");
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the test to close our input
      }
      index.upsert(Article.builder().id("from-holder").headline("Written by the first writer").body("After the second was refused.").build());
      index.commit();
    }
    System.out.println("committed");
  }
}
