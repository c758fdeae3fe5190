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
 *     [--warmup 2] [--runs 5] [--approach all|rules|opennlp|combined]
 * </pre>
 */
public final class EntityThroughput {
  private EntityThroughput() {}

  public static void main(String[] args) {
    Path input = Path.of("../shared/corpora/bbc/bbc.jsonl.gz");
    int warmup = 2;
    int runs = 5;
    String approach = "all";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--input" -> input = Path.of(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--approach" -> approach = args[++i];
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
