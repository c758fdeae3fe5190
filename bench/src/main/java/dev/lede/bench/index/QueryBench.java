package dev.lede.bench.index;

import dev.lede.NewsIndex;
import dev.lede.bench.index.QueryMix.BenchQuery;
import dev.lede.search.Facet;
import dev.lede.search.FacetCount;
import dev.lede.search.Hit;
import dev.lede.search.NewsQuery;
import dev.lede.search.SearchResult;
import dev.lede.search.Ranking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;

/**
 * Query latency over one query mix, one thread, on a Lede index and on the raw-Lucene index of the
 * same articles: Lede as run with collapse and highlighting off (what the raw side does too), Lede
 * with its defaults (collapse and highlighting on), and the hand-built raw query.
 */
final class QueryBench implements AutoCloseable {
  /** Which side runs the mix. */
  enum Side {
    RAW("raw Lucene"),
    LEDE("Lede, same work"),
    LEDE_DEFAULTS("Lede, defaults");

    final String label;

    Side(String label) {
      this.label = label;
    }
  }

  /** Latency percentiles of one pass over the mix, in milliseconds. */
  record Pass(double p50, double p90, double p99, double mean) {}

  /** How far the two sides agree, over the whole mix. */
  record Agreement(int queries, int sameTotal, int samePage, int sameFacets) {}

  private final NewsIndex lede;
  private final FSDirectory rawDir;
  private final DirectoryReader rawReader;
  private final IndexSearcher raw;
  private final BaselineSearch baseline = new BaselineSearch();
  private final List<BenchQuery> mix;
  private final String[] ledeCursor;
  private final String[] defaultsCursor;
  private final FieldDoc[] rawAfter;

