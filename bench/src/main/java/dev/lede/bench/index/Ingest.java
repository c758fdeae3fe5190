package dev.lede.bench.index;

import dev.lede.IndexOptions;
import dev.lede.NewsIndex;
import dev.lede.article.Article;
import dev.lede.index.Schema;
import dev.lede.prepare.Preparer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/** One timed ingest into a fresh directory, for each system the benchmark compares. */
final class Ingest {
  /** What writes the index. */
  enum System {
    BASELINE("raw Lucene"),
    LEDE("Lede, entities off"),
    LEDE_ENTITIES("Lede, entities on");

    final String label;

    System(String label) {
      this.label = label;
    }
  }

  /**
   * One ingest's figures.
   *
   * @param seconds wall time from the first write to the end of the final commit and close
   * @param cpuSeconds CPU time of the whole process over the same span (every thread, GC included)
   * @param bytes the index directory's size after close
   */
  record Result(System system, int threads, int articles, long textBytes, double seconds, double cpuSeconds, long bytes) {
    double articlesPerSecond() {
      return articles / seconds;
    }

    double mbPerSecond() {
      return textBytes / 1e6 / seconds;
    }

    double bytesPerArticle() {
      return (double) bytes / articles;
    }
  }

  private Ingest() {}

  static IndexOptions options(System system) {
    Preparer preparer = system == System.LEDE_ENTITIES ? Preparer.defaults() : Preparer.builder().withoutEntities().build();
    return IndexOptions.defaults().withPreparer(preparer);
  }

  static Result run(System system, NewsCorpus corpus, int count, int threads, Path dir) {
    delete(dir);
    long cpu0 = processCpuNanos();
    long t0 = java.lang.System.nanoTime();
    if (system == System.BASELINE) {
      try (BaselineIndex index = new BaselineIndex(dir, IndexOptions.defaults().ramBufferMb())) {
        parallel(count, threads, i -> index.add(corpus.article(i)));
        index.commit();
      }
    } else {
      try (NewsIndex index = NewsIndex.open(dir, options(system))) {
        parallel(count, threads, i -> index.upsert(corpus.article(i)));
        index.commit();
      }
    }
    double seconds = (java.lang.System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    return new Result(system, threads, count, corpus.textBytes(count), seconds, cpu, size(dir));
  }

  /**
   * {@code NewsIndex.reindex}: the index at {@code dir} rebuilt from its stored originals into a new
   * generation and switched to, entities off, on {@code threads} threads.
   */
  static Result reindex(Path dir, int articles, long textBytes, int threads) {
    long cpu0 = processCpuNanos();
    long t0 = java.lang.System.nanoTime();
    NewsIndex.reindex(dir, null, options(System.LEDE), dev.lede.IngestOptions.defaults().withThreads(threads), null);
    double seconds = (java.lang.System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    return new Result(System.LEDE, threads, articles, textBytes, seconds, cpu, size(dir));
  }

  /**
   * What {@code reindex} costs at least, measured before Lede had one: every stored original of {@code from}
   * read back and upserted into a fresh Lede index at {@code to}, on {@code threads} threads.
   */
  static Result reindexFromStored(Path from, Path to, int threads) {
    delete(to);
    long cpu0 = processCpuNanos();
    long t0 = java.lang.System.nanoTime();
    Schema schema = Schema.defaults();
    long[] textBytes = new long[threads];
    int docs;
    try (FSDirectory source = FSDirectory.open(from);
        DirectoryReader reader = DirectoryReader.open(source);
        NewsIndex index = NewsIndex.open(to, options(System.LEDE))) {
      docs = reader.maxDoc();
      Bits live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
      AtomicInteger next = new AtomicInteger();
      List<Thread> workers = new ArrayList<>();
      List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int t = 0; t < threads; t++) {
        int slot = t;
        workers.add(Thread.ofPlatform().start(() -> {
          try {
            StoredFields stored = reader.storedFields(); // one per thread: not thread-safe
            for (int d = next.getAndIncrement(); d < reader.maxDoc(); d = next.getAndIncrement()) {
              if (live == null || live.get(d)) {
                Article a = schema.toArticle(stored, d);
                textBytes[slot] += NewsCorpus.textBytes(a);
                index.upsert(a);
              }
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        }));
      }
      join(workers, failures);
      index.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double seconds = (java.lang.System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    long bytes = 0;
    for (long b : textBytes) {
      bytes += b;
    }
    return new Result(System.LEDE, threads, docs, bytes, seconds, cpu, size(to));
  }

  /** Calls {@code write} for 0..count-1 from {@code threads} threads, each taking the next number. */
  static void parallel(int count, int threads, IntConsumer write) {
    AtomicInteger next = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < threads; t++) {
      workers.add(Thread.ofPlatform().start(() -> {
        try {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            write.accept(i);
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }));
    }
    join(workers, failures);
  }

  private static void join(List<Thread> workers, List<Throwable> failures) {
    for (Thread w : workers) {
      try {
        w.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("ingest failed: " + failures.get(0), failures.get(0));
    }
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  static long size(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
