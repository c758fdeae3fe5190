package dev.lede.bench.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;

/**
 * A plain-Lucene baseline: one text field holding all of a document's text, one analyzer, Lucene's
 * default BM25 (k1 = 1.2, b = 0.75), and the query's words OR-ed together.
 *
 * <p>The query is built with Lucene's {@link QueryBuilder}, which analyses plain words exactly as the
 * classic QueryParser does, minus its operator syntax: TIME's queries are in capitals, and the
 * classic parser would read their {@code AND}, {@code OR} and {@code NOT} as operators, which would
 * handicap the baseline for a reason that has nothing to do with ranking.
 */
public final class LuceneBaseline implements RetrievalSystem {
  private static final String ID = "id";
  private static final String TEXT = "text";

  private final String name;
  private final Analyzer analyzer;
  private final Directory directory = new ByteBuffersDirectory();
  private DirectoryReader reader;
  private IndexSearcher searcher;

  private LuceneBaseline(String name, Analyzer analyzer) {
    this.name = name;
    this.analyzer = analyzer;
  }

  /** The Lucene demo's setting: {@link StandardAnalyzer} (lower case, no stop words, no stemming). */
  public static LuceneBaseline luceneDemo() {
    return new LuceneBaseline("lucene-demo", new StandardAnalyzer());
  }

  /** {@link EnglishAnalyzer} with its defaults (possessives, lower case, stop words, Porter). */
  public static LuceneBaseline english() {
    return new LuceneBaseline("english", new EnglishAnalyzer());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void index(List<EvalDocument> documents) {
    try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (EvalDocument d : documents) {
        Document doc = new Document();
        doc.add(new StoredField(ID, d.id()));
        doc.add(new TextField(TEXT, d.allText(), Field.Store.NO));
        w.addDocument(doc);
      }
      w.commit();
      reader = DirectoryReader.open(directory);
      searcher = new IndexSearcher(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<ScoredDoc> search(EvalQuery query, int k) {
    Query q = new QueryBuilder(analyzer).createBooleanQuery(TEXT, query.text(), BooleanClause.Occur.SHOULD);
    if (q == null) {
      return List.of();
    }
    return topDocs(searcher, q, k, ID);
  }

  static List<ScoredDoc> topDocs(IndexSearcher searcher, Query q, int k, String idField) {
    try {
      TopDocs top = searcher.search(q, k);
      StoredFields stored = searcher.storedFields();
      List<ScoredDoc> out = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc sd : top.scoreDocs) {
        out.add(new ScoredDoc(stored.document(sd.doc).get(idField), sd.score));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (reader != null) {
        reader.close();
      }
      directory.close();
      analyzer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
