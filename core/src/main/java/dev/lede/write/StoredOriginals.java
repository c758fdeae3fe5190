package dev.lede.write;

import dev.lede.IndexOptions;
import dev.lede.article.Article;
import dev.lede.index.LuceneStoryStore;
import dev.lede.index.Schema;
import dev.lede.index.StoredArticles;
import dev.lede.read.ArticleSource;
import dev.lede.read.InputFormat;
import dev.lede.read.Origin;
import dev.lede.read.ReadReport;
import dev.lede.read.Rejection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.codecs.StoredFieldsReader;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;

/**
 * The articles stored in a generation, as a source for the {@link Pipeline}: what a reindex reads.
 * Each is read from its stored original whatever schema version wrote it, which is how a reindex
 * upgrades an index that no longer opens.
 *
 * <p>Read in bulk, segment by segment, in index order: each segment's stored fields through the
 * codec's merge instance, which decompresses each compressed block once for all the documents in
 * it. Reading one document at a time decompresses a block per document: on 59,472 articles
 * stored with {@code BEST_COMPRESSION} that took 36 s against 0.9 s (docs/benchmarks.md).
 *
 * <p>What preparation made of each article is carried with it ({@link Carried}) when it would be
 * made the same way again: the entities when the extractor is the same ({@link
 * LuceneWrites#PREPARED_BY} in the commit data), the story entry (signature and story id) when the
 * signing options are ({@link LuceneWrites#SIGNED_WITH}), and its story id when every story option is
 * ({@link LuceneWrites#GROUPED_WITH}: the threshold and limits too); all only with this schema's
 * entry layout. The story ids of the live index then stand as they are, whatever order the
 * segments are read in.
 */
public final class StoredOriginals {
  private StoredOriginals() {}

  /** The live articles of the last commit in {@code directory}, which holds generation {@code generation}. */
  public static ArticleSource of(Directory directory, String generation, IndexOptions options) {
    Schema schema = Schema.defaults(); // decoding the original does not depend on analysis
    return listener -> {
      long articles = 0;
      long rejected = 0;
      Map<String, Long> bySource = new HashMap<>();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        Map<String, String> was = reader.getIndexCommit().getUserData();
        boolean sameLayout = Integer.toString(Schema.VERSION).equals(was.get("lede.schema"));
        boolean entities = sameLayout && options.preparer().describe().equals(was.get(LuceneWrites.PREPARED_BY))
            && !"custom".equals(was.get(LuceneWrites.PREPARED_BY));
        boolean signatures = sameLayout && LuceneWrites.signing(options.stories()).equals(was.get(LuceneWrites.SIGNED_WITH));
        boolean storyIds = signatures && LuceneWrites.grouping(options.stories()).equals(was.get(LuceneWrites.GROUPED_WITH));
        boolean vectors = was.get(LuceneWrites.SEMANTIC) != null;
        Pipeline.CarryingListener carrying = listener instanceof Pipeline.CarryingListener c && (entities || signatures || vectors) ? c : null;
        long n = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
          LeafReader segment = leaf.reader();
          Bits liveDocs = segment.getLiveDocs();
          Originals stored = originals(segment);
          BinaryDocValues entries = carrying != null && signatures ? segment.getBinaryDocValues(Schema.STORY_ENTRY) : null;
          for (int doc = 0; doc < segment.maxDoc(); doc++) {
            if (liveDocs != null && !liveDocs.get(doc)) {
              continue;
            }
            n++;
            Article input;
            Carried carried = null;
            try {
              StoredArticles.Stored read = schema.toStored(stored.document(doc));
              input = read.input();
              if (carrying != null) {
                carried = new Carried(entities ? read.prepared() : null,
                    entries != null && entries.advanceExact(doc) ? LuceneStoryStore.entryOf(entries.binaryValue()) : null, storyIds,
                    vectors ? dev.lede.index.IndexedVectors.read(segment, doc) : null);
              }
            } catch (RuntimeException e) {
              rejected++;
              listener.rejected(new Rejection(generation, n, "stored original cannot be read: " + e.getMessage(), Rejection.Unit.RECORD));
              continue;
            }
            articles++;
            bySource.merge(input.source() == null ? ReadReport.NO_SOURCE : input.source(), 1L, Long::sum);
            Origin origin = new Origin(generation, n, InputFormat.JSON);
            if (carrying != null) {
              carrying.article(input, origin, carried);
            } else {
              listener.article(input, origin);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the stored articles of generation " + generation + ": " + e.getMessage(), e);
      }
      return new ReadReport(1, articles, rejected, Map.of(InputFormat.JSON, articles), bySource, List.of(), 0);
    };
  }

  /** Reads one segment's stored originals in document order. */
  private interface Originals {
    Document document(int doc) throws IOException;
  }

  private static Originals originals(LeafReader segment) throws IOException {
    if (segment instanceof CodecReader codec && codec.getFieldsReader() != null) {
      StoredFieldsReader bulk = codec.getFieldsReader().getMergeInstance();
      return doc -> {
        DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(Schema.ORIGINAL);
        bulk.document(doc, visitor);
        return visitor.getDocument();
      };
    }
    StoredFields fields = segment.storedFields();
    java.util.Set<String> original = java.util.Set.of(Schema.ORIGINAL);
    return doc -> fields.document(doc, original);
  }
}
