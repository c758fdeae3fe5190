package dev.lede.bench.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.article.Article;
import dev.lede.index.Schema;
import dev.lede.index.StoredArticles;
import dev.lede.search.Ranking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The raw-Lucene floor: the fields of {@link Schema} that a plain Lucene application would write for
 * the same articles, with the same analyzers, codec, RAM buffer and similarity, and none of Lede's
 * own work: no preparation (cleanup, entities), no fingerprint or story lookups, no story fields.
 *
 * <p>Writes go through {@code updateDocument} by id, like Lede's and like Lucene's demo, so that
 * both sides pay for the same idempotent write. Thread-safe: {@link IndexWriter} is.
 */
final class BaselineIndex implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final IndexWriter writer;

  BaselineIndex(Path dir, double ramBufferMb) {
    Schema schema = Schema.defaults();
    Ranking ranking = Ranking.defaults();
    IndexWriterConfig config = new IndexWriterConfig(schema.perFieldAnalyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(ramBufferMb)
        .setSimilarity(Schema.similarity(ranking.k1(), ranking.b()))
        .setCommitOnClose(true)
        .setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
    try {
      writer = new IndexWriter(FSDirectory.open(dir), config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void add(Article a) {
    try {
      writer.updateDocument(new Term(Schema.ID, a.id()), document(a));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The article as a document: Lede's field names and shapes, minus entity and story fields. */
  static Document document(Article a) throws IOException {
    Document doc = new Document();
    doc.add(new StringField(Schema.ID, a.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Schema.ID, new BytesRef(a.id())));
    doc.add(new TextField(Schema.HEADLINE, a.headline(), Field.Store.NO));
    doc.add(new TextField(Schema.LEAD, a.lead(), Field.Store.NO));
    doc.add(new TextField(Schema.BODY, a.body(), Field.Store.NO));
    if (a.source() != null) {
      doc.add(new StringField(Schema.SOURCE, a.source(), Field.Store.NO));
      doc.add(new SortedSetDocValuesField(Schema.SOURCE, new BytesRef(a.source())));
    }
    if (a.published() != null) {
      doc.add(new LongField(Schema.PUBLISHED, a.published().toEpochMilli(), Field.Store.NO));
      doc.add(new SortedSetDocValuesField(Schema.MONTH, new BytesRef(MONTH.format(a.published()))));
    }
    if (a.language() != null) {
      doc.add(new StringField(Schema.LANGUAGE, a.language().toLowerCase(Locale.ROOT), Field.Store.NO));
    }
    // The same stored JSON as Lede's original, so that stored bytes and hit loading cost the same.
    doc.add(new StoredField(Schema.ORIGINAL, JSON.writeValueAsBytes(StoredArticles.toJson(a))));
    return doc;
  }

  void commit() {
    try {
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      writer.close();
      writer.getDirectory().close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
