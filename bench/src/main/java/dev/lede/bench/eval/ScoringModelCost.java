package dev.lede.bench.eval;

import dev.lede.IndexOptions;
import dev.lede.NewsIndex;
import dev.lede.search.NewsQuery;
import dev.lede.search.Ranking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a scoring model costs a query, in one process: the same index opened twice (two copies of
 * one directory, as an index is opened by one process at a time), one with BM25 and one with DFR,
 * each query run on both in turn, the order alternating, Lede's defaults otherwise (10 hits,
 * collapse and highlights on). Prints p50 and p90 of each and their ratio.
 *
 * <pre>ScoringModelCost --bm25 DIR --dfr COPY --queries FILE [--rounds N]</pre>
 */
public final class ScoringModelCost {
  private ScoringModelCost() {}

  public static void main(String[] args) throws IOException {
    Path bm25Dir = null;
    Path dfrDir = null;
    Path queryFile = null;
    int rounds = 5;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--bm25" -> bm25Dir = Path.of(args[i + 1]);
        case "--dfr" -> dfrDir = Path.of(args[i + 1]);
        case "--queries" -> queryFile = Path.of(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (bm25Dir == null || dfrDir == null || queryFile == null) {
      System.err.println("usage: ScoringModelCost --bm25 DIR --dfr COPY --queries FILE [--rounds N]");
      System.exit(2);
    }
    List<String> queries = Files.readAllLines(queryFile).stream().filter(q -> !q.isBlank()).toList();
    Ranking dfr = Ranking.defaults().withModel(Ranking.Model.DFR);
    Ranking bm25 = Ranking.defaults().withModel(Ranking.Model.BM25);
    try (NewsIndex a = NewsIndex.openExisting(bm25Dir, IndexOptions.defaults().withRanking(bm25));
        NewsIndex b = NewsIndex.openExisting(dfrDir, IndexOptions.defaults().withRanking(dfr))) {
      NewsIndex[] indexes = {a, b};
      for (String q : queries) { // warm-up round
        for (NewsIndex ix : indexes) {
          ix.search(NewsQuery.builder(q).build());
        }
      }
      // Known items: a query that is some article's whole headline should find that article first.
      int[] first = new int[2];
      for (String q : queries) {
        for (int m = 0; m < 2; m++) {
          var hits = indexes[m].search(NewsQuery.builder(q).collapse(false).build()).hits();
          if (!hits.isEmpty() && hits.get(0).headline().strip().equals(q.strip())) {
            first[m]++;
          }
        }
      }
      System.out.printf(Locale.ROOT, "query is hit 1's headline: bm25 %d, dfr %d of %d%n", first[0], first[1], queries.size());
      double[][] nanos = new double[2][queries.size() * rounds];
      int n = 0;
      for (int r = 0; r < rounds; r++) {
        for (String q : queries) {
          NewsQuery nq = NewsQuery.builder(q).build();
          for (int k = 0; k < 2; k++) {
            int m = n % 2 == 0 ? k : 1 - k;
            long t = System.nanoTime();
            indexes[m].search(nq);
            nanos[m][n] = System.nanoTime() - t;
          }
          n++;
        }
      }
      String[] names = {"bm25", "dfr"};
      double[] p50 = new double[2];
      for (int m = 0; m < 2; m++) {
        double[] s = nanos[m].clone();
        Arrays.sort(s);
        p50[m] = s[s.length / 2] / 1e6;
        System.out.printf(Locale.ROOT, "%s: p50 %.2f ms, p90 %.2f ms, mean %.2f ms over %d queries x %d rounds%n", names[m],
            p50[m], s[(int) (s.length * 0.9)] / 1e6, Arrays.stream(s).average().orElse(0) / 1e6, queries.size(), rounds);
      }
      System.out.printf(Locale.ROOT, "dfr / bm25 p50: %.2fx%n", p50[1] / p50[0]);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
