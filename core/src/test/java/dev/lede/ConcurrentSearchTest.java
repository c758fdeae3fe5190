package dev.lede;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import dev.lede.search.NewsQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches from several threads while one writer upserts batches and commits each: no search
 * fails, and a reader of the committed index never sees part of a batch. The counts are the CI
 * form; {@code -Dlede.batches=N} runs longer.
 */
class ConcurrentSearchTest {
  static final int BATCH = 10;
  static final int BATCHES = Integer.getInteger("lede.batches", 20);
  static final int READERS = 3;

  @TempDir Path tmp;

  /** The marker word of batch b: letters only, so that every analyzer keeps it whole. */
  static String marker(int b) {
    StringBuilder s = new StringBuilder("mk");
    for (int n = b; ; n /= 26) {
      s.append((char) ('a' + n % 26));
      if (n < 26) {
        break;
      }
    }
    return s.toString();
  }

  static Article article(int b, int k) {
    Random random = new Random(b * 1000L + k);
    StringBuilder body = new StringBuilder(marker(b));
    for (int w = 0; w < 30; w++) {
      body.append(' ').append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36).replaceAll("[0-9]", ""));
    }
    // English said outright: the random letters read as one language or another to a detector
    return Article.builder().id("b" + b + "-" + k).headline("Batch " + marker(b) + " item " + k).body(body.toString()).language("en").build();
  }

  @Test
  void readersNeverSeeHalfABatchAndNoSearchFails() throws Exception {
    Path dir = tmp.resolve("idx");
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger committedBatches = new AtomicInteger();
    AtomicInteger checks = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(READERS * 2);
    try (NewsIndex writer = NewsIndex.open(dir)) {
      writer.commit();
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        final int seed = r;
        // A reader of the committed index, as a second process would be: whole batches only.
        readers.add(pool.submit(() -> {
          Random random = new Random(seed);
          try (NewsIndex reader = NewsIndex.openExisting(dir, IndexOptions.defaults().withReadOnly(true))) {
            while (writing.get()) {
              reader.refresh();
              long articles = reader.stats().articles();
              assertEquals(0, articles % BATCH, "a reader saw " + articles + " articles: part of a batch");
              int b = random.nextInt(Math.max(1, committedBatches.get()));
              long found = reader.search(NewsQuery.builder(marker(b)).collapse(false).limit(50).build()).total();
              assertTrue(found == 0 || found == BATCH, "batch " + b + ": " + found + " of " + BATCH + " articles visible");
              checks.incrementAndGet();
            }
          }
          return null;
        }));
        // Searches through the writer's own near-real-time view: they may see a batch in progress, but never fail.
        readers.add(pool.submit(() -> {
          Random random = new Random(100 + seed);
          while (writing.get()) {
            int b = random.nextInt(Math.max(1, committedBatches.get() + 1));
            writer.search(NewsQuery.builder(marker(b) + " item").limit(20).build());
            writer.refresh();
            checks.incrementAndGet();
          }
          return null;
        }));
      }
      assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
        for (int b = 0; b < BATCHES; b++) {
          for (int k = 0; k < BATCH; k++) {
            writer.upsert(article(b, k));
          }
          writer.commit();
          committedBatches.incrementAndGet();
        }
      });
      writing.set(false);
      for (Future<?> f : readers) {
        f.get(); // rethrows a reader's failure
      }
      assertEquals(BATCH * BATCHES, writer.stats().articles());
    } finally {
      writing.set(false);
      pool.shutdownNow();
    }
    assertTrue(checks.get() > 0);
    System.out.println("concurrency: " + READERS + " committed-index readers and " + READERS + " near-real-time searchers beside one writer, "
        + BATCHES + " batches of " + BATCH + ", " + checks.get() + " checks");
  }
}
