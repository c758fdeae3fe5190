package dev.lede.index;

import dev.lede.prepare.story.MemoryStoryStore;
import dev.lede.prepare.story.StoryEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Story entries kept in the article documents themselves: each entry (signature, date, words,
 * content hash and the article's fingerprint) packed into one binary doc value. The index is where
 * they persist; a writer loads them all into a {@link MemoryStoryStore} when it opens ({@link
 * #load}) and finds candidates there, and a read-only index reads single entries and a story's
 * members from here.
 */
public final class LuceneStoryStore {
  /** See {@link Schema#STORY_ENTRY}. */
  public static final String ENTRY = Schema.STORY_ENTRY;
  private static final byte FORMAT = 2;
  private static final int MAX_MEMBERS = 10_000;

  private final Function<Function<IndexSearcher, Object>, Object> searchers;
  private final String idField;
  private final String storyField;

  /**
   * @param searchers runs a function with an acquired, current searcher and releases it
   * @param idField the keyword field holding each article's id
   * @param storyField the keyword field holding each article's story id
   */
  public LuceneStoryStore(Function<Function<IndexSearcher, Object>, Object> searchers, String idField, String storyField) {
    this.searchers = searchers;
    this.idField = idField;
    this.storyField = storyField;
  }

  /**
   * Adds an entry to the article's document (the story field itself is the schema's). Doc values,
   * not a stored field: loading every entry when a writer opens reads one column, where a stored
   * field would decompress a block per article (BEST_COMPRESSION).
   */
  public static void addFields(Document doc, StoryEntry entry, String fingerprint) {
    doc.add(new BinaryDocValuesField(ENTRY, new BytesRef(pack(entry, fingerprint))));
  }

  /** Puts the entry and fingerprint of every live document into the store. */
  public static void load(IndexReader reader, MemoryStoryStore into) {
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        BinaryDocValues values = leaf.reader().getBinaryDocValues(ENTRY);
        if (values == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
          if (live == null || live.get(doc)) {
            Unpacked u = unpack(values.binaryValue());
            into.put(u.entry());
            into.fingerprint(u.entry().id(), u.fingerprint());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read story entries: " + e.getMessage(), e);
    }
  }

  /** The entry of an article, if the searcher has it. */
  public Optional<StoryEntry> get(String id) {
    List<StoryEntry> found = search(new TermQuery(new Term(idField, id)), 1);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** The members of a story the searcher has, in any order. */
  public List<StoryEntry> members(String storyId) {
    return search(new TermQuery(new Term(storyField, storyId)), MAX_MEMBERS);
  }

  @SuppressWarnings("unchecked")
  private List<StoryEntry> search(Query query, int n) {
    return (List<StoryEntry>) searchers.apply(searcher -> {
      try {
        TopDocs top = searcher.search(query, Math.max(1, n));
        List<StoryEntry> out = new ArrayList<>(top.scoreDocs.length);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (var hit : top.scoreDocs) {
          LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
          BinaryDocValues values = leaf.reader().getBinaryDocValues(ENTRY);
          if (values != null && values.advanceExact(hit.doc - leaf.docBase)) {
            out.add(unpack(values.binaryValue()).entry());
          }
        }
        return out;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read story entries: " + e.getMessage(), e);
      }
    });
  }

  /** The entry packed in a document's doc value. */
  public static StoryEntry entryOf(BytesRef packed) {
    return unpack(packed).entry();
  }

  /** An entry read back, with the fingerprint of the article it belongs to. */
  record Unpacked(StoryEntry entry, String fingerprint) {}

  static byte[] pack(StoryEntry e, String fingerprint) {
    byte[] id = e.id().getBytes(StandardCharsets.UTF_8);
    byte[] story = e.storyId().getBytes(StandardCharsets.UTF_8);
    byte[] hash = e.contentHash().getBytes(StandardCharsets.UTF_8);
    byte[] print = (fingerprint == null ? "" : fingerprint).getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(
        1 + 4 * 4 + id.length + story.length + hash.length + print.length + 8 + 4 + 4 + 4 * e.signature().length);
    b.put(FORMAT);
    b.putInt(id.length).put(id);
    b.putInt(story.length).put(story);
    b.putInt(hash.length).put(hash);
    b.putInt(print.length).put(print);
    b.putLong(e.published() == null ? Long.MIN_VALUE : e.published().toEpochMilli());
    b.putInt(e.words());
    b.putInt(e.signature().length); // 0 when grouping is off: exact copies only, no signature
    for (int v : e.signature()) {
      b.putInt(v);
    }
    return b.array();
  }

  static Unpacked unpack(BytesRef ref) {
    ByteBuffer b = ByteBuffer.wrap(ref.bytes, ref.offset, ref.length);
    byte format = b.get();
    if (format != FORMAT) {
      throw new IllegalStateException("unknown story entry format " + format + ": run `lede reindex`");
    }
    String id = string(b);
    String story = string(b);
    String hash = string(b);
    String fingerprint = string(b);
    long millis = b.getLong();
    int words = b.getInt();
    int[] signature = new int[b.getInt()];
    for (int i = 0; i < signature.length; i++) {
      signature[i] = b.getInt();
    }
    StoryEntry entry = new StoryEntry(id, story, millis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(millis), hash, signature,
        List.of(), words);
    return new Unpacked(entry, fingerprint.isEmpty() ? null : fingerprint);
  }

  private static String string(ByteBuffer b) {
    byte[] bytes = new byte[b.getInt()];
    b.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
