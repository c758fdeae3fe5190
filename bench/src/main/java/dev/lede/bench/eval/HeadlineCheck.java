package dev.lede.bench.eval;

import dev.lede.NewsIndex;
import dev.lede.search.Hit;
import dev.lede.search.NewsQuery;
import dev.lede.search.SearchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Does pseudo-relevance feedback hurt precise news queries? Known-item search on an existing Lede
 * index: an article's own headline (7 words or more, so feedback applies) typed as the query should
 * find that article. Reports, with feedback off and on, the share of headlines whose article comes
 * first, the mean reciprocal rank within the top 10, and the in-process latency (p50, p90), the two
 * settings alternating query by query on the same warm index, otherwise with Lede's defaults (collapse
 * and highlights on, 10 hits).
 *
 * <pre>HeadlineCheck --index DIR [--queries N] [--seed S]</pre>
 */
public final class HeadlineCheck {
  private HeadlineCheck() {}

  public static void main(String[] args) {
    Path dir = null;
    int n = 500;
    long seed = 1;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--index" -> dir = Path.of(args[i + 1]);
        case "--queries" -> n = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (dir == null) {
      System.err.println("usage: HeadlineCheck --index DIR [--queries N] [--seed S]");
      System.exit(2);
    }
    try (NewsIndex index = NewsIndex.openExisting(dir)) {
      List<String> headlines = new ArrayList<>();
      NewsQuery all = NewsQuery.builder("").collapse(false).highlight(false).limit(NewsQuery.MAX_LIMIT).build();
      while (true) {
        SearchResult r = index.search(all);
        for (Hit h : r.hits()) {
          if (h.headline().strip().split("\\s+").length >= 7) {
            headlines.add(h.headline());
          }
        }
        if (r.next() == null) {
          break;
        }
        all = all.toBuilder().after(r.next()).build();
      }
      Collections.shuffle(headlines, new Random(seed));
      List<String> sample = headlines.subList(0, Math.min(n, headlines.size()));
      boolean[] modes = {false, true};
      // Warm up both paths.
      for (int i = 0; i < Math.min(100, sample.size()); i++) {
        for (boolean on : modes) {
          run(index, sample.get(i), on);
        }
      }
      double[][] nanos = new double[2][sample.size()];
      int[] first = new int[2];
      double[] rr = new double[2];
      for (int i = 0; i < sample.size(); i++) {
        for (int k = 0; k < 2; k++) {
          int m = i % 2 == 0 ? k : 1 - k; // alternate which goes first
          long t = System.nanoTime();
          SearchResult r = run(index, sample.get(i), modes[m]);
          nanos[m][i] = System.nanoTime() - t;
          int rank = rankOf(r, sample.get(i));
          if (rank == 1) {
            first[m]++;
          }
          rr[m] += rank == 0 ? 0 : 1.0 / rank;
        }
      }
      System.out.println("| feedback | headlines | found first | MRR@10 | p50 ms | p90 ms |");
      System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
      for (int m = 0; m < 2; m++) {
        double[] t = nanos[m].clone();
        Arrays.sort(t);
        System.out.println(String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.2f | %.2f |", modes[m] ? "on (default)" : "off",
            sample.size(), first[m] / (double) sample.size(), rr[m] / sample.size(), t[t.length / 2] / 1e6, t[t.length * 9 / 10] / 1e6));
      }
    }
    System.exit(0);
  }

  private static SearchResult run(NewsIndex index, String headline, boolean feedback) {
    return index.search(NewsQuery.builder(headline).feedback(feedback).limit(10).build()); // otherwise as `lede search` runs
  }

  /** The rank (1-10) of the first hit with this headline (a copy of the article counts), 0 when none. */
  private static int rankOf(SearchResult r, String headline) {
    for (int i = 0; i < r.hits().size(); i++) {
      if (r.hits().get(i).headline().equals(headline)) {
        return i + 1;
      }
    }
    return 0;
  }
}
