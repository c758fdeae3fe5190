package dev.lede.bench.index;

import dev.lede.IngestOptions;
import dev.lede.NewsIndex;
import dev.lede.article.Article;
import dev.lede.bench.index.QueryMix.BenchQuery;
import dev.lede.read.ArticleSource;
import dev.lede.search.NewsQuery;
import dev.lede.search.SearchMode;
import dev.lede.search.SortOrder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cost of semantic search (docs/semantic.md): ingest with vectors on against off, and query
 * latency of hybrid against lexical search on one index, in process, model loaded, one thread.
 *
 * <p>The articles are the benchmark's base set repeated ({@code --copies}, 3: about 60,000), each
 * cut to its first {@code --words} words (60: one chunk), so that the model's share of the ingest
 * stays within what a shared 2-core machine can afford; the cost of whole articles is measured by
 * {@code RelatedArticles --semantic} and the evaluation. Queries: the relevance-ranked kinds of the
 * query mix (words, phrase, source filter, date window, facets), each with Lede's defaults, run
 * lexical and hybrid alternately, 2 warm-up passes, then {@code --runs} timed passes; p50 of the
 * passes' percentiles.
 *
 * <p>Usage: {@code SemanticBench [--corpora DIR] [--work DIR] [--copies 3] [--words 60] [--queries 500] [--runs 3] [--threads N] [--skip-off true]}.
 * The index in {@code --work} is kept and reused by a later run.
 */
public final class SemanticBench {
  private SemanticBench() {}

