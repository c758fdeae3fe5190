package dev.lede.index;

import dev.lede.prepare.story.MinHash;
import dev.lede.prepare.story.StoryEntry;
import dev.lede.prepare.story.StoryOverlay;
import dev.lede.prepare.story.StoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Story entries kept in the article documents themselves: the LSH band keys as indexed keyword
 * terms, the content hash as a keyword term, and the entry packed into one stored field. Finding
 * candidates is a Lucene query (documents sharing the most band terms first), so the candidate
 * store is the index and nothing beside it must be kept in step.
 *
 * <p>Entries written since the last refresh are not in the searcher yet; an overlay holds them (and
 * the ids removed since) until the writer calls {@link #afterRefresh()} with every pending write
 * visible. The writer owns the store: not for concurrent writers.
 */
public final class LuceneStoryStore implements StoryStore {
  /** The band keys of the article's MinHash signature: see {@link Schema#LSH}. */
  public static final String LSH = Schema.LSH;
  /** See {@link Schema#STORY_HASH}. */
  public static final String CONTENT_HASH = Schema.STORY_HASH;
  /** See {@link Schema#STORY_ENTRY}. */
  public static final String ENTRY = Schema.STORY_ENTRY;

  private static final int MAX_MEMBERS = 10_000;

  private final Function<Function<IndexSearcher, Object>, Object> searchers;
  private final String idField;
  private final String storyField;
  private final MinHash minHash;
  private final StoryOverlay overlay = new StoryOverlay();

  /**
   * @param searchers runs a function with an acquired, current searcher and releases it
   * @param idField the keyword field holding each article's id
   * @param storyField the keyword field holding each article's story id
   * @param minHash recomputes band keys of stored signatures
   */
  public LuceneStoryStore(
      Function<Function<IndexSearcher, Object>, Object> searchers, String idField, String storyField, MinHash minHash) {
    this.searchers = searchers;
    this.idField = idField;
    this.storyField = storyField;
    this.minHash = minHash;
  }

  /** Adds an entry's fields to the article's document (the story field itself is the schema's). */
  public static void addFields(Document doc, StoryEntry entry) {
    for (String key : entry.bandKeys()) {
      doc.add(new StringField(LSH, key, Field.Store.NO));
    }
    doc.add(new StringField(CONTENT_HASH, entry.contentHash(), Field.Store.NO));
    // Doc values, not a stored field: every new article reads up to maxCandidates entries, and a
    // stored field costs a decompressed block each (BEST_COMPRESSION), which made grouping most of
    // the cost of ingest (docs/stories.md, "Cost").
    doc.add(new BinaryDocValuesField(ENTRY, new BytesRef(pack(entry))));
  }

  /** Forgets the overlay: call after a refresh that made every pending write visible. */
  public void afterRefresh() {
    overlay.clear();
  }

  @Override
  public List<StoryEntry> candidates(Collection<String> bandKeys, String contentHash, int limit) {
    return overlay.candidates(bandKeys, contentHash, limit, n -> indexed(bandKeys, contentHash, n));
  }

  /**
   * The indexed entries sharing the most band keys with these (an exact duplicate first), at most
   * {@code n}. Counted straight from the postings, one sorted walk of the keys per segment: a scored
   * 65-clause BooleanQuery per article was half of all ingest time (docs/benchmarks.md).
   */
  @SuppressWarnings("unchecked")
  private List<StoryEntry> indexed(Collection<String> bandKeys, String contentHash, int n) {
    List<BytesRef> keys = new ArrayList<>();
    new java.util.TreeSet<>(bandKeys).forEach(k -> keys.add(new BytesRef(k)));
    BytesRef hash = new BytesRef(contentHash);
    return (List<StoryEntry>) searchers.apply(searcher -> {
      try {
        List<long[]> scored = new ArrayList<>(); // {shared keys, global doc}
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
          Map<Integer, Integer> counts = new HashMap<>();
          Bits live = leaf.reader().getLiveDocs();
          count(leaf.reader().terms(LSH), keys, 1, live, counts);
          count(leaf.reader().terms(CONTENT_HASH), List.of(hash), 1000, live, counts);
          counts.forEach((doc, c) -> scored.add(new long[] {c, leaf.docBase + doc}));
        }
        scored.sort((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(a[1], b[1]));
        int[] docs = new int[Math.min(n, scored.size())];
        for (int i = 0; i < docs.length; i++) {
          docs[i] = (int) scored.get(i)[1];
        }
        return entries(searcher, docs);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read story candidates: " + e.getMessage(), e);
      }
    });
  }

  private static void count(Terms terms, List<BytesRef> keys, int weight, Bits live, Map<Integer, Integer> counts)
      throws IOException {
    if (terms == null) {
      return;
    }
    TermsEnum te = terms.iterator();
    PostingsEnum postings = null;
    for (BytesRef key : keys) {
      if (te.seekExact(key)) {
        postings = te.postings(postings, PostingsEnum.NONE);
        for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
          if (live == null || live.get(d)) {
            counts.merge(d, weight, Integer::sum);
          }
        }
      }
    }
  }

  @Override
  public Optional<StoryEntry> get(String id) {
    Optional<StoryEntry> known = overlay.get(id);
    if (known != null) {
      return known;
    }
    List<StoryEntry> found = search(new TermQuery(new Term(idField, id)), 1);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public List<StoryEntry> members(String storyId) {
    return overlay.members(storyId, search(new TermQuery(new Term(storyField, storyId)), MAX_MEMBERS));
  }

  @Override
  public void put(StoryEntry entry) {
    overlay.put(entry);
  }

  @Override
  public void remove(String id) {
    overlay.remove(id);
  }

  @SuppressWarnings("unchecked")
  private List<StoryEntry> search(Query query, int n) {
    return (List<StoryEntry>) searchers.apply(searcher -> {
      try {
        TopDocs top = searcher.search(query, Math.max(1, n));
        int[] docs = new int[top.scoreDocs.length];
        for (int i = 0; i < docs.length; i++) {
          docs[i] = top.scoreDocs[i].doc;
        }
        return entries(searcher, docs);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read story entries: " + e.getMessage(), e);
      }
    });
  }

  /** The packed entries of these documents, in this order. */
  private List<StoryEntry> entries(IndexSearcher searcher, int[] docs) throws IOException {
    List<StoryEntry> out = new ArrayList<>(docs.length);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    StoredFields stored = null;
    for (int doc : docs) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      BinaryDocValues values = leaf.reader().getBinaryDocValues(ENTRY);
      BytesRef packed;
      if (values != null && values.advanceExact(doc - leaf.docBase)) {
        packed = values.binaryValue();
      } else {
        // an index written before entries moved to doc values
        stored = stored == null ? searcher.storedFields() : stored;
        packed = stored.document(doc, Set.of(ENTRY)).getBinaryValue(ENTRY);
      }
      if (packed != null) {
        out.add(unpack(packed, minHash));
      }
    }
    return out;
  }

  static byte[] pack(StoryEntry e) {
    byte[] id = e.id().getBytes(StandardCharsets.UTF_8);
    byte[] story = e.storyId().getBytes(StandardCharsets.UTF_8);
    byte[] hash = e.contentHash().getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(1 + 3 * 4 + id.length + story.length + hash.length + 8 + 4 + 4 + 4 * e.signature().length);
    b.put((byte) 1);
    b.putInt(id.length).put(id);
    b.putInt(story.length).put(story);
    b.putInt(hash.length).put(hash);
    b.putLong(e.published() == null ? Long.MIN_VALUE : e.published().toEpochMilli());
    b.putInt(e.words());
    b.putInt(e.signature().length);
    for (int v : e.signature()) {
      b.putInt(v);
    }
    return b.array();
  }

  static StoryEntry unpack(BytesRef ref, MinHash minHash) {
    ByteBuffer b = ByteBuffer.wrap(ref.bytes, ref.offset, ref.length);
    byte format = b.get();
    if (format != 1) {
      throw new IllegalStateException("unknown story entry format " + format + ": reindex");
    }
    String id = string(b);
    String story = string(b);
    String hash = string(b);
    long millis = b.getLong();
    int words = b.getInt();
    int[] signature = new int[b.getInt()];
    for (int i = 0; i < signature.length; i++) {
      signature[i] = b.getInt();
    }
    return new StoryEntry(id, story, millis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(millis), hash, signature,
        minHash.bandKeys(signature), words);
  }

  private static String string(ByteBuffer b) {
    byte[] bytes = new byte[b.getInt()];
    b.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
