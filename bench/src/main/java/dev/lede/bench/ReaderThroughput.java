package dev.lede.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.article.Article;
import dev.lede.read.ArticleInputs;
import dev.lede.read.InputFormat;
import dev.lede.read.Origin;
import dev.lede.read.ReadListener;
import dev.lede.read.ReadReport;
import dev.lede.read.Rejection;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reader throughput: how fast {@link ArticleInputs} turns files into articles, per format, on the
 * public corpora and on synthetic files large enough to show the steady state.
 *
 * <p>Each input is read untimed for {@code --warmup-seconds}, then {@code --runs} times timed; the median
 * run is printed as MB/s of uncompressed input and articles/s. The listener only counts, so the
 * numbers are the readers' own cost (decompression, UTF-8 decoding, JSON parsing, field mapping,
 * article validation and id derivation). Run from the repository root:
 *
 * <pre>
 * java -cp ... dev.lede.bench.ReaderThroughput [--corpora ../shared/corpora] [--work /tmp/lede-reader-bench]
 *     [--synthetic-mb 200] [--warmup-seconds 5] [--runs 5] [--only LABEL-PART]
 * </pre>
 */
public final class ReaderThroughput {
  private ReaderThroughput() {}

  private record Input(String label, List<Path> paths, long uncompressedBytes) {}

  private record Run(double seconds, double cpuSeconds, long articles, long rejected) {}

  public static void main(String[] args) throws IOException {
    Path corpora = Path.of("../shared/corpora");
    Path work = Path.of(System.getProperty("java.io.tmpdir"), "lede-reader-bench");
    long syntheticMb = 200;
    double warmupSeconds = 5;
    int runs = 5;
    String only = "";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpora" -> corpora = Path.of(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        case "--synthetic-mb" -> syntheticMb = Long.parseLong(args[++i]);
        case "--warmup-seconds" -> warmupSeconds = Double.parseDouble(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--only" -> only = args[++i];
        default -> {
          System.err.println("reader-throughput: unknown argument '" + args[i] + "'");
          System.exit(2);
        }
      }
    }
    Path bbc = corpora.resolve("bbc/bbc.jsonl.gz");
    Path huffpost = corpora.resolve("huffpost_news_category_v3_head");
    if (!Files.isRegularFile(bbc) || !Files.isDirectory(huffpost)) {
      System.err.println("reader-throughput: corpora not found under " + corpora.toAbsolutePath() + " (run from the repository root)");
      System.exit(2);
    }
    Files.createDirectories(work);
    List<Path> huffpostFiles;
    try (Stream<Path> s = Files.list(huffpost)) {
      huffpostFiles = s.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList();
    }

    List<Input> inputs = new ArrayList<>();
    inputs.add(new Input("bbc.jsonl.gz (JSONL+gzip)", List.of(bbc), uncompressedSize(List.of(bbc))));
    inputs.add(new Input("huffpost head (JSONL+gzip)", huffpostFiles, uncompressedSize(huffpostFiles)));
    Path synthetic = work.resolve("synthetic.jsonl");
    synthesiseJsonLines(List.of(bbc, huffpostFiles.get(0)), synthetic, syntheticMb << 20);
    inputs.add(new Input("synthetic " + syntheticMb + " MB (JSONL)", List.of(synthetic), Files.size(synthetic)));
    Path array = work.resolve("synthetic-array.json");
    synthesiseJsonArray(synthetic, array, Math.max(1, syntheticMb / 4) << 20);
    inputs.add(new Input("synthetic array (JSON)", List.of(array), Files.size(array)));
    Path posts = work.resolve("posts");
    long postBytes = synthesisePosts(bbc, posts);
    inputs.add(new Input("bbc as 2225 posts (post)", List.of(posts), postBytes));