  public static void main(String[] args) throws Exception {
    Path corpora = Path.of("..", "shared", "corpora");
    Path work = Path.of(System.getProperty("java.io.tmpdir"), "lede-semantic-bench");
    int copies = 3;
    int words = 60;
    int queries = 500;
    int runs = 3;
    int threads = Runtime.getRuntime().availableProcessors();
    boolean skipOff = false;
    for (int i = 0; i + 1 < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--corpora" -> corpora = Path.of(v);
        case "--work" -> work = Path.of(v);
        case "--copies" -> copies = Integer.parseInt(v);
        case "--words" -> words = Integer.parseInt(v);
        case "--queries" -> queries = Integer.parseInt(v);
        case "--runs" -> runs = Integer.parseInt(v);
        case "--threads" -> threads = Integer.parseInt(v);
        case "--skip-off" -> skipOff = Boolean.parseBoolean(v);
        default -> throw new IllegalArgumentException("unknown option: " + args[i]);
      }
    }
    NewsCorpus corpus = NewsCorpus.load(corpora);
    if (corpus == null) {
      throw new IllegalArgumentException("corpora not found in " + corpora);
    }
    int base = corpus.baseSize();
    int total = base * copies;
    final int cut = words;
    Path semantic = work.resolve("semantic-" + copies + "x" + words);
    if (!Files.exists(semantic.resolve("done"))) {
      Files.createDirectories(work);
      // Ingest cost: the whole set into an index with vectors off, then one with them on, same threads.
      List<Article> all = new ArrayList<>(total);
      for (int i = 0; i < total; i++) {
        all.add(cutBody(corpus.article(i), cut));
      }
      long distinct = all.stream().map(a -> a.headline() + "\n" + a.lead() + "\n" + a.body()).distinct().count();
      Path lexical = work.resolve("lexical-" + copies + "x" + words);
      double[] off = {Double.NaN, Double.NaN};
      if (!skipOff) {
        deleteTree(lexical);
        off = ingest(lexical, all, threads, false);
        deleteTree(lexical);
        System.out.printf("vectors off: %.1f s wall, %.1f s CPU%n", off[0], off[1]);
      }
      deleteTree(semantic);
      System.out.printf("load before: %s%n", loadAverage());
      double[] on = ingest(semantic, all, threads, true);
      System.out.printf("ingest of %d articles (%d distinct texts; %d words each at most), %d threads: vectors off %.1f s wall, %.1f s CPU; "
              + "on %.1f s wall, %.1f s CPU; extra CPU per article %.2f ms; load after %s%n",
          total, distinct, cut, threads, off[0], off[1], on[0], on[1], (on[1] - off[1]) * 1000 / total, loadAverage());
      Files.writeString(semantic.resolve("done"), "");
    }
    List<BenchQuery> mix = QueryMix.generate(corpus.base(), queries * 2, 7).stream()
        .filter(q -> q.sort() == SortOrder.RELEVANCE && !q.words().isEmpty() && q.page() == 1).limit(queries).toList();
    try (NewsIndex index = NewsIndex.openExisting(semantic)) {
      long t0 = System.nanoTime();
      index.search(NewsQuery.builder("warm up the model").mode(SearchMode.HYBRID).build());
      System.out.printf("first hybrid query in this process (model load included): %.0f ms%n", (System.nanoTime() - t0) / 1e6);
      System.out.printf("%d articles, %d queries (%s), one thread; load %s%n", index.stats().articles(), mix.size(),
          "words, phrase, source filter, date window, facets; Lede's defaults", loadAverage());
      for (int pass = 0; pass < 2; pass++) {
        time(index, mix, SearchMode.LEXICAL);
        time(index, mix, SearchMode.HYBRID);
      }
      List<double[]> lex = new ArrayList<>();
      List<double[]> hyb = new ArrayList<>();
      for (int pass = 0; pass < runs; pass++) {
        lex.add(time(index, mix, SearchMode.LEXICAL));
        hyb.add(time(index, mix, SearchMode.HYBRID));
      }
      double[] l = median(lex);
      double[] h = median(hyb);
      System.out.println("| mode | p50 ms | p90 ms | p99 ms | mean ms | process CPU ms per query |");
      System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
      System.out.printf("| lexical | %.2f | %.2f | %.2f | %.2f | %.2f |%n", l[0], l[1], l[2], l[3], l[4]);
      System.out.printf("| hybrid | %.2f | %.2f | %.2f | %.2f | %.2f |%n", h[0], h[1], h[2], h[3], h[4]);
      System.out.printf("| hybrid / lexical | %.2fx | %.2fx | %.2fx | %.2fx | %.2fx |%n", h[0] / l[0], h[1] / l[1], h[2] / l[2], h[3] / l[3],
          h[4] / l[4]);
      double[] enc = new double[mix.size()];
      dev.lede.vector.Embedder model = dev.lede.vector.Embedders.get();
      for (int i = 0; i < mix.size(); i++) {
        long s = System.nanoTime();
        model.embedQuery(mix.get(i).text());
        enc[i] = (System.nanoTime() - s) / 1e6;
      }
      Arrays.sort(enc);
      System.out.printf("query encoding alone: p50 %.2f ms, p90 %.2f ms%n", enc[enc.length / 2], enc[enc.length * 9 / 10]);
      // What one text of the set costs the model (one thread's CPU): what each copy cost before copies were reused.
      var threadsBean = ManagementFactory.getThreadMXBean();
      int texts = Math.min(1000, base);
      long c0 = threadsBean.getCurrentThreadCpuTime();
      for (int i = 0; i < texts; i++) {
        model.embedDocument(dev.lede.prepare.Vectorizer.text(cutBody(corpus.article(i), cut)), dev.lede.vector.ArticleVectors.MAX_CHUNKS);
      }
      System.out.printf("model alone on the first %d texts of the set: %.2f ms CPU per text%n", texts,
          (threadsBean.getCurrentThreadCpuTime() - c0) / 1e6 / texts);
      System.out.printf("load after: %s%n", loadAverage());
    }
  }

  private static Article cutBody(Article a, int words) {
    String[] w = a.body().strip().split("\\s+");
    if (w.length <= words) {
      return a;
    }
    return a.toBuilder().body(String.join(" ", Arrays.copyOf(w, words))).build();
  }

  /** {wall seconds, process CPU seconds} of ingesting into a new index. */
  private static double[] ingest(Path dir, List<Article> articles, int threads, boolean vectors) {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (NewsIndex index = NewsIndex.open(dir)) {
      if (vectors) {
        index.enableSemantic(threads, null);
        dev.lede.vector.Embedders.get().embedQuery("load the model before the clock starts");
      }
      long cpu = os.getProcessCpuTime();
      long wall = System.nanoTime();
      index.ingest(ArticleSource.of(articles), IngestOptions.defaults().withThreads(threads), null);
      return new double[] {(System.nanoTime() - wall) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9};
    }
  }

  /** {p50, p90, p99, mean, process CPU per query} of one pass, in ms. */
  private static double[] time(NewsIndex index, List<BenchQuery> mix, SearchMode mode) {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    double[] ms = new double[mix.size()];
    for (int i = 0; i < ms.length; i++) {
      NewsQuery q = mix.get(i).toNewsQuery(false, null).toBuilder().mode(mode).build();
      long s = System.nanoTime();
      index.search(q);
      ms[i] = (System.nanoTime() - s) / 1e6;
    }
    double perQuery = (os.getProcessCpuTime() - cpu) / 1e6 / ms.length;
    double mean = Arrays.stream(ms).average().orElse(0);
    Arrays.sort(ms);
    return new double[] {ms[ms.length / 2], ms[ms.length * 9 / 10], ms[Math.min(ms.length - 1, ms.length * 99 / 100)], mean, perQuery};
  }

  private static double[] median(List<double[]> passes) {
    double[] out = new double[5];
    for (int k = 0; k < 5; k++) {
      final int kk = k;
      double[] v = passes.stream().mapToDouble(p -> p[kk]).sorted().toArray();
      out[k] = v[v.length / 2];
    }
    return out;
  }

  private static String loadAverage() {
    return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
