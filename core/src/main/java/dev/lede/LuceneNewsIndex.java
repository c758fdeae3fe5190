package dev.lede;

import dev.lede.IndexUnavailableException.Reason;
import dev.lede.article.Article;
import dev.lede.index.Schema;
import dev.lede.prepare.PreparedArticle;
import dev.lede.prepare.Preparer;
import dev.lede.search.IndexStats;
import dev.lede.search.NewsQuery;
import dev.lede.search.NewsSearcher;
import dev.lede.search.SearchResult;
import dev.lede.search.SortOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The embedded, Lucene-backed {@link NewsIndex}: one {@link IndexWriter} (thread-safe) and a
 * near-real-time {@link SearcherManager} whose searchers are shared by every search and replaced
 * only on {@link #refresh()}.
 */
final class LuceneNewsIndex implements NewsIndex {
  private static final String DELETED = "";

  private final Path path;
  private final Directory directory;
  private final IndexWriter writer; // null when read-only
  private final SearcherManager searchers;
  private final Schema schema;
  private final NewsSearcher searcher;
  private final Preparer preparer;
  /** Fingerprints of writes not yet visible to the searcher ({@link #DELETED} for deletes). */
  private final Map<String, String> pending = new ConcurrentHashMap<>();

  private LuceneNewsIndex(Path path, Directory directory, IndexWriter writer, SearcherManager searchers, Schema schema, IndexOptions options) {
    this.path = path;
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
    this.schema = schema;
    this.searcher = new NewsSearcher(schema, options.ranking());
    this.preparer = options.preparer();
  }

  static NewsIndex open(Path dir, IndexOptions options, boolean create) {
    Schema schema = new Schema(options.stemmer());
    boolean exists = Files.isDirectory(dir) && hasCommit(dir);
    if (!exists) {
      if (!create || options.readOnly()) {
        throw new IndexUnavailableException(Reason.MISSING, dir, "no index at " + dir + ": run `lede index <files>` first");
      }
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new IndexUnavailableException(Reason.NOT_A_LEDE_INDEX, dir, dir + " is a file, not an index directory");
      }
      if (Files.isDirectory(dir) && !isEmpty(dir)) {
        throw new IndexUnavailableException(Reason.NOT_A_LEDE_INDEX, dir,
            dir + " is not a Lede index and not empty: choose an empty or new directory");
      }
    }
    Directory directory = null;
    try {
      Files.createDirectories(dir);
      directory = FSDirectory.open(dir);
      if (exists) {
        checkCommit(dir, directory, schema);
      }
      return options.readOnly() ? readOnly(dir, directory, schema, options) : writable(dir, directory, schema, options);
    } catch (LockObtainFailedException e) {
      closeQuietly(directory);
      throw new IndexUnavailableException(Reason.LOCKED, dir,
          "index " + dir + " is locked: another Lede process is writing to it (wait for it to finish, or search with a read-only open)", e);
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException | NoSuchFileException e) {
      closeQuietly(directory);
      throw new IndexUnavailableException(Reason.CORRUPT, dir,
          "index " + dir + " is damaged (" + e.getClass().getSimpleName() + "): run `lede check` to see what is wrong, or rebuild it with `lede index`", e);
    } catch (IndexUnavailableException e) {
      closeQuietly(directory);
      throw e;
    } catch (IOException e) {
      closeQuietly(directory);
      throw new IndexUnavailableException(Reason.CORRUPT, dir, "cannot open index " + dir + ": " + e.getMessage(), e);
    }
  }

  static NewsIndex inMemory(IndexOptions options) {
    try {
      return writable(null, new ByteBuffersDirectory(), new Schema(options.stemmer()), options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static NewsIndex writable(Path dir, Directory directory, Schema schema, IndexOptions options) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(schema.perFieldAnalyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setRAMBufferSizeMB(options.ramBufferMb())
        .setSimilarity(similarity(options))
        .setCommitOnClose(false)
        // Stored originals are most of an index: compressing them in blocks saves 27% of stored
        // bytes over deflating each article alone, at a similar cost per read (docs/schema.md).
        .setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
    IndexWriter writer = new IndexWriter(directory, config);
    try {
      if (!DirectoryReader.indexExists(directory)) {
        writer.setLiveCommitData(schema.describe().entrySet());
        writer.commit(); // an empty index is still a Lede index, with its schema recorded
      }
      SearcherManager sm = new SearcherManager(writer, factory(options));
      return new LuceneNewsIndex(dir, directory, writer, sm, schema, options);
    } catch (IOException | RuntimeException e) {
      writer.rollback();
      throw e;
    }
  }

  private static NewsIndex readOnly(Path dir, Directory directory, Schema schema, IndexOptions options) throws IOException {
    SearcherManager sm = new SearcherManager(directory, factory(options));
    return new LuceneNewsIndex(dir, directory, null, sm, schema, options);
  }

  private static BM25Similarity similarity(IndexOptions options) {
    return new BM25Similarity(options.ranking().k1(), options.ranking().b());
  }

  private static SearcherFactory factory(IndexOptions options) {
    BM25Similarity similarity = similarity(options);
    return new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader, org.apache.lucene.index.IndexReader previous) {
        IndexSearcher s = new IndexSearcher(reader);
        s.setSimilarity(similarity);
        return s;
      }
    };
  }

  private static boolean hasCommit(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /** The last commit must be Lede's, of this schema version and analysis. */
  private static void checkCommit(Path dir, Directory directory, Schema schema) throws IOException {
    Map<String, String> data;
    try {
      data = SegmentInfos.readLatestCommit(directory).getUserData();
    } catch (IndexNotFoundException e) {
      throw new IndexUnavailableException(Reason.CORRUPT, dir, "index " + dir + " has no readable commit: rebuild it with `lede index`", e);
    }
    String version = data.get("lede.schema");
    if (version == null) {
      throw new IndexUnavailableException(Reason.NOT_A_LEDE_INDEX, dir,
          dir + " holds a Lucene index that Lede did not write: choose another directory");
    }
    Map<String, String> expected = schema.describe();
    if (!version.equals(expected.get("lede.schema"))) {
      throw new IndexUnavailableException(Reason.SCHEMA_MISMATCH, dir,
          "index " + dir + " was written by Lede schema v" + version + ", this Lede uses v" + Schema.VERSION + ": run `lede reindex`");
    }
    for (Map.Entry<String, String> e : expected.entrySet()) {
      if (!e.getValue().equals(data.get(e.getKey()))) {
        throw new IndexUnavailableException(Reason.SCHEMA_MISMATCH, dir,
            "index " + dir + " was written with other analysis (" + e.getKey() + "=" + data.get(e.getKey()) + ", now " + e.getValue()
                + "): run `lede reindex`");
      }
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // already failing: the first error is the one to report
      }
    }
  }

  // --- Writing ---

  private IndexWriter writer() {
    if (writer == null) {
      throw new LedeException("index " + path + " is open read-only: it cannot be written");
    }
    return writer;
  }

  @Override
  public UpsertOutcome upsert(Article article) {
    IndexWriter w = writer();
    PreparedArticle prepared = preparer.prepare(article);
    String id = prepared.article().id();
    String before = fingerprintOf(id);
    if (prepared.fingerprint().equals(before)) {
      return UpsertOutcome.UNCHANGED;
    }
    try {
      w.updateDocument(new Term(Schema.ID, id), schema.toDocument(prepared));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write article '" + id + "': " + e.getMessage(), e);
    }
    pending.put(id, prepared.fingerprint());
    return before == null ? UpsertOutcome.ADDED : UpsertOutcome.REPLACED;
  }

  /** The fingerprint stored for an id, counting writes not yet refreshed; null when absent. */
  private String fingerprintOf(String id) {
    String p = pending.get(id);
    if (p != null) {
      return p == DELETED ? null : p;
    }
    return withSearcher(s -> {
      try {
        TopDocs top = s.search(new TermQuery(new Term(Schema.ID, id)), 1);
        if (top.scoreDocs.length == 0) {
          return null;
        }
        return s.storedFields().document(top.scoreDocs[0].doc, Set.of(Schema.FINGERPRINT)).get(Schema.FINGERPRINT);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Override
  public boolean delete(String id) {
    IndexWriter w = writer();
    boolean existed = fingerprintOf(id) != null;
    try {
      w.deleteDocuments(new Term(Schema.ID, id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pending.put(id, DELETED);
    return existed;
  }

  @Override
  public void commit() {
    IndexWriter w = writer();
    try {
      w.setLiveCommitData(schema.describe().entrySet());
      w.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit index " + path + ": " + e.getMessage(), e);
    }
    refresh();
  }

  @Override
  public void refresh() {
    try {
      // Clear first: a write racing with the refresh stays pending rather than being forgotten.
      Map<String, String> snapshot = new HashMap<>(pending);
      searchers.maybeRefreshBlocking();
      snapshot.forEach(pending::remove);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- Reading ---

  private <T> T withSearcher(Function<IndexSearcher, T> f) {
    IndexSearcher s;
    try {
      s = searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return f.apply(s);
    } finally {
      try {
        searchers.release(s);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public Optional<Article> get(String id) {
    if (pending.containsKey(id)) {
      refresh();
    }
    return withSearcher(s -> {
      try {
        TopDocs top = s.search(new TermQuery(new Term(Schema.ID, id)), 1);
        if (top.scoreDocs.length == 0) {
          return Optional.empty();
        }
        Document d = s.storedFields().document(top.scoreDocs[0].doc, Set.of(Schema.ORIGINAL));
        return Optional.of(schema.toArticle(d));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Override
  public SearchResult search(NewsQuery query) {
    return withSearcher(s -> searcher.search(s, query));
  }

  @Override
  public SearchResult similar(String id, NewsQuery constraints) {
    return withSearcher(s -> searcher.similar(s, id, constraints));
  }

  @Override
  public IndexStats stats() {
    return withSearcher(s -> {
      try {
        long sources = distinct(s, Schema.SOURCE);
        Instant newest = edge(s, SortOrder.NEWEST);
        Instant oldest = edge(s, SortOrder.OLDEST);
        long size = 0;
        if (path != null) {
          for (String f : directory.listAll()) {
            try {
              size += directory.fileLength(f);
            } catch (NoSuchFileException gone) {
              // merged away while we counted
            }
          }
        }
        return new IndexStats(s.getIndexReader().numDocs(), sources, oldest, newest, size, s.getIndexReader().leaves().size(), Schema.VERSION);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static long distinct(IndexSearcher s, String field) throws IOException {
    java.util.Set<String> values = new java.util.HashSet<>();
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      SortedSetDocValues dv = DocValues.getSortedSet(leaf.reader(), field);
      for (long ord = 0; ord < dv.getValueCount(); ord++) {
        values.add(dv.lookupOrd(ord).utf8ToString());
      }
    }
    return values.size();
  }

  private Instant edge(IndexSearcher s, SortOrder order) throws IOException {
    TopDocs top = s.search(new MatchAllDocsQuery(), 1, NewsSearcher.sortFor(order));
    if (top.scoreDocs.length == 0) {
      return null;
    }
    Object v = ((org.apache.lucene.search.FieldDoc) top.scoreDocs[0]).fields[0];
    long millis = (Long) v;
    return millis == Long.MIN_VALUE || millis == Long.MAX_VALUE ? null : Instant.ofEpochMilli(millis);
  }

  @Override
  public void close() {
    try {
      searchers.close();
      if (writer != null) {
        if (writer.hasUncommittedChanges()) {
          writer.setLiveCommitData(schema.describe().entrySet());
          writer.commit();
        }
        writer.close();
      }
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close index " + path + ": " + e.getMessage(), e);
    }
  }
}
