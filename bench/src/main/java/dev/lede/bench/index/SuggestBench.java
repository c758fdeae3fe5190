package dev.lede.bench.index;

import dev.lede.IndexOptions;
import dev.lede.NewsIndex;
import dev.lede.search.SearchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Suggestion latency, in process, on an existing index: prefixes of 2 to 6 letters cut from words of
 * the index's own headlines (seeded), after a warm-up pass; prints p50, p90 and p99 in ms.
 *
 * <p>Usage: {@code java -cp ... dev.lede.bench.index.SuggestBench INDEX_DIR [prefixes=1000]}
 */
public final class SuggestBench {
  private SuggestBench() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    try (NewsIndex index = NewsIndex.openExisting(dir, IndexOptions.defaults().withReadOnly(true))) {
      List<String> prefixes = prefixes(index, n, new Random(7));
      for (String p : prefixes) {
        index.suggest(p, 10); // warm-up
      }
      double[] ms = new double[prefixes.size()];
      for (int i = 0; i < ms.length; i++) {
        long t = System.nanoTime();
        index.suggest(prefixes.get(i), 10);
        ms[i] = (System.nanoTime() - t) / 1e6;
      }
      Arrays.sort(ms);
      System.out.printf("%d prefixes on %d articles: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n", ms.length,
          index.stats().articles(), ms[ms.length / 2], ms[ms.length * 9 / 10], ms[ms.length * 99 / 100]);
    }
  }

  private static List<String> prefixes(NewsIndex index, int n, Random random) {
    SearchResult r = index.search(dev.lede.search.NewsQuery.builder("").limit(500).collapse(false).highlight(false).build());
    List<String> words = new ArrayList<>();
    r.hits().forEach(h -> words.addAll(Arrays.stream(h.headline().split("[^\\p{L}]+")).filter(w -> w.length() >= 3).toList()));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n && !words.isEmpty(); i++) {
      String w = words.get(random.nextInt(words.size()));
      out.add(w.substring(0, Math.min(w.length(), 2 + random.nextInt(5))).toLowerCase(java.util.Locale.ROOT));
    }
    return out;
  }
}
