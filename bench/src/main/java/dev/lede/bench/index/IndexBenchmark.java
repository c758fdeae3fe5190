package dev.lede.bench.index;

import dev.lede.bench.index.QueryBench.Pass;
import dev.lede.bench.index.QueryBench.Side;
import dev.lede.bench.index.QueryMix.BenchQuery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * Lede against a raw-Lucene baseline, in one run on the same data: ingest speed (entities off and
 * on, 1 and 2 threads), index size, reindex, query latency over a seeded
 * mix, and peak heap when 200,000 articles are indexed with {@code -Xmx512m}. Prints the tables of
 * docs/benchmarks.md. Run from the repository root (see that page for the command):
 *
 * <pre>
 * IndexBenchmark [--quick] [--large | --large-only | --query-only [--lede-index DIR --raw-index DIR --label L]] [--corpora ../shared/corpora] [--work DIR]
 *     [--runs 3] [--copies 10] [--queries 1000] [--seed 7] [--heap-mb 512]
 * </pre>
 *
 * <p>By default only the base set (the corpora as they are) is measured. {@code --large} adds the
 * large set, {@code --large-only} measures nothing else; {@code --query-only} times the query mix on
 * the base-set indexes an earlier run left in the work directory. The large set is {@code --copies} copies of the corpora (distinct ids, dates moved back 61 days
 * per copy); each of its ingests runs in a child JVM with {@code -Xmx<heap-mb>m} so that its peak
 * heap is its own. {@code --quick}: one run, 2 copies, for a check in a few minutes.
 */