  QueryBench(Path ledeIndex, Path rawIndex, List<BenchQuery> mix) {
    this.mix = mix;
    this.lede = NewsIndex.open(ledeIndex, Ingest.options(Ingest.System.LEDE));
    try {
      rawDir = FSDirectory.open(rawIndex);
      rawReader = DirectoryReader.open(rawDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    raw = new IndexSearcher(rawReader);
    Ranking r = Ranking.defaults();
    raw.setSimilarity(new BM25Similarity(r.k1(), r.b()));
    ledeCursor = new String[mix.size()];
    defaultsCursor = new String[mix.size()];
    rawAfter = new FieldDoc[mix.size()];
    for (int i = 0; i < mix.size(); i++) {
      BenchQuery q = mix.get(i);
      if (q.page() > 1) {
        // A query with fewer pages than asked stops at its last page, on both sides alike.
        int[] reached = new int[1];
        ledeCursor[i] = cursorOf(q, true, reached);
        defaultsCursor[i] = cursorOf(q, false, new int[1]);
        rawAfter[i] = rawAfter(q, reached[0]);
      }
    }
  }

  /** Follows Lede's cursors to the start of the query's page, untimed. */
  private String cursorOf(BenchQuery q, boolean equivalent, int[] pagesSkipped) {
    String cursor = null;
    for (int p = 1; p < q.page(); p++) {
      SearchResult r = lede.search(q.toNewsQuery(equivalent, cursor));
      if (r.next() == null) {
        return cursor;
      }
      cursor = r.next();
      pagesSkipped[0] = p;
    }
    return cursor;
  }

  private FieldDoc rawAfter(BenchQuery q, int pagesSkipped) {
    if (pagesSkipped == 0) {
      return null;
    }
    try {
      int skip = pagesSkipped * BenchQuery.PAGE_SIZE;
      TopFieldDocs top = raw.search(baseline.query(q), new TopFieldCollectorManager(BaselineSearch.sort(q.sort()), skip, null, 1));
      ScoreDoc[] docs = top.scoreDocs;
      return docs.length == 0 ? null : (FieldDoc) docs[docs.length - 1];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CPU time of each query of the last {@link #pass}, in nanoseconds: the searching thread's. */
  long[] lastCpuNanos = new long[0];

  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  /**
   * Runs the mix once on one side; returns each query's latency in nanoseconds, and keeps the CPU
   * time its thread used (a search runs on the caller's thread), which a busy machine disturbs less.
   */
  long[] pass(Side side) {
    long[] nanos = new long[mix.size()];
    long[] cpu = new long[mix.size()];
    long sink = 0;
    for (int i = 0; i < mix.size(); i++) {
      BenchQuery q = mix.get(i);
      long c0 = THREADS.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      sink += switch (side) {
        case RAW -> rawSearch(i).ids().size();
        case LEDE -> lede.search(q.toNewsQuery(true, ledeCursor[i])).hits().size();
        case LEDE_DEFAULTS -> lede.search(q.toNewsQuery(false, defaultsCursor[i])).hits().size();
      };
      nanos[i] = System.nanoTime() - t0;
      cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
    }
    lastCpuNanos = cpu;
    if (sink < 0) {
      throw new AssertionError(); // keeps the results observable
    }
    return nanos;
  }

  private BaselineSearch.Result rawSearch(int i) {
    try {
      return baseline.search(raw, mix.get(i), rawAfter[i]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Pass percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
    return new Pass(at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), mean);
  }

  private static double at(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /**
   * Checks that the two sides answer the same: totals, the page's ids in order, facet counts. The
   * indexes hold the same articles, but Lede's body may lose learned boilerplate lines, which moves
   * BM25 statistics slightly, so a few differences are expected; many would mean the raw query is
   * not Lede's.
   */
  Agreement agreement() {
    int sameTotal = 0;
    int samePage = 0;
    int sameFacets = 0;
    for (int i = 0; i < mix.size(); i++) {
      BenchQuery q = mix.get(i);
      SearchResult l = lede.search(q.toNewsQuery(true, ledeCursor[i]));
      BaselineSearch.Result r = rawSearch(i);
      if (l.total() == r.total()) {
        sameTotal++;
      }
      List<String> ids = new ArrayList<>();
      for (Hit h : l.hits()) {
        ids.add(h.id());
      }
      if (ids.equals(r.ids())) {
        samePage++;
      }
      Map<String, Map<String, Long>> facets = new HashMap<>();
      if (q.facets()) {
        facets.put(dev.lede.index.Schema.SOURCE, asMap(l.facets().get(Facet.SOURCE)));
        facets.put(dev.lede.index.Schema.MONTH, asMap(l.facets().get(Facet.MONTH)));
        Map<String, Map<String, Long>> rawTop = new HashMap<>();
        r.facets().forEach((f, m) -> rawTop.put(f, top(m, q)));
        if (facets.equals(rawTop)) {
          sameFacets++;
        }
      } else {
        sameFacets++;
      }
    }
    return new Agreement(mix.size(), sameTotal, samePage, sameFacets);
  }

  private static Map<String, Long> asMap(List<FacetCount> counts) {
    Map<String, Long> m = new HashMap<>();
    counts.forEach(c -> m.put(c.value(), c.count()));
    return m;
  }

  /** The raw side's counts cut to the ten Lede shows, chosen the way Lede chooses. */
  private static Map<String, Long> top(Map<String, Long> all, BenchQuery q) {
    NewsQuery nq = q.toNewsQuery(true, null);
    List<Map.Entry<String, Long>> entries = new ArrayList<>(all.entrySet());
    entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    Map<String, Long> out = new HashMap<>();
    // the month facet is ordered by month, newest first: its ten are the ten latest months
    boolean months = all.keySet().stream().allMatch(k -> k.matches("\\d{4}-\\d{2}"));
    if (months) {
      entries.sort(Map.Entry.<String, Long>comparingByKey().reversed());
    }
    for (Map.Entry<String, Long> e : entries.subList(0, Math.min(nq.facetLimit(), entries.size()))) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  @Override
  public void close() {
    lede.close();
    try {
      rawReader.close();
      rawDir.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
