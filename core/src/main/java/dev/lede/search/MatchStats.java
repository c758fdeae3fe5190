package dev.lede.search;

import dev.lede.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.LongValues;

/**
 * One pass over every match of a query: facet counts from sorted-set doc values, and the number of
 * distinct stories (the total of a collapsed search). Everything is counted by ordinal: a segment's
 * ordinals are mapped to the reader's {@link GlobalOrdinals}, so stories are told apart across
 * segments without reading their ids, and only the facet values shown are turned into strings.
 */
final class MatchStats {
  private static final Map<Facet, String> FIELDS =
      Map.of(Facet.SOURCE, Schema.SOURCE, Facet.ENTITY, Schema.ENTITY, Facet.ENTITY_TYPE, Schema.ENTITY_TYPE, Facet.MONTH, Schema.MONTH,
          Facet.AUTHOR, Schema.AUTHOR, Facet.LANGUAGE, Schema.LANGUAGE);

  /** Matches per global ordinal, for each facet counted. */
  final Map<Facet, int[]> counts = new EnumMap<>(Facet.class);
  final Map<Facet, GlobalOrdinals> ordinals = new EnumMap<>(Facet.class);
  /** The global ordinals of the stories seen; null when stories are not counted. */
  FixedBitSet stories;
  long matches;

  /** The number of distinct stories among the matches (when counted). */
  long storyCount() {
    return stories == null ? 0 : stories.cardinality();
  }

  static CollectorManager<StatsCollector, MatchStats> manager(IndexReader reader, GlobalOrdinals.Cache cache, Set<Facet> facets,
      boolean countStories) {
    Map<Facet, GlobalOrdinals> ords = new EnumMap<>(Facet.class);
    for (Facet f : facets) {
      ords.put(f, cache.sortedSet(reader, FIELDS.get(f)));
    }
    GlobalOrdinals storyOrds = countStories ? cache.sorted(reader, Schema.STORY) : null;
    return new CollectorManager<>() {
      @Override
      public StatsCollector newCollector() {
        return new StatsCollector(ords, storyOrds);
      }

      @Override
      public MatchStats reduce(Collection<StatsCollector> collectors) {
        MatchStats total = null;
        for (StatsCollector c : collectors) {
          if (total == null) {
            total = c.stats;
            continue;
          }
          total.matches += c.stats.matches;
          if (total.stories != null) {
            total.stories.or(c.stats.stories);
          }
          for (Map.Entry<Facet, int[]> e : c.stats.counts.entrySet()) {
            int[] into = total.counts.get(e.getKey());
            int[] from = e.getValue();
            for (int i = 0; i < into.length; i++) {
              into[i] += from[i];
            }
          }
        }
        return total == null ? new StatsCollector(ords, storyOrds).stats : total;
      }
    };
  }

  /**
   * The counts of a facet, largest first, ties by value, at most {@code limit}; months newest first.
   * Only these values are read as strings.
   */
  List<FacetCount> top(Facet facet, int limit) throws IOException {
    int[] c = counts.get(facet);
    if (c == null || limit < 1) {
      return List.of();
    }
    GlobalOrdinals ords = ordinals.get(facet);
    List<FacetCount> out = new ArrayList<>();
    if (facet == Facet.MONTH) {
      // ordinals are in the values' order: the newest months are the highest
      for (int ord = c.length - 1; ord >= 0 && out.size() < limit; ord--) {
        if (c[ord] > 0) {
          out.add(new FacetCount(ords.lookup(ord), c[ord]));
        }
      }
      return out;
    }
    // The `limit` largest counts, ties by ordinal (the values' byte order); then the strings.
    PriorityQueue<long[]> best = new PriorityQueue<>(Math.min(limit, 1024) + 1,
        (a, b) -> a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(b[0], a[0]));
    for (int ord = 0; ord < c.length; ord++) {
      if (c[ord] > 0 && (best.size() < limit || c[ord] > best.peek()[1])) {
        best.add(new long[] {ord, c[ord]});
        if (best.size() > limit) {
          best.poll();
        }
      }
    }
    for (long[] e : best) {
      out.add(new FacetCount(ords.lookup(e[0]), e[1]));
    }
    out.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
    return out;
  }

  static final class StatsCollector implements Collector {
    final MatchStats stats = new MatchStats();
    private final Facet[] order;
    private final GlobalOrdinals storyOrds;

    StatsCollector(Map<Facet, GlobalOrdinals> ords, GlobalOrdinals storyOrds) {
      this.order = ords.keySet().toArray(Facet[]::new);
      this.storyOrds = storyOrds;
      stats.ordinals.putAll(ords);
      for (Facet f : order) {
        stats.counts.put(f, new int[(int) Math.min(Integer.MAX_VALUE - 8, ords.get(f).valueCount())]);
      }
      if (storyOrds != null) {
        stats.stories = new FixedBitSet((int) Math.max(1, Math.min(Integer.MAX_VALUE - 8, storyOrds.valueCount())));
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedSetDocValues[] dv = new SortedSetDocValues[order.length];
      int[][] ordCounts = new int[order.length][];
      for (int i = 0; i < dv.length; i++) {
        dv[i] = DocValues.getSortedSet(context.reader(), FIELDS.get(order[i]));
        ordCounts[i] = new int[(int) Math.min(Integer.MAX_VALUE - 8, dv[i].getValueCount())];
      }
      SortedDocValues story = storyOrds == null ? null : DocValues.getSorted(context.reader(), Schema.STORY);
      LongValues storyToGlobal = storyOrds == null ? null : storyOrds.segmentToGlobal(context.ord);
      FixedBitSet storySeen = stats.stories;
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          stats.matches++;
          for (int i = 0; i < dv.length; i++) {
            if (dv[i].advanceExact(doc)) {
              for (int k = 0; k < dv[i].docValueCount(); k++) {
                ordCounts[i][(int) dv[i].nextOrd()]++;
              }
            }
          }
          if (story != null && story.advanceExact(doc)) {
            storySeen.set((int) storyToGlobal.get(story.ordValue()));
          }
        }

        @Override
        public void finish() {
          for (int i = 0; i < dv.length; i++) {
            int[] into = stats.counts.get(order[i]);
            LongValues toGlobal = stats.ordinals.get(order[i]).segmentToGlobal(context.ord);
            int[] seg = ordCounts[i];
            for (int ord = 0; ord < seg.length; ord++) {
              if (seg[ord] > 0) {
                into[(int) toGlobal.get(ord)] += seg[ord];
              }
            }
          }
        }
      };
    }
  }
}