public final class IndexBenchmark {
  private IndexBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    Path corpora = Path.of("../shared/corpora");
    Path work = Path.of(System.getProperty("java.io.tmpdir"), "lede-index-bench");
    int runs = 3;
    int copies = 10;
    int queries = 1000;
    long seed = 7;
    int heapMb = 512;
    boolean base = true;
    boolean large = false;
    boolean queryOnly = false;
    Path ledeIndex = null;
    Path rawIndex = null;
    String queryLabel = "base set";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> {
          runs = 1;
          copies = 2;
        }
        case "--corpora" -> corpora = Path.of(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--copies" -> copies = Integer.parseInt(args[++i]);
        case "--queries" -> queries = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--heap-mb" -> heapMb = Integer.parseInt(args[++i]);
        case "--large" -> large = true;
        case "--query-only" -> {
          queryOnly = true;
          base = false;
        }
        case "--lede-index" -> ledeIndex = Path.of(args[++i]);
        case "--raw-index" -> rawIndex = Path.of(args[++i]);
        case "--label" -> queryLabel = args[++i];
        case "--large-only" -> {
          large = true;
          base = false;
        }
        default -> {
          System.err.println("index-benchmark: unknown argument '" + args[i] + "'");
          System.exit(2);
        }
      }
    }
    NewsCorpus corpus = NewsCorpus.load(corpora);
    if (corpus == null) {
      System.err.println("index-benchmark: skipped, corpora not found under " + corpora.toAbsolutePath() + " (run from the repository root)");
      return;
    }
    Files.createDirectories(work);
    long started = System.nanoTime();
    printMachine();
    System.out.printf(Locale.ROOT, "base set: %,d articles (bbc + huffpost head + ag_news test), %.1f MB of text%n",
        corpus.baseSize(), corpus.baseTextBytes() / 1e6);
    List<BenchQuery> mix = QueryMix.generate(corpus.base(), queries, seed);
    if (base) {
      base(corpus, mix, work, runs);
    }
    if (queryOnly) {
      // the indexes a previous run left: for trying a change to the search path alone
      queryTable(queryLabel, mix, ledeIndex == null ? work.resolve("lede-2") : ledeIndex,
          rawIndex == null ? work.resolve("baseline-2") : rawIndex, runs);
    }
    if (large) {
      large(corpus, corpora, copies, heapMb, work, mix, runs);
    }
    System.out.printf(Locale.ROOT, "%nwhole run: %.0f s; load average (1 min) at the end: %.2f%n",
        (System.nanoTime() - started) / 1e9, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static void base(NewsCorpus corpus, List<BenchQuery> mix, Path work, int runs) {
    int n = corpus.baseSize();
    List<Ingest.Result> results = new ArrayList<>();
    // Every system at 1 and 2 threads, runs interleaved so that a busy minute on the machine hits
    // all of them alike.
    warmUp(corpus, work);
    for (int r = 0; r < runs; r++) {
      for (int threads : new int[] {1, 2}) {
        for (Ingest.System system : Ingest.System.values()) {
          Path dir = work.resolve(system.name().toLowerCase(Locale.ROOT) + "-" + threads);
          Ingest.Result result = Ingest.run(system, corpus, n, threads, dir);
          results.add(result);
          System.out.printf(Locale.ROOT, "  run %d: %-20s %d thread(s): %6.1f s, %6.0f articles/s, cpu %6.1f s%n",
              r + 1, system.label, threads, result.seconds(), result.articlesPerSecond(), result.cpuSeconds());
        }
      }
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "### Ingest, base set (%,d articles, %.1f MB of text), median of %d run(s)%n%n", n, corpus.baseTextBytes() / 1e6, runs);
    System.out.println("| system | threads | articles/s | MB/s | CPU-s per 1k articles | Lede/baseline (articles/s) | index bytes/article |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
    for (int threads : new int[] {1, 2}) {
      double base = median(results, Ingest.System.BASELINE, threads, Ingest.Result::articlesPerSecond);
      for (Ingest.System system : Ingest.System.values()) {
        double aps = median(results, system, threads, Ingest.Result::articlesPerSecond);
        System.out.printf(Locale.ROOT, "| %s | %d | %,.0f | %.2f | %.2f | %s | %,.0f |%n", system.label, threads, aps,
            median(results, system, threads, Ingest.Result::mbPerSecond),
            median(results, system, threads, x -> x.cpuSeconds() * 1000 / x.articles()),
            system == Ingest.System.BASELINE ? "1" : String.format(Locale.ROOT, "%.2fx", aps / base),
            median(results, system, threads, Ingest.Result::bytesPerArticle));
      }
    }

    // reindex of the Lede index (entities off, 2 threads) from its stored originals, against its first ingest
    List<Double> reindexed = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      Ingest.Result re = Ingest.reindex(work.resolve("lede-2"), n, corpus.textBytes(n), 2);
      reindexed.add(re.seconds());
      System.out.printf(Locale.ROOT, "  run %d: NewsIndex.reindex, 2 threads: %6.1f s, cpu %6.1f s%n", r + 1, re.seconds(), re.cpuSeconds());
    }
    double first = median(results, Ingest.System.LEDE, 2, Ingest.Result::seconds);
    double again = medianList(reindexed);
    System.out.printf(Locale.ROOT, "%nNewsIndex.reindex, Lede entities off, 2 threads: %.1f s against %.1f s for the first ingest (%.2fx)%n",
        again, first, again / first);
    queryTable("base set", mix, work.resolve("lede-2"), work.resolve("baseline-2"), runs);
  }

  /** One untimed ingest per system, so that the first timed run does not pay for the JIT. */
  private static void warmUp(NewsCorpus corpus, Path work) {
    int n = Math.min(corpus.baseSize(), 3000);
    for (Ingest.System system : Ingest.System.values()) {
      Path dir = work.resolve("warm-up");
      Ingest.run(system, corpus, n, 2, dir);
      Ingest.delete(dir);
    }
  }

  private static void large(NewsCorpus corpus, Path corpora, int copies, int heapMb, Path work, List<BenchQuery> mix, int runs) throws Exception {
    int count = corpus.baseSize() * copies;
    System.out.printf(Locale.ROOT, "%n### Large set: %,d articles = %d copies of the base set (distinct ids, dates moved back 61 days per copy), %.0f MB of text%n%n",
        count, copies, corpus.textBytes(count) / 1e6);
    System.out.printf(Locale.ROOT, "Each row is one child JVM with -Xmx%dm, 2 threads, one run.%n%n", heapMb);
    Path rawDir = work.resolve("large-baseline");
    Path ledeDir = work.resolve("large-lede");
    Map<String, String> raw = spawn(heapMb, "ingest", "BASELINE", Integer.toString(count), "2", rawDir.toString(), corpora.toString());
    Map<String, String> lede = spawn(heapMb, "ingest", "LEDE", Integer.toString(count), "2", ledeDir.toString(), corpora.toString());
    Map<String, String> re = spawn(heapMb, "reindex", ledeDir.toString(), Integer.toString(count), "2", corpora.toString());
    System.out.println("| step | seconds | articles/s | MB/s | Lede/baseline | index bytes/article | peak heap used (MB) | max heap after GC (MB) | max RSS (MB) |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    double baseRate = Double.parseDouble(raw.get("articlesPerSecond"));
    for (var row : List.of(Map.entry("raw Lucene ingest", raw), Map.entry("Lede ingest, entities off", lede),
        Map.entry("Lede NewsIndex.reindex", re))) {
      Map<String, String> m = row.getValue();
      double rate = Double.parseDouble(m.get("articlesPerSecond"));
      System.out.printf(Locale.ROOT, "| %s | %.1f | %,.0f | %.2f | %s | %,.0f | %s | %s | %s |%n", row.getKey(),
          Double.parseDouble(m.get("seconds")), rate, Double.parseDouble(m.get("mbPerSecond")),
          row.getValue() == raw ? "1" : String.format(Locale.ROOT, "%.2fx", rate / baseRate),
          Double.parseDouble(m.get("bytesPerArticle")), m.get("peakHeapMb"), m.get("afterGcMb"), m.getOrDefault("maxRssMb", "n/a"));
    }
    System.out.printf(Locale.ROOT, "%nreindex / first ingest (Lede): %.2f%n",
        Double.parseDouble(re.get("seconds")) / Double.parseDouble(lede.get("seconds")));
    queryTable("large set", mix, ledeDir, rawDir, runs);
  }

  private static void queryTable(String label, List<BenchQuery> mix, Path ledeDir, Path rawDir, int runs) {
    Map<Side, List<Pass>> passes = new EnumMap<>(Side.class);
    Map<Side, List<Pass>> cpuPasses = new EnumMap<>(Side.class);
    Map<QueryMix.Kind, Map<Side, List<Double>>> byKind = new EnumMap<>(QueryMix.Kind.class);
    QueryBench.Agreement agreement;
    try (QueryBench bench = new QueryBench(ledeDir, rawDir, mix)) {
      agreement = bench.agreement();
      for (Side side : Side.values()) {
        bench.pass(side); // warm-up
        bench.pass(side);
      }
      // at least 3 timed passes: a pass is a few seconds, and one pass alone is at the mercy of the machine
      for (int r = 0; r < Math.max(3, runs); r++) {
        for (Side side : Side.values()) {
          long[] nanos = bench.pass(side);
          passes.computeIfAbsent(side, s -> new ArrayList<>()).add(QueryBench.percentiles(nanos));
          cpuPasses.computeIfAbsent(side, s -> new ArrayList<>()).add(QueryBench.percentiles(bench.lastCpuNanos));
          for (int i = 0; i < mix.size(); i++) {
            byKind.computeIfAbsent(mix.get(i).kind(), k -> new EnumMap<>(Side.class))
                .computeIfAbsent(side, s -> new ArrayList<>()).add(nanos[i] / 1e6);
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "%n### Query latency, %s: %d queries, one thread, median over %d timed passes (after 2 warm-up passes)%n%n",
        label, mix.size(), Math.max(3, runs));
    System.out.printf(Locale.ROOT, "Agreement of Lede (same work) and raw Lucene: same total %d/%d, same page of ids %d/%d, same facets %d/%d%n%n",
        agreement.sameTotal(), agreement.queries(), agreement.samePage(), agreement.queries(), agreement.sameFacets(), agreement.queries());
    System.out.println("| side | p50 ms | p90 ms | p99 ms | mean ms | p50 Lede/raw | p99 Lede/raw |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
    double rawP50 = medianOf(passes.get(Side.RAW), Pass::p50);
    double rawP99 = medianOf(passes.get(Side.RAW), Pass::p99);
    for (Side side : Side.values()) {
      List<Pass> p = passes.get(side);
      double p50 = medianOf(p, Pass::p50);
      double p99 = medianOf(p, Pass::p99);
      System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %s | %s |%n", side.label, p50, medianOf(p, Pass::p90), p99,
          medianOf(p, Pass::mean), side == Side.RAW ? "1" : String.format(Locale.ROOT, "%.2fx", p50 / rawP50),
          side == Side.RAW ? "1" : String.format(Locale.ROOT, "%.2fx", p99 / rawP99));
    }
    System.out.println();
    System.out.println("CPU time of the searching thread (steadier than wall time when the machine is shared):");
    System.out.println();
    System.out.println("| side | CPU p50 ms | CPU p90 ms | CPU mean ms | CPU p50 Lede/raw |");
    System.out.println("| --- | --- | --- | --- | --- |");
    double rawCpu = medianOf(cpuPasses.get(Side.RAW), Pass::p50);
    for (Side side : Side.values()) {
      List<Pass> p = cpuPasses.get(side);
      double p50 = medianOf(p, Pass::p50);
      System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %s |%n", side.label, p50, medianOf(p, Pass::p90), medianOf(p, Pass::mean),
          side == Side.RAW ? "1" : String.format(Locale.ROOT, "%.2fx", p50 / rawCpu));
    }
    System.out.println();
    System.out.println("| kind | queries | raw p50 ms | Lede (same work) p50 ms | Lede defaults p50 ms | Lede/raw |");
    System.out.println("| --- | --- | --- | --- | --- | --- |");
    int passCount = Math.max(3, runs);
    byKind.forEach((kind, sides) -> {
      double r = medianList(sides.get(Side.RAW));
      double l = medianList(sides.get(Side.LEDE));
      System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2fx |%n", kind.name().toLowerCase(Locale.ROOT).replace('_', ' '),
          sides.get(Side.RAW).size() / passCount, r, l, medianList(sides.get(Side.LEDE_DEFAULTS)), l / r);
    });
  }

  // --- the child JVM: one large ingest or re-ingest, with its peak heap ---

  private static Map<String, String> spawn(int heapMb, String... args) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    boolean time = Files.isExecutable(Path.of("/usr/bin/time"));
    if (time) {
      command.addAll(List.of("/usr/bin/time", "-v"));
    }
    command.addAll(List.of(java, "-Xmx" + heapMb + "m", "-cp", System.getProperty("java.class.path"), IndexBenchmark.class.getName(), "--child"));
    command.addAll(List.of(args));
    Path err = Files.createTempFile("lede-bench-child", ".err");
    Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
    Map<String, String> result = new LinkedHashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("RESULT ")) {
          for (String kv : line.substring(7).split(" ")) {
            int eq = kv.indexOf('=');
            result.put(kv.substring(0, eq), kv.substring(eq + 1));
          }
        }
      }
    }
    int exit = p.waitFor();
    List<String> errLines = Files.readAllLines(err, StandardCharsets.UTF_8);
    Files.delete(err);
    for (String line : errLines) {
      String s = line.strip();
      if (s.startsWith("Maximum resident set size (kbytes):")) {
        result.put("maxRssMb", Long.toString(Long.parseLong(s.substring(s.indexOf(':') + 1).strip()) / 1024));
      }
    }
    if (exit != 0 || !result.containsKey("seconds")) {
      throw new IllegalStateException("child " + String.join(" ", args) + " failed (exit " + exit + "):\n"
          + String.join("\n", errLines.subList(0, Math.min(40, errLines.size()))));
    }
    return result;
  }

  private static void child(String[] args) {
    HeapWatch watch = HeapWatch.start();
    Ingest.Result r;
    if (args[0].equals("ingest")) {
      NewsCorpus corpus = Objects.requireNonNull(NewsCorpus.load(Path.of(args[5])), "corpora");
      r = Ingest.run(Ingest.System.valueOf(args[1]), corpus, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
    } else {
      if (args.length == 4) { // from to threads: the re-ingest measured before reindex existed
        r = Ingest.reindexFromStored(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
      } else { // dir articles threads corpora
        NewsCorpus corpus = Objects.requireNonNull(NewsCorpus.load(Path.of(args[4])), "corpora");
        int count = Integer.parseInt(args[2]);
        r = Ingest.reindex(Path.of(args[1]), count, corpus.textBytes(count), Integer.parseInt(args[3]));
      }
    }
    watch.stop();
    System.out.printf(Locale.ROOT, "RESULT seconds=%.2f articlesPerSecond=%.1f mbPerSecond=%.3f bytesPerArticle=%.1f peakHeapMb=%d afterGcMb=%d%n",
        r.seconds(), r.articlesPerSecond(), r.mbPerSecond(), r.bytesPerArticle(), watch.peakUsed() >> 20, watch.peakAfterGc() >> 20);
  }

  /**
   * Samples heap use every 10 ms: the highest use seen (garbage included, what -Xmx must allow)
   * and the highest use left after a collection (what the program really holds).
   */
  private static final class HeapWatch {
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;

    static HeapWatch start() {
      HeapWatch w = new HeapWatch();
      w.thread = Thread.ofPlatform().daemon().start(w::loop);
      return w;
    }

    private void loop() {
      List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
      while (running) {
        sample(heap);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
      sample(heap);
    }

    private void sample(List<MemoryPoolMXBean> heap) {
      peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
      long after = 0;
      for (MemoryPoolMXBean p : heap) {
        if (p.getCollectionUsage() != null) {
          after += p.getCollectionUsage().getUsed();
        }
      }
      peakAfterGc.accumulateAndGet(after, Math::max);
    }

    void stop() {
      running = false;
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    long peakUsed() {
      return peakUsed.get();
    }

    long peakAfterGc() {
      return peakAfterGc.get();
    }
  }

  // --- helpers ---

  private static void printMachine() {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.out.printf(Locale.ROOT, "machine: %d cores, %.1f GB memory, %s %s; JDK %s (%s); max heap %d MB; load average (1 min) %.2f%n",
        Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / 1e9, System.getProperty("os.name"), System.getProperty("os.arch"),
        System.getProperty("java.version"), System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() >> 20, os.getSystemLoadAverage());
  }

  private static double median(List<Ingest.Result> results, Ingest.System system, int threads, ToDoubleFunction<Ingest.Result> f) {
    return medianOfDoubles(results.stream().filter(r -> r.system() == system && r.threads() == threads).mapToDouble(f).toArray());
  }

  private static double medianOf(List<Pass> passes, ToDoubleFunction<Pass> f) {
    return medianOfDoubles(passes.stream().mapToDouble(f).toArray());
  }

  private static double medianList(List<Double> values) {
    return medianOfDoubles(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static double medianOfDoubles(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
