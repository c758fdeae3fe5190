package dev.lede.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * Ordinals of a doc-values field across every segment of one reader, as Elasticsearch's global
 * ordinals and Solr's top-level ordinal maps: a search counts stories and facet values by number,
 * and turns only the few numbers it shows into strings. Without them, a collapsed search over
 * several segments read the id of every matching story to count distinct ones, and a facet read
 * every value that matched once (a third of a search's CPU under load, issue 19).
 *
 * <p>Built once per reader and field, on first use, and dropped when the reader closes; a reader of
 * one segment needs no map.
 */
final class GlobalOrdinals {
  private final IndexReader reader;
  private final OrdinalMap map; // null: one segment, its ordinals are global
  private final long valueCount;
  private final boolean sorted; // SortedDocValues, else SortedSetDocValues
  private final String field;

  private GlobalOrdinals(IndexReader reader, String field, boolean sorted) throws IOException {
    this.reader = reader;
    this.field = field;
    this.sorted = sorted;
    List<LeafReaderContext> leaves = reader.leaves();
    if (leaves.size() <= 1) {
      map = null;
      valueCount = leaves.isEmpty() ? 0 : (sorted ? DocValues.getSorted(leaves.get(0).reader(), field).getValueCount()
          : DocValues.getSortedSet(leaves.get(0).reader(), field).getValueCount());
      return;
    }
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    IndexReader.CacheKey owner = helper == null ? null : helper.getKey();
    if (sorted) {
      SortedDocValues[] values = new SortedDocValues[leaves.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = DocValues.getSorted(leaves.get(i).reader(), field);
      }
      map = OrdinalMap.build(owner, values, PackedInts.DEFAULT);
    } else {
      SortedSetDocValues[] values = new SortedSetDocValues[leaves.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = DocValues.getSortedSet(leaves.get(i).reader(), field);
      }
      map = OrdinalMap.build(owner, values, PackedInts.DEFAULT);
    }
    valueCount = map.getValueCount();
  }

  /** How many distinct values the field has in the reader. */
  long valueCount() {
    return valueCount;
  }

  /** The global ordinal of each of a segment's ordinals. */
  LongValues segmentToGlobal(int leafOrd) {
    return map == null ? LongValues.IDENTITY : map.getGlobalOrds(leafOrd);
  }

  /** The value of a global ordinal. */
  String lookup(long globalOrd) throws IOException {
    int segment = map == null ? 0 : map.getFirstSegmentNumber(globalOrd);
    long ord = map == null ? globalOrd : map.getFirstSegmentOrd(globalOrd);
    LeafReaderContext leaf = reader.leaves().get(segment);
    BytesRef term = sorted ? DocValues.getSorted(leaf.reader(), field).lookupOrd((int) ord)
        : DocValues.getSortedSet(leaf.reader(), field).lookupOrd(ord);
    return term.utf8ToString();
  }

  /**
   * The global ordinals of readers' fields, kept while each reader is open. One instance serves
   * every thread; a reader's maps are built by the first search that needs them.
   */
  static final class Cache {
    private final Map<IndexReader.CacheKey, Map<String, GlobalOrdinals>> byReader = new ConcurrentHashMap<>();

    GlobalOrdinals sorted(IndexReader reader, String field) {
      return get(reader, field, true);
    }

    GlobalOrdinals sortedSet(IndexReader reader, String field) {
      return get(reader, field, false);
    }

    private GlobalOrdinals get(IndexReader reader, String field, boolean sorted) {
      IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
      if (helper == null || reader.leaves().size() <= 1) {
        return build(reader, field, sorted); // nothing to cache, or nothing worth it
      }
      Map<String, GlobalOrdinals> fields = byReader.computeIfAbsent(helper.getKey(), key -> {
        helper.addClosedListener(byReader::remove);
        return new ConcurrentHashMap<>();
      });
      return fields.computeIfAbsent(field, f -> build(reader, f, sorted));
    }

    private static GlobalOrdinals build(IndexReader reader, String field, boolean sorted) {
      try {
        return new GlobalOrdinals(reader, field, sorted);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** How many readers have maps now (for tests). */
    int readers() {
      return byReader.size();
    }
  }
}
