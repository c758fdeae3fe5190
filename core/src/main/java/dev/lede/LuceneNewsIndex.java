package dev.lede;

import dev.lede.IndexUnavailableException.Reason;
import dev.lede.article.Article;
import dev.lede.index.Generations;
import dev.lede.index.LuceneStoryStore;
import dev.lede.index.Schema;
import dev.lede.index.SynonymFile;
import dev.lede.prepare.boilerplate.BoilerplateFile;
import dev.lede.prepare.boilerplate.BoilerplateModel;
import dev.lede.prepare.boilerplate.BoilerplateOptions;
import dev.lede.prepare.boilerplate.LearnedLine;
import dev.lede.prepare.story.StoryEntry;
import dev.lede.prepare.story.StorySigner;
import dev.lede.prepare.story.WordDiff;
import dev.lede.search.Story;
import dev.lede.search.StoryMember;
import dev.lede.search.IndexStats;
import dev.lede.search.NewsQuery;
import dev.lede.search.NewsSearcher;
import dev.lede.search.SearchResult;
import dev.lede.search.SortOrder;
import dev.lede.write.LuceneWrites;
import dev.lede.write.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The embedded, Lucene-backed {@link NewsIndex}: one {@link IndexWriter} (thread-safe) and a
 * near-real-time {@link SearcherManager} whose searchers are shared by every search and replaced
 * only on {@link #refresh()}.
 *
 * <p>The index directory holds one live generation (see {@link Generations}); this object works on
 * the generation that was live when it was opened. A read-only index moves to a newer live
 * generation on {@link #refresh()}, atomically: each search runs on one generation's searcher.
 */
final class LuceneNewsIndex implements NewsIndex {
  /** The index directory as the user named it (null in memory): messages and the pointer file. */
  private final Path path;
  private final IndexWriter writer; // null when read-only
  private volatile Generation generation;
  private final Schema schema;
  private final IndexOptions options;
  private final NewsSearcher searcher;
  private final dev.lede.search.Suggester suggester;
  /** The write steps (null when read-only): stories, boilerplate learning and the writer's documents. */
  private final LuceneWrites writes;
  /** Guards switching a read-only index to a newer generation. */
  private final Object switchLock = new Object();
  /** Reads story entries from the searcher: what a read-only index knows of stories. */
  private final LuceneStoryStore indexedStories;
  private final BoilerplateModel boilerplate = new BoilerplateModel(BoilerplateOptions.defaults());
  /** What each new searcher is warmed with before searches see it; shared with the searcher factories. */
  private final Warming warming;

  /** The warmer of {@link #setWarmer}, for the searcher factories (which exist before this object does). */
  private static final class Warming {
    volatile java.util.function.Consumer<IndexSearcher> warm; // null: none
  }
  /**
   * A read-only index's generation whose boilerplate.json is not read yet: only {@code stats
   * --boilerplate} asks for it, and on a large index it is megabytes of JSON (7.7 MB on the 60k
   * benchmark index), which every search used to parse (issue 17). Guarded by {@code boilerplate}.
   */
  private Path boilerplateUnread;

  /** One generation's directory and searchers, swapped whole by a read-only refresh. */
  private record Generation(String name, Path dir, Directory directory, SearcherManager searchers) {}

  private LuceneNewsIndex(Path path, Generation generation, IndexWriter writer, Schema schema, IndexOptions options, Warming warming) {
    this.path = path;
    this.warming = warming;
    this.generation = generation;
    this.writer = writer;
    this.schema = schema;
    this.options = options;
    this.searcher = new NewsSearcher(schema, options.ranking(), options.queryTimeout());
    this.suggester = new dev.lede.search.Suggester(schema);
    this.indexedStories = new LuceneStoryStore(this::withSearcher, Schema.ID, Schema.STORY);
    if (generation.dir() != null) {
      readBoilerplate(generation.dir(), writer != null);
    }
    this.writes = writer == null ? null : new LuceneWrites(path, writer, schema, options.preparer(), options.stories(), boilerplate,
        new LuceneWrites.Searchers() {
          @Override
          public <T> T withSearcher(Function<IndexSearcher, T> f) {
            return LuceneNewsIndex.this.withSearcher(f);
          }

          @Override
          public void refresh() {
            refreshSearchers();
          }
        }, this::commitData, generation.dir());
    loadSynonyms();
    String semantic = commitSemantic();
    if (semantic != null) {
      useVectors(semantic);
    }
  }

  // --- Semantic search: on when the commit names a model (docs/semantic.md) ---

  /** Semantic search's model, or null when it is off. */
  private volatile String vectorModel;

  /** Articles vectorised between two commits of {@code semantic enable}: what a kill can lose. */
  static final int ENABLE_BATCH = 256;

  /** The model the last commit this index sees names, or null. */
  private String commitSemantic() {
    return withSearcher(s -> {
      try {
        return ((org.apache.lucene.index.DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData().get(LuceneWrites.SEMANTIC);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Turns the vector step and vector search on, with this model (nothing is computed or loaded here). */
  void useVectors(String model) {
    vectorModel = model;
    if (writes != null) {
      writes.useVectors(dev.lede.prepare.Vectorizer.onClassPath(model));
    }
    searcher.setVectors(new NewsSearcher.Vectors(dev.lede.vector.Embedders::get, options.fusion()));
  }

  private void noVectors() {
    vectorModel = null;
    if (writes != null) {
      writes.useVectors(null);
    }
    searcher.setVectors(null);
  }

  /** Commit data of this index: {@link #commitData(Schema, IndexOptions)} and whether it has vectors. */
  private Map<String, String> commitData() {
    Map<String, String> data = commitData(schema, options);
    String model = vectorModel;
    if (model != null) {
      data.put(LuceneWrites.SEMANTIC, model);
    }
    return data;
  }

  @Override
  public SemanticReport enableSemantic(int threads, java.util.function.BiConsumer<Long, Long> progress) {
    if (!dev.lede.vector.Embedders.available()) {
      throw new LedeException("semantic search needs an embedding model on the class path: add dev.lede:lede-semantic");
    }
    return enableSemantic(dev.lede.vector.Embedders.model(), threads, ENABLE_BATCH, progress);
  }

  /** {@link #enableSemantic(int, java.util.function.BiConsumer)} with this model and batch. */
  SemanticReport enableSemantic(String model, int threads, int batch, java.util.function.BiConsumer<Long, Long> progress) {
    LuceneWrites w = writes();
    useVectors(model);
    return w.vectorizeAll(dev.lede.prepare.Vectorizer.onClassPath(model), threads, batch, progress == null ? (a, b) -> {} : progress);
  }

  @Override
  public void disableSemantic() {
    LuceneWrites w = writes();
    noVectors();
    w.commit();
  }

  @Override
  public String semanticModel() {
    return vectorModel;
  }

  /** A reader beside a writer: semantic search turned on or off by the writer applies here from its commit on. */
  private void followSemantic() {
    String model = commitSemantic();
    if (model == null && vectorModel != null) {
      noVectors();
    } else if (model != null && !model.equals(vectorModel)) {
      useVectors(model);
    }
  }

  static NewsIndex open(Path dir, IndexOptions options, boolean create) {
    Backup.refuseIncomplete(dir);
    // A writer locks the generation it resolved; if a reindex switched the pointer in between, the
    // lock is on a generation no longer live and writes there would be lost: resolve again.
    for (int attempt = 0; ; attempt++) {
      Generations.Pointer pointer = Files.isDirectory(dir) ? Generations.resolve(dir) : new Generations.Pointer(dir, Generations.FLAT, null);
      LuceneNewsIndex index = openGeneration(dir, pointer, options, create);
      if (options.readOnly() || attempt >= 3 || Generations.resolve(dir).live().equals(pointer.live())) {
        return index;
      }
      index.close();
    }
  }

  private static LuceneNewsIndex openGeneration(Path dir, Generations.Pointer pointer, IndexOptions options, boolean create) {
    Schema schema = new Schema(options.stemmer());
    Path gen = pointer.liveDir();
    boolean exists;
    if (pointer.flat()) {
      // a flat directory is what users point at: say exactly what it holds if it is not an index
      exists = IndexFailures.checkBeforeOpen(dir, create && !options.readOnly());
    } else {
      if (IndexFailures.contents(gen) != IndexFailures.Contents.COMMITTED) {
        throw new IndexUnavailableException(Reason.CORRUPT, dir, "index " + dir + " points to generation " + pointer.live()
            + ", which has no commit" + (pointer.previous() == null ? "" : ": run `lede reindex --rollback`"));
      }
      exists = true;
    }
    Directory directory = null;
    try {
      Files.createDirectories(gen);
      directory = FSDirectory.open(gen);
      if (exists) {
        checkCommit(dir, directory, schema);
      }
      return options.readOnly()
          ? readOnly(dir, pointer.live(), gen, directory, schema, options)
          : writable(dir, pointer.live(), gen, directory, schema, options);
    } catch (LockObtainFailedException e) {
      closeQuietly(directory);
      throw locked(dir, e);
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

  /** The error for a write lock held by another writer (or a reindex). */
  static IndexUnavailableException locked(Path dir, Exception cause) {
    return new IndexUnavailableException(Reason.LOCKED, dir,
        "index " + dir + " is locked: another Lede process is writing to it (wait for it to finish; searches still work)", cause);
  }

  /** A new, empty index in a generation directory of its own, for a reindex to fill. */
  static LuceneNewsIndex create(Path root, String name, Path gen, IndexOptions options) throws IOException {
    Files.createDirectories(gen);
    Directory directory = FSDirectory.open(gen);
    try {
      return writable(root, name, gen, directory, new Schema(options.stemmer()), options);
    } catch (IOException | RuntimeException e) {
      closeQuietly(directory);
      throw e;
    }
  }

  static NewsIndex inMemory(IndexOptions options) {
    try {
      return writable(null, null, null, new ByteBuffersDirectory(), new Schema(options.stemmer()), options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LuceneNewsIndex writable(Path dir, String name, Path gen, Directory directory, Schema schema, IndexOptions options)
      throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(schema.perFieldAnalyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setRAMBufferSizeMB(options.ramBufferMb())
        .setMergePolicy(options.mergePolicy().create())
        .setSimilarity(similarity(options))
        .setCommitOnClose(false)
        // Stored originals are most of an index: compressing them in blocks saves 27% of stored
        // bytes over deflating each article alone, at a similar cost per read (docs/schema.md).
        .setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
    IndexWriter writer = new IndexWriter(directory, config);
    try {
      if (!DirectoryReader.indexExists(directory)) {
        writer.setLiveCommitData(commitData(schema, options).entrySet());
        writer.commit(); // an empty index is still a Lede index, with its schema recorded
      }
      Warming warming = new Warming();
      SearcherManager sm = new SearcherManager(writer, factory(options, warming));
      return new LuceneNewsIndex(dir, new Generation(name, gen, directory, sm), writer, schema, options, warming);
    } catch (IOException | RuntimeException e) {
      writer.rollback();
      throw e;
    }
  }

  private static LuceneNewsIndex readOnly(Path dir, String name, Path gen, Directory directory, Schema schema, IndexOptions options)
      throws IOException {
    Warming warming = new Warming();
    SearcherManager sm = new SearcherManager(directory, factory(options, warming));
    return new LuceneNewsIndex(dir, new Generation(name, gen, directory, sm), null, schema, options, warming);
  }

  private static Similarity similarity(IndexOptions options) {
    return Schema.similarity(options.ranking());
  }

  private static SearcherFactory factory(IndexOptions options, Warming warming) {
    Similarity similarity = similarity(options);
    return new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader, org.apache.lucene.index.IndexReader previous) {
        IndexSearcher s = new IndexSearcher(reader);
        s.setSimilarity(similarity);
        java.util.function.Consumer<IndexSearcher> warm = warming.warm;
        if (warm != null && previous != null) {
          try {
            warm.accept(s); // searches keep the previous searcher until this one is returned
          } catch (RuntimeException e) {
            // warming is a head start, not a condition: the searcher is as good without it
          }
        }
        return s;
      }
    };
  }

  @Override
  public void setWarmer(Warmer warmer) {
    warming.warm = warmer == null ? null : s -> {
      org.apache.lucene.index.IndexReader.CacheHelper h = s.getIndexReader().getReaderCacheHelper();
      warmer.warm(h == null ? null : h.getKey(), q -> searcher.search(s, q));
    };
  }

  /**
   * What every commit records: the schema (a mismatch refuses to open) and what preparation and
   * story signing depended on (a reindex carries their output over only when these are unchanged).
   */
  static Map<String, String> commitData(Schema schema, IndexOptions options) {
    Map<String, String> data = new java.util.LinkedHashMap<>(schema.describe());
    data.put(LuceneWrites.PREPARED_BY, options.preparer().describe());
    data.put(LuceneWrites.SIGNED_WITH, LuceneWrites.signing(options.stories()));
    data.put(LuceneWrites.GROUPED_WITH, LuceneWrites.grouping(options.stories()));
    return data;
  }

  /** The last commit must be Lede's, of this schema version and analysis. */
  static void checkCommit(Path dir, Directory directory, Schema schema) throws IOException {
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

  // --- Writing: the steps are LuceneWrites', the pipeline is Pipeline's ---

  /** The write steps, or the error for a read-only index. */
  LuceneWrites writes() {
    if (writes == null) {
      throw new LedeException("index " + path + " is open read-only: it cannot be written");
    }
    return writes;
  }

  @Override
  public UpsertOutcome upsert(Article article) {
    return writes().write(article).outcome();
  }

  @Override
  public IngestReport ingest(dev.lede.read.ArticleSource source, IngestOptions options, IngestListener listener) {
    return Pipeline.run(writes(), source, options, listener);
  }

  @Override
  public List<String> takeWarnings() {
    return writes == null ? List.of() : writes.takeWarnings();
  }

  /** The stored article: the writer's view when writing (refreshing first when it was written since), else the searcher's. */
  private Optional<Article> storedArticle(String id) {
    if (writes != null) {
      return writes.storedArticle(id);
    }
    return withSearcher(s -> LuceneWrites.find(s, id)).map(schema::toArticle);
  }

  @Override
  public boolean delete(String id) {
    return writes().delete(id);
  }

  @Override
  public void commit() {
    writes().commit();
    loadSynonyms();
  }

  @Override
  public void refresh() {
    loadSynonyms();
    if (writer == null && path != null && switchGeneration()) {
      return;
    }
    if (writer == null) {
      refreshSearchers();
      followSemantic();
      return;
    }
    writes.refresh();
  }

  /**
   * Opens the current generation's newest commit for the next searches. Another thread's refresh may
   * switch generations in between and retire (close) the one read here: its newer generation's
   * searchers are fresh already, so that is not an error.
   */
  private void refreshSearchers() {
    Generation g = generation;
    try {
      g.searchers().maybeRefreshBlocking();
    } catch (org.apache.lucene.store.AlreadyClosedException e) {
      if (generation == g) {
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Moves a read-only index to the live generation when a reindex or rollback has switched it: new
   * searches get the new generation's searcher, searches under way finish on the old one, whose
   * files are released when its last searcher is.
   *
   * @return true when it switched
   */
  private boolean switchGeneration() {
    Generation old = generation;
    Generations.Pointer pointer = Generations.resolve(path);
    if (pointer.live().equals(old.name())) {
      return false;
    }
    synchronized (switchLock) {
      if (generation != old) {
        return true;
      }
      Directory directory = null;
      try {
        Schema schema = new Schema(options.stemmer());
        directory = FSDirectory.open(pointer.liveDir());
        checkCommit(path, directory, schema);
        Generation next = new Generation(pointer.live(), pointer.liveDir(), directory, new SearcherManager(directory, factory(options, warming)));
        generation = next;
        readBoilerplate(next.dir(), writes != null);
        retire(old);
        return true;
      } catch (IOException e) {
        closeQuietly(directory);
        throw new UncheckedIOException("cannot open generation " + pointer.live() + " of index " + path + ": " + e.getMessage(), e);
      }
    }
  }

  /** Closes a generation's searchers now, and its directory once the last search on it is done. */
  private static void retire(Generation old) throws IOException {
    IndexSearcher last = old.searchers().acquire();
    try {
      last.getIndexReader().getReaderCacheHelper().addClosedListener(key -> old.directory().close());
    } finally {
      old.searchers().release(last);
    }
    old.searchers().close();
  }

  // --- Reading ---

  private <T> T withSearcher(Function<IndexSearcher, T> f) {
    return withGeneration((g, s) -> f.apply(s));
  }

  /** Runs f on a searcher of the current generation; retries when a refresh retired it in between. */
  private <T> T withGeneration(java.util.function.BiFunction<Generation, IndexSearcher, T> f) {
    while (true) {
      Generation g = generation;
      IndexSearcher s;
      try {
        s = g.searchers().acquire();
      } catch (org.apache.lucene.store.AlreadyClosedException e) {
        if (generation == g) {
          throw e;
        }
        continue;
      } catch (IOException e) {
        throw IndexFailures.reading(path, new UncheckedIOException(e));
      }
      try {
        return f.apply(g, s);
      } catch (RuntimeException | AssertionError e) {
        // a damaged file may show itself only when a search first reads it
        throw IndexFailures.reading(path, e, s.getIndexReader());
      } finally {
        try {
          g.searchers().release(s);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /** The name of the generation this index works on ({@link Generations#FLAT} for a flat index; null in memory). */
  String generationName() {
    return generation.name();
  }

  @Override
  public PrunePreview previewPrune(dev.lede.read.ArticleSource source, IngestListener listener) {
    return Pipeline.previewPrune(keep -> {
      refresh();
      return withSearcher(s -> LuceneWrites.idsNotIn(s, keep));
    }, source, listener);
  }

  @Override
  public Optional<Article> get(String id) {
    return storedArticle(id);
  }

  @Override
  public Optional<Story> story(String id) {
    Optional<StoryEntry> entry;
    List<StoryEntry> members;
    if (writes != null) {
      Optional<LuceneWrites.StoryView> view = writes.story(id);
      entry = view.map(LuceneWrites.StoryView::entry);
      members = view.map(LuceneWrites.StoryView::members).orElse(List.of());
    } else {
      entry = indexedStories.get(id);
      members = entry.isEmpty() ? List.of() : indexedStories.members(entry.get().storyId());
      members = new ArrayList<>(members);
      members.sort(StoryEntry.EARLIEST_FIRST);
    }
    if (entry.isEmpty()) {
      return Optional.empty();
    }
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

  /** Reads a generation's boilerplate counts now (a writer learns from them) or when first asked for. */
  private void readBoilerplate(Path dir, boolean now) {
    synchronized (boilerplate) {
      boilerplateUnread = now ? null : dir;
      if (now) {
        BoilerplateFile.read(dir, boilerplate);
      }
    }
  }

  @Override
  public Map<String, List<LearnedLine>> boilerplate() {
    synchronized (boilerplate) {
      if (boilerplateUnread != null) {
        BoilerplateFile.read(boilerplateUnread, boilerplate);
        boilerplateUnread = null;
      }
      return boilerplate.learned();
    }
  }

  @Override
  public void resetBoilerplate() {
    writes();
    boilerplate.reset();
  }

  @Override
  public SearchResult search(NewsQuery query) {
    return withSearcher(s -> searcher.search(s, query));
  }

  @Override
  public Object searchVersion() {
    // The reader's cache key: a refresh that changed nothing keeps the reader, and so the key.
    return withSearcher(s -> {
      org.apache.lucene.index.IndexReader.CacheHelper h = s.getIndexReader().getReaderCacheHelper();
      return h == null ? null : h.getKey();
    });
  }

  @Override
  public SearchResult similar(String id, NewsQuery constraints) {
    return withSearcher(s -> searcher.similar(s, id, constraints));
  }

  @Override
  public List<dev.lede.search.Suggestion> suggest(String text, int limit) {
    return withSearcher(s -> suggester.suggest(s, text, limit));
  }

  @Override
  public java.util.List<dev.lede.search.TrendingEntity> trending(java.time.Instant asOf, java.time.Duration window, int limit) {
    return withSearcher(s -> dev.lede.search.EntityTrends.trending(s, asOf, window, limit));
  }

  @Override
  public IndexStats stats() {
    return withGeneration((g, s) -> {
      try {
        long sources = distinct(s, Schema.SOURCE);
        Instant newest = edge(s, SortOrder.NEWEST);
        Instant oldest = edge(s, SortOrder.OLDEST);
        long size = 0;
        if (g.dir() != null) {
          for (String f : g.directory().listAll()) {
            if (!Files.isRegularFile(g.dir().resolve(f))) {
              continue; // the generations beside a flat index's files
            }
            try {
              size += g.directory().fileLength(f);
            } catch (NoSuchFileException gone) {
              // merged away while we counted
            }
          }
        }
        return new IndexStats(s.getIndexReader().numDocs(), sources, oldest, newest, size, s.getIndexReader().leaves().size(), Schema.VERSION,
            g.name());
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

  // --- Synonyms and backup ---

  /** The stamp of the synonym file last read; null before the first read. */
  private volatile SynonymFile.Stamp synonymStamp;

  /**
   * Reads the index's synonym file when it changed since the last read (one stat when it did not),
   * unless the options fixed the list. A file edited into something that no longer parses is
   * refused with its line, and the list in use stays.
   */
  private void loadSynonyms() {
    if (options.synonyms() != null) {
      searcher.setSynonyms(options.synonyms());
      return;
    }
    if (path == null) {
      return;
    }
    SynonymFile.Stamp stamp = SynonymFile.stamp(path);
    if (stamp.equals(synonymStamp)) {
      return;
    }
    searcher.setSynonyms(SynonymFile.read(path));
    synonymStamp = stamp;
  }

  @Override
  public dev.lede.search.SynonymList synonyms() {
    return searcher.synonyms();
  }

  @Override
  public void setSynonyms(dev.lede.search.SynonymList list) {
    java.util.Objects.requireNonNull(list, "list");
    if (path != null) {
      SynonymFile.write(path, list);
      synonymStamp = SynonymFile.stamp(path);
    }
    searcher.setSynonyms(list);
  }

  @Override
  public BackupReport backup(Path destination, boolean copyEveryFile) {
    if (path == null) {
      throw new UnsupportedOperationException("an in-memory index cannot be backed up");
    }
    return Backup.run(path, destination, copyEveryFile);
  }

  @Override
  public void close() {
    Generation g = generation;
    try {
      if (writes != null) {
        writes.settle(); // what the close commits names no story by a member's old id
      }
      g.searchers().close();
      if (writes != null) {
        writes.close();
      }
      g.directory().close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close index " + path + ": " + e.getMessage(), e);
    }
  }
}