    System.out.printf(Locale.ROOT, "java %s, %d cores, max heap %d MiB; per input %.0f s warm-up, then %d timed runs, median shown%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, warmupSeconds, runs);
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    // Wall time is what a user waits; CPU time of the reading thread is what the readers cost, and
    // stays meaningful when other work shares the machine.
    System.out.printf(Locale.ROOT, "%-30s %8s %9s %8s %11s %10s %13s %8s%n",
        "input", "MB", "articles", "MB/s", "articles/s", "MB/cpu-s", "articles/cpu-s", "rejected");
    for (Input input : inputs) {
      if (!input.label().contains(only)) {
        continue;
      }
      // Warm up by time, not by count: a small corpus read twice leaves the JIT half done.
      long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
      do {
        read(input);
      } while (System.nanoTime() < warmEnd);
      Run[] timed = new Run[runs];
      for (int i = 0; i < runs; i++) {
        timed[i] = read(input);
      }
      Arrays.sort(timed, (a, b) -> Double.compare(a.seconds(), b.seconds()));
      Run median = timed[runs / 2];
      double mb = input.uncompressedBytes() / 1e6;
      double[] cpu = Arrays.stream(timed).mapToDouble(Run::cpuSeconds).sorted().toArray();
      double cpuMedian = cpu[runs / 2];
      System.out.printf(Locale.ROOT, "%-30s %8.1f %9d %8.1f %11.0f %10.1f %13.0f %8d%n",
          input.label(), mb, median.articles(), mb / median.seconds(), median.articles() / median.seconds(),
          mb / cpuMedian, median.articles() / cpuMedian, median.rejected());
    }
    System.out.printf(Locale.ROOT, "system load average (1 min): %.2f before, %.2f after%n",
        loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static Run read(Input input) {
    long[] counts = new long[3];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    ReadReport report =
        ArticleInputs.read(
            input.paths(),
            InputFormat.AUTO,
            new ReadListener() {
              @Override
              public void article(Article article, Origin origin) {
                counts[0]++;
                counts[2] += article.headline().length(); // keeps the work observable
              }

              @Override
              public void rejected(Rejection rejection) {
                counts[1]++;
              }
            });
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    if (report.articles() != counts[0] || counts[2] == 0) {
      throw new IllegalStateException("report and listener disagree: " + report);
    }
    return new Run(seconds, cpuSeconds, counts[0], counts[1]);
  }

  private static long uncompressedSize(List<Path> files) throws IOException {
    long n = 0;
    for (Path f : files) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(f), 1 << 16)) {
        n += in.transferTo(OutputStream.nullOutputStream());
      }
    }
    return n;
  }

  /** Repeats the corpora's records with new ids (so every line is a distinct article) up to a size. */
  private static void synthesiseJsonLines(List<Path> sources, Path target, long bytes) throws IOException {
    if (Files.isRegularFile(target) && Files.size(target) >= bytes) {
      return;
    }
    ObjectMapper mapper = new ObjectMapper();
    List<ObjectNode> records = new ArrayList<>();
    for (Path source : sources) {
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(source)), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          records.add((ObjectNode) mapper.readTree(line));
        }
      }
    }
    long written = 0;
    long n = 0;
    try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      while (written < bytes) {
        ObjectNode record = records.get((int) (n % records.size())).deepCopy();
        record.remove("link"); // a url would be the id's key; the synthetic id replaces both
        record.put("id", "syn-" + n++);
        String line = mapper.writeValueAsString(record) + "\n";
        w.write(line);
        written += line.getBytes(StandardCharsets.UTF_8).length;
      }
    }
  }

  /** The first records of the synthetic JSON Lines file as one pretty-printed JSON array. */
  private static void synthesiseJsonArray(Path jsonLines, Path target, long bytes) throws IOException {
    if (Files.isRegularFile(target) && Files.size(target) >= bytes) {
      return;
    }
    ObjectMapper mapper = new ObjectMapper();
    long written = 0;
    try (BufferedReader r = Files.newBufferedReader(jsonLines, StandardCharsets.UTF_8);
        BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      w.write("[\n");
      boolean first = true;
      for (String line = r.readLine(); line != null && written < bytes; line = r.readLine()) {
        String pretty = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(line));
        if (!first) {
          w.write(",\n");
        }
        first = false;
        w.write(pretty);
        written += pretty.length() + 2;
      }
      w.write("\n]\n");
    }
  }

  /** Writes each BBC article as a scraped post (headline, counter, id, paragraphs, source line, footer). */
  private static long synthesisePosts(Path bbc, Path dir) throws IOException {
    Files.createDirectories(dir);
    ObjectMapper mapper = new ObjectMapper();
    long total = 0;
    int n = 0;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(bbc)), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        JsonNode a = mapper.readTree(line);
        String post =
            a.get("headline").asText() + "\n\n" + n + "\n"
                + String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", n) + "\n\n"
                + a.get("body").asText() + "\n\nOriginal Source: www.bbc.co.uk\n\nLeave a Reply\n\n"
                + "Your email address will not be published. Required fields are marked *\n";
        Path file = dir.resolve(String.format(Locale.ROOT, "%05d.txt", n++));
        if (!Files.isRegularFile(file)) {
          Files.writeString(file, post, StandardCharsets.UTF_8);
        }
        total += Files.size(file);
      }
    }
    return total;
  }
}
