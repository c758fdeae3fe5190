package dev.lede.search;

import dev.lede.article.EntityType;
import dev.lede.index.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Entity counts per time window, from doc values only (no stored documents are read): the basis of
 * trending. Counts per segment ordinal in an array, then resolves only the ordinals that occurred.
 */
public final class EntityTrends {
  private EntityTrends() {}

  /** An entity must be named in at least this many recent articles to trend. */
  public static final int MIN_COUNT_AFTER = 2;

  private record Window(Map<String, long[]> counts, long articles) {}

  /**
   * The entities whose share of coverage rose most in {@code [asOf - window, asOf)} against {@code
   * [asOf - 2 window, asOf - window)}.
   */
  public static List<TrendingEntity> trending(IndexSearcher searcher, Instant asOf, Duration window, int limit) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("illegal window " + window + ", must be positive");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("illegal limit " + limit + ", must be >= 1");
    }
    long end = asOf.toEpochMilli();
    long mid = end - window.toMillis();
    long start = mid - window.toMillis();
    Window after = count(searcher, mid, end - 1);
    Window before = count(searcher, start, mid - 1);
    List<TrendingEntity> out = new ArrayList<>();
    for (Map.Entry<String, long[]> e : after.counts().entrySet()) {
      long a = e.getValue()[0];
      if (a < MIN_COUNT_AFTER) {
        continue;
      }
      long[] b = before.counts().get(e.getKey());
      long bc = b == null ? 0 : b[0];
      double ratio = ((a + 1.0) / (after.articles() + 1.0)) / ((bc + 1.0) / (before.articles() + 1.0));
      if (ratio <= 1.0) {
        continue;
      }
      String typed = e.getKey();
      int slash = typed.indexOf('/');
      out.add(new TrendingEntity(typed.substring(slash + 1), EntityType.parse(typed.substring(0, slash)), bc, a, ratio));
    }
    out.sort(
        Comparator.comparingDouble(TrendingEntity::ratio).reversed()
            .thenComparing(Comparator.comparingLong(TrendingEntity::countAfter).reversed())
            .thenComparing(TrendingEntity::entity));
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
  }

  private static Window count(IndexSearcher searcher, long from, long to) {
    Map<String, long[]> counts = new HashMap<>();
    long articles = 0;
    try {
      Query range = LongField.newRangeQuery(Schema.PUBLISHED, from, to);
      Weight weight = searcher.createWeight(searcher.rewrite(range), ScoreMode.COMPLETE_NO_SCORES, 1f);
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        SortedSetDocValues dv = DocValues.getSortedSet(leaf.reader(), Schema.ENTITY_TYPED);
        long[] perOrd = new long[(int) Math.min(Integer.MAX_VALUE, dv.getValueCount())];
        DocIdSetIterator it = scorer.iterator();
        var live = leaf.reader().getLiveDocs();
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          articles++;
          if (dv.advanceExact(doc)) {
            for (int i = 0; i < dv.docValueCount(); i++) {
              perOrd[(int) dv.nextOrd()]++;
            }
          }
        }
        for (int ord = 0; ord < perOrd.length; ord++) {
          if (perOrd[ord] > 0) {
            counts.computeIfAbsent(dv.lookupOrd(ord).utf8ToString(), k -> new long[1])[0] += perOrd[ord];
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Window(counts, articles);
  }
}
