package dev.lede;

import dev.lede.IndexUnavailableException.Reason;
import dev.lede.article.Article;
import dev.lede.index.LuceneStoryStore;
import dev.lede.index.Schema;
import dev.lede.prepare.boilerplate.BoilerplateFile;
import dev.lede.prepare.boilerplate.BoilerplateModel;
import dev.lede.prepare.boilerplate.BoilerplateOptions;
import dev.lede.prepare.boilerplate.LearnedLine;
import dev.lede.prepare.story.MinHash;
import dev.lede.prepare.story.StoryAssignment;
import dev.lede.prepare.story.StoryEntry;
import dev.lede.prepare.story.StoryIndex;
import dev.lede.prepare.story.StoryOptions;
import dev.lede.prepare.story.StorySigner;
import dev.lede.prepare.story.WordDiff;
import dev.lede.search.Story;
import dev.lede.search.StoryMember;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
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
  /**
   * Story entries live in the article documents; this lock makes "find candidates, assign, write
   * the document" one step, and keeps a refresh from clearing the store's overlay between them.
   */
  private final Object storyLock = new Object();
  private final LuceneStoryStore storyStore;
  private final StoryIndex stories;
  private final BoilerplateModel boilerplate = new BoilerplateModel(BoilerplateOptions.defaults());

  private LuceneNewsIndex(Path path, Directory directory, IndexWriter writer, SearcherManager searchers, Schema schema, IndexOptions options) {
    this.path = path;
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
    this.schema = schema;
    this.searcher = new NewsSearcher(schema, options.ranking(), options.queryTimeout());
    this.preparer = options.preparer();
    StoryOptions storyOptions = StoryOptions.defaults();
    this.storyStore = new LuceneStoryStore(this::withSearcher, Schema.ID, Schema.STORY,
        new MinHash(storyOptions.hashes(), storyOptions.bands(), storyOptions.seed()));
    this.stories = new StoryIndex(storyStore, storyOptions);
    if (path != null) {
      BoilerplateFile.read(path, boilerplate);
    }
  }

  static NewsIndex open(Path dir, IndexOptions options, boolean create) {
    Schema schema = new Schema(options.stemmer());
    boolean exists = IndexFailures.checkBeforeOpen(dir, create && !options.readOnly());
    Directory directory = null;
    try {
      Files.createDirectories(dir);
      directory = FSDirectory.open(dir);
      if (exists) {
        checkCommit(dir, directory, schema);
      }
      return options.readOnly() ? readOnly(dir, directory, schema, options) : writable(dir, directory, schema, options);
    } catch (IndexUnavailableException e) {
      closeQuietly(directory);
      throw e;
    } catch (IOException e) {
      closeQuietly(directory);
      throw IndexFailures.opening(dir, e);
    } catch (UncheckedIOException e) {
      closeQuietly(directory);
      throw IndexFailures.reading(dir, e);
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

  /** The last commit must be Lede's, of this schema version and analysis. */
  private static void checkCommit(Path dir, Directory directory, Schema schema) throws IOException {
    Map<String, String> data;
    try {
      data = SegmentInfos.readLatestCommit(directory).getUserData();
    } catch (IndexNotFoundException e) {
      throw IndexFailures.opening(dir, e);
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
    synchronized (storyLock) {
      String before = fingerprintOf(id);
      if (prepared.fingerprint().equals(before)) {
        return UpsertOutcome.UNCHANGED;
      }
      if (before != null) {
        storedArticle(id).ifPresent(boilerplate::forget);
      }
      // learn first, so that the article that makes a line boilerplate is already stripped of it
      boilerplate.learn(prepared.article());
      StoryAssignment assignment = stories.add(prepared.article());
      lastAssignment = assignment;
      List<StoryEntry> relabeled = entries(assignment.relabeled());
      write(w, prepared, assignment.entry());
      // warned here, not in write(), which also rewrites story members that were warned about before
      for (String trimmed : Schema.trimmed(prepared.article())) {
        warnings.add("article '" + id + "': " + trimmed);
      }
      relabeled.forEach(e -> rewriteStory(w, e));
      return before == null ? UpsertOutcome.ADDED : UpsertOutcome.REPLACED;
    }
  }

  private volatile StoryAssignment lastAssignment;

  /** Warnings of writes not yet taken by {@link #takeWarnings()}. */
  private final java.util.Queue<String> warnings = new java.util.concurrent.ConcurrentLinkedQueue<>();

  @Override
  public List<String> takeWarnings() {
    List<String> out = new ArrayList<>();
    for (String w; (w = warnings.poll()) != null; ) {
      out.add(w);
    }
    return out;
  }

  /** The story assignment of the last upsert that wrote an article, for ingest reports. */
  StoryAssignment lastAssignment() {
    return lastAssignment;
  }

  private void write(IndexWriter w, PreparedArticle prepared, StoryEntry entry) {
    String id = prepared.article().id();
    PreparedArticle ready = prepared
        .withIndexedBody(boilerplate.strip(prepared.article().source(), prepared.indexedBody()))
        .withStoryId(entry.storyId());
    Document doc = schema.toDocument(ready);
    LuceneStoryStore.addFields(doc, entry);
    try {
      w.updateDocument(new Term(Schema.ID, id), doc);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write article '" + id + "': " + e.getMessage(), e);
    }
    pending.put(id, prepared.fingerprint());
  }

  /** The current entries of these ids, taken before a refresh can drop the store's overlay. */
  private List<StoryEntry> entries(List<String> ids) {
    List<StoryEntry> out = new ArrayList<>();
    for (String id : ids) {
      storyStore.get(id).ifPresent(out::add);
    }
    return out;
  }

  /** Rewrites an indexed article whose story id changed; Lucene cannot update sorted doc values in place. */
  private void rewriteStory(IndexWriter w, StoryEntry entry) {
    Optional<Article> stored = storedArticle(entry.id());
    if (stored.isPresent()) {
      write(w, preparer.prepare(stored.get()), entry);
      // the overlay may have been cleared by the refresh that read the article: the entry goes back in
      storyStore.put(entry);
    }
  }

  /** The stored article, refreshing first when it was written since the last refresh. */
  private Optional<Article> storedArticle(String id) {
    if (pending.containsKey(id)) {
      refresh();
    }
    return withSearcher(s -> {
      try {
        TopDocs top = s.search(new TermQuery(new Term(Schema.ID, id)), 1);
        if (top.scoreDocs.length == 0) {
          return Optional.empty();
        }
        return Optional.of(schema.toArticle(s.storedFields(), top.scoreDocs[0].doc));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
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
    synchronized (storyLock) {
      boolean existed = fingerprintOf(id) != null;
      if (existed) {
        storedArticle(id).ifPresent(boilerplate::forget);
      }
      List<StoryEntry> relabeled = entries(stories.remove(id));
      try {
        w.deleteDocuments(new Term(Schema.ID, id));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      pending.put(id, DELETED);
      relabeled.forEach(e -> rewriteStory(w, e));
      return existed;
    }
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
    if (path != null) {
      BoilerplateFile.write(path, boilerplate);
    }
    refresh();
  }

  @Override
  public void refresh() {
    try {
      // Clear first: a write racing with the refresh stays pending rather than being forgotten.
      synchronized (storyLock) {
        Map<String, String> snapshot = new HashMap<>(pending);
        searchers.maybeRefreshBlocking();
        snapshot.forEach(pending::remove);
        storyStore.afterRefresh();
      }
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
      throw IndexFailures.reading(path, new UncheckedIOException(e));
    }
    try {
      return f.apply(s);
    } catch (RuntimeException | AssertionError e) {
      // a damaged file may show itself only when a search first reads it
      throw IndexFailures.reading(path, e, s.getIndexReader());
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
    return storedArticle(id);
  }

  @Override
  public Optional<Story> story(String id) {
    if (pending.containsKey(id) || !pending.isEmpty()) {
      refresh();
    }
    Optional<StoryEntry> entry = storyStore.get(id);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    List<StoryEntry> members = stories.members(entry.get().storyId());
    List<StoryMember> out = new ArrayList<>();
    List<String> base = null;
    String baseHash = null;
    for (StoryEntry m : members) {
      Optional<Article> a = storedArticle(m.id());
      if (a.isEmpty()) {
        continue;
      }
      List<String> words = StorySigner.comparedWords(a.get());
      if (base == null) {
        base = words;
        baseHash = m.contentHash();
      }
      WordDiff diff = WordDiff.between(base, words);
      out.add(new StoryMember(m.id(), a.get().source(), a.get().published(), a.get().headline(), a.get().url(),
          words.size(), diff.added(), diff.removed(), m.contentHash().equals(baseHash)));
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(new Story(entry.get().storyId(), out));
  }

  @Override
  public Map<String, List<LearnedLine>> boilerplate() {
    return boilerplate.learned();
  }

  @Override
  public void resetBoilerplate() {
    writer();
    boilerplate.reset();
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
  public java.util.List<dev.lede.search.TrendingEntity> trending(java.time.Instant asOf, java.time.Duration window, int limit) {
    return withSearcher(s -> dev.lede.search.EntityTrends.trending(s, asOf, window, limit));
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
          if (path != null) {
            BoilerplateFile.write(path, boilerplate);
          }
        }
        writer.close();
      }
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close index " + path + ": " + e.getMessage(), e);
    }
  }
}
