package dev.lede.bench.entities;

import dev.lede.article.Article;
import dev.lede.prepare.entity.EntityExtractor;
import dev.lede.prepare.entity.Gazetteer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Speed of entity extraction alone: articles/s and MB/s of text, per approach, single-threaded, on
 * a corpus held in memory (default: the BBC corpus in ../shared/corpora). Each approach runs
 * {@code --warmup} untimed passes, then {@code --runs} timed ones; the median is printed.
 *
 * <pre>
 * java -cp ... dev.lede.bench.entities.EntityThroughput [--input ../shared/corpora/bbc/bbc.jsonl.gz]
 *     [--warmup 2] [--runs 5] [--approach all|rules|opennlp|combined] [--index] [--digest]
 * </pre>
 */
public final class EntityThroughput {
  private EntityThroughput() {}

  private static void indexOnce(List<Article> articles, boolean withEntities, int warmup, int runs) {
    dev.lede.prepare.Preparer preparer =
        withEntities ? dev.lede.prepare.Preparer.defaults() : dev.lede.prepare.Preparer.builder().withoutEntities().build();
    dev.lede.IndexOptions options = dev.lede.IndexOptions.defaults().withPreparer(preparer);
    double[] secs = new double[runs];
    for (int r = -warmup; r < runs; r++) {
      long t0 = System.nanoTime();
      try (dev.lede.NewsIndex idx = dev.lede.NewsIndex.open(tempDir(), options)) {
        for (Article a : articles) {
          idx.upsert(a);
        }
        idx.commit();
      }
      if (r >= 0) {
        secs[r] = (System.nanoTime() - t0) / 1e9;
      }
    }
    Arrays.sort(secs);
    System.out.printf(
        Locale.ROOT,
        "indexing %-17s %7.0f articles/s (median of %d, one thread, on disk, commit included)%n",
        withEntities ? "with extraction:" : "without:", articles.size() / secs[runs / 2], runs);
  }

  private static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("lede-entity-bench");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static void main(String[] args) {
    Path input = Path.of("../shared/corpora/bbc/bbc.jsonl.gz");
    int warmup = 2;
    int runs = 5;
    String approach = "all";
    boolean index = false;
    boolean digest = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--input" -> input = Path.of(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--approach" -> approach = args[++i];
        case "--index" -> index = true;
        case "--digest" -> digest = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (!Files.exists(input)) {
      System.err.println("skipped: " + input + " is not here");
      return;
    }
    List<Article> articles = new ArrayList<>(EntityEval.readCorpus(input).values().stream().distinct().toList());
    long chars = 0;
    for (Article a : articles) {
      chars += EntityExtractor.textOf(a).length();
    }
    System.out.printf(Locale.ROOT, "input: %s, %d articles, %.1f MB of text%n", input, articles.size(), chars / 1e6);
    if (digest) {
      // One hash of every entity extracted from the corpus, to show a change to the code left the output alone.
      EntityExtractor ex = EntityExtractor.of(EntityExtractor.Approach.RULES, Gazetteer.builtIn());
      long h = 1;
      long n = 0;
      for (Article art : articles) {
        for (dev.lede.article.Entity e : ex.extract(art)) {
          h = h * 31 + e.toString().hashCode();
          n++;
        }
      }
      System.out.printf(Locale.ROOT, "digest of %d entities: %016x%n", n, h);
      return;
    }
    if (index) {
      // Bringing no entities of their own, every article goes through extraction in the default pipeline.
      List<Article> bare = articles.stream().map(x -> x.withEntities(List.of())).toList();
      for (boolean withEntities : new boolean[] {false, true, false, true}) {
        indexOnce(bare, withEntities, warmup, runs);
      }
      return;
    }
    for (EntityExtractor.Approach a : EntityExtractor.Approach.values()) {
      if (!approach.equals("all") && !approach.equalsIgnoreCase(a.name())) {
        continue;
      }
      EntityExtractor ex = EntityExtractor.of(a, Gazetteer.builtIn());
      long sink = 0;
      for (int w = 0; w < warmup; w++) {
        for (Article art : articles) {
          sink += ex.extract(art).size();
        }
      }
      double[] secs = new double[runs];
      double[] cpu = new double[runs];
      java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
      for (int r = 0; r < runs; r++) {
        long t0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        for (Article art : articles) {
          sink += ex.extract(art).size();
        }
        secs[r] = (System.nanoTime() - t0) / 1e9;
        cpu[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
      }
      Arrays.sort(secs);
      Arrays.sort(cpu);
      double median = secs[runs / 2];
      double medianCpu = cpu[runs / 2];
      // CPU time is printed beside wall time: on a shared machine it is the steadier of the two.
      System.out.printf(
          Locale.ROOT,
          "%-10s %9.0f articles/s %7.2f MB/s wall; %9.0f articles/s per CPU-second  (median of %d, entities seen %d)%n",
          a.name().toLowerCase(Locale.ROOT), articles.size() / median, chars / 1e6 / median, articles.size() / medianCpu, runs, sink);
    }
  }
}
