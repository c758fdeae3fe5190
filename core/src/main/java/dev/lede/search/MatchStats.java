package dev.lede.search;

import dev.lede.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.FixedBitSet;

/**
 * One pass over every match of a query: facet counts from sorted-set doc values, and the number of
 * distinct stories (the total of a collapsed search). Counting by segment ordinal keeps the inner
 * loop free of string work; ordinals are resolved once per segment.
 */
final class MatchStats {
  private static final Map<Facet, String> FIELDS =
      Map.of(Facet.SOURCE, Schema.SOURCE, Facet.ENTITY, Schema.ENTITY, Facet.ENTITY_TYPE, Schema.ENTITY_TYPE, Facet.MONTH, Schema.MONTH,
          Facet.AUTHOR, Schema.AUTHOR, Facet.LANGUAGE, Schema.LANGUAGE);

  final Map<Facet, Map<String, Long>> counts = new EnumMap<>(Facet.class);
  /** Story ids seen in a reader of several segments, where a story can have members in more than one. */
  final BytesRefHash stories = new BytesRefHash();
  /** Stories counted by ordinal in a reader of one segment: no id need be read. */
  long storiesOfOneSegment;
  long matches;

  /** The number of distinct stories among the matches (when counted). */
  long storyCount() {
    return storiesOfOneSegment + stories.size();
  }

  static CollectorManager<StatsCollector, MatchStats> manager(Set<Facet> facets, boolean countStories) {
    return new CollectorManager<>() {
      @Override
      public StatsCollector newCollector() {
        return new StatsCollector(facets, countStories);
      }

      @Override
      public MatchStats reduce(Collection<StatsCollector> collectors) {
        MatchStats total = new MatchStats();
        for (StatsCollector c : collectors) {
          total.matches += c.stats.matches;
          total.storiesOfOneSegment += c.stats.storiesOfOneSegment;
          BytesRef id = new BytesRef();
          for (int i = 0; i < c.stats.stories.size(); i++) {
            total.stories.add(c.stats.stories.get(i, id));
          }
          c.stats.counts.forEach((facet, m) -> {
            Map<String, Long> into = total.counts.computeIfAbsent(facet, f -> new HashMap<>());
            m.forEach((k, v) -> into.merge(k, v, Long::sum));
          });
        }
        for (Facet f : facets) {
          total.counts.putIfAbsent(f, new HashMap<>());
        }
        return total;
      }
    };
  }

  /** The counts of a facet, largest first, ties by value, at most {@code limit}. */
  List<FacetCount> top(Facet facet, int limit) {
    List<FacetCount> out = new ArrayList<>();
    counts.getOrDefault(facet, Map.of()).forEach((k, v) -> out.add(new FacetCount(k, v)));
    Comparator<FacetCount> order = facet == Facet.MONTH
        ? Comparator.comparing(FacetCount::value).reversed()
        : Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value);
    out.sort(order);
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }

  static final class StatsCollector implements Collector {
    final MatchStats stats = new MatchStats();
    private final Set<Facet> facets;
    private final boolean countStories;

    StatsCollector(Set<Facet> facets, boolean countStories) {
      this.facets = facets;
      this.countStories = countStories;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      List<Facet> order = new ArrayList<>(facets);
      SortedSetDocValues[] dv = new SortedSetDocValues[order.size()];
      long[][] ordCounts = new long[order.size()][];
      for (int i = 0; i < dv.length; i++) {
        dv[i] = DocValues.getSortedSet(context.reader(), FIELDS.get(order.get(i)));
        ordCounts[i] = new long[(int) Math.min(Integer.MAX_VALUE - 8, dv[i].getValueCount())];
      }
      SortedDocValues story = countStories ? DocValues.getSorted(context.reader(), Schema.STORY) : null;
      // A bit per story ordinal, read back in ordinal order: the terms dictionary is then read
      // forward, where a hash set's order made it seek for every story (issue 17).
      FixedBitSet storyOrds = story == null ? null : new FixedBitSet((int) Math.min(Integer.MAX_VALUE - 8, story.getValueCount()));
      boolean oneSegment = ReaderUtil.getTopLevelContext(context).leaves().size() == 1;
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
            storyOrds.set(story.ordValue());
          }
        }

        @Override
        public void finish() throws IOException {
          for (int i = 0; i < dv.length; i++) {
            Map<String, Long> into = stats.counts.computeIfAbsent(order.get(i), f -> new HashMap<>());
            for (int ord = 0; ord < ordCounts[i].length; ord++) {
              if (ordCounts[i][ord] > 0) {
                into.merge(dv[i].lookupOrd(ord).utf8ToString(), ordCounts[i][ord], Long::sum);
              }
            }
          }
          if (story != null && oneSegment) {
            stats.storiesOfOneSegment += storyOrds.cardinality();
          } else if (story != null) {
            for (int ord = storyOrds.length() == 0 ? DocIdSetIterator.NO_MORE_DOCS : storyOrds.nextSetBit(0);
                ord != DocIdSetIterator.NO_MORE_DOCS;
                ord = ord + 1 < storyOrds.length() ? storyOrds.nextSetBit(ord + 1) : DocIdSetIterator.NO_MORE_DOCS) {
              stats.stories.add(story.lookupOrd(ord));
            }
          }
        }
      };
    }
  }
}
