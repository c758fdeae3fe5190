import dev.lede.IndexOptions;
import dev.lede.NewsIndex;
import dev.lede.search.NewsQuery;
import dev.lede.search.SearchResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What story collapse costs a search, in one JVM: every query three ways, one after the other, for
 * ROUNDS rounds after three warm-up rounds: "plain" (no collapse, no highlights), "collapse"
 * (collapse only) and "defaults" (collapse and highlights, what a user gets). Prints p50 and p90
 * latency of each and the ratio of collapse to plain, and the same of the CPU time the searching
 * thread used (a search runs on the caller's thread): on a machine shared with other work, waiting
 * for a core inflates wall times and squeezes their ratios, while CPU time barely moves.
 *
 * <p>Run as a source file on the CLI's class path (see docs/benchmarks.md, issue 17):
 * {@code java -cp "$(ls cli/target/lib/*.jar | tr '\n' :)" bench/scripts/CollapseCost.java INDEX QUERIES ROUNDS LABEL}
 */
public class CollapseCost {
  public static void main(String[] args) throws Exception {
    Path indexDir = Path.of(args[0]);
    List<String> queries = Files.readAllLines(Path.of(args[1]));
    int rounds = Integer.parseInt(args[2]);
    String label = args.length > 3 ? args[3] : "";
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    Map<String, List<Double>> cpuMillis = new LinkedHashMap<>();
    for (String mode : List.of("plain", "collapse", "defaults")) {
      millis.put(mode, new ArrayList<>());
      cpuMillis.put(mode, new ArrayList<>());
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long collapsing = 0;
    try (NewsIndex index = NewsIndex.openExisting(indexDir, IndexOptions.defaults().withReadOnly(true))) {
      for (int r = 0; r < rounds + 3; r++) {
        for (String q : queries) {
          for (String mode : millis.keySet()) {
            NewsQuery query = NewsQuery.builder(q).limit(10).collapse(!mode.equals("plain")).highlight(mode.equals("defaults")).build();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            SearchResult result = index.search(query);
            long end = System.nanoTime();
            long cpuEnd = threads.getCurrentThreadCpuTime();
            if (r >= 3) {
              millis.get(mode).add((end - start) / 1e6);
              cpuMillis.get(mode).add((cpuEnd - cpuStart) / 1e6);
            } else if (r == 0 && mode.equals("collapse")) {
              collapsing += result.hits().stream().filter(h -> h.collapsedCount() > 0).count();
            }
          }
        }
      }
    }
    print(label, "wall", millis);
    print(label, "cpu", cpuMillis);
    System.out.printf("%s\t%d hits of %d queries stand for a story of several%n", label, collapsing, queries.size());
  }

  private static void print(String label, String what, Map<String, List<Double>> millis) {
    double plain = 0;
    for (Map.Entry<String, List<Double>> e : millis.entrySet()) {
      List<Double> v = e.getValue();
      Collections.sort(v);
      double p50 = v.get(v.size() / 2);
      if (e.getKey().equals("plain")) {
        plain = p50;
      }
      System.out.printf("%s\t%-4s\t%-8s\tp50 %.3f ms (%.2fx plain)\tp90 %.3f ms\tn=%d%n", label, what, e.getKey(), p50, p50 / plain,
          v.get(v.size() * 9 / 10), v.size());
    }
  }
}
