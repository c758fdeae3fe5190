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
import dev.lede.prepare.story.MemoryStoryStore;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
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
  private final Preparer preparer;
  /**
   * Story assignment, boilerplate learning and the unchanged check depend on every earlier article,
   * so they happen one article at a time under this lock, on what the writer holds in memory; the
   * document is built and written outside it. A commit or refresh also takes it, and first waits
   * for the writes in flight ({@link #inFlight}).
   */
  private final Object storyLock = new Object();
  /** Documents assigned under {@link #storyLock} and not yet handed to the writer; guarded by itself. */
  private final int[] inFlight = new int[1];
  /** A writer's story entries and fingerprints of every article (null when read-only). */
  private final MemoryStoryStore memory;
  /** Story assignment over {@link #memory} (null when read-only). */
  private final StoryIndex stories;
  /** Reads story entries from the searcher: what a read-only index knows of stories. */
  private final LuceneStoryStore indexedStories;
  /** Ids written or deleted since the last refresh: reading one back needs a refresh first. */
  private final Set<String> dirty = ConcurrentHashMap.newKeySet();
  /**
   * Per id assigned since the last commit or refresh, the latest record: the {@link Assigned}
   * itself while it is on its way to the writer, then its ticket (see {@link #storeDocument}).
   */
  private final Map<String, Object> latest = new ConcurrentHashMap<>();
  private long tickets; // under storyLock
  /** Ids whose story id changed and whose document still has the old one; under storyLock. */
  private final Set<String> relabeled = new java.util.LinkedHashSet<>();
  private final BoilerplateModel boilerplate = new BoilerplateModel(BoilerplateOptions.defaults());
  /** Semantic search: the vector step of every write, or null when the index has it off (then no vector class is touched). */
  private volatile dev.lede.prepare.Vectorizer vectorizer;

  /** One generation's directory and searchers, swapped whole by a read-only refresh. */
  private record Generation(String name, Path dir, Directory directory, SearcherManager searchers) {}

  private LuceneNewsIndex(Path path, Generation generation, IndexWriter writer, Schema schema, IndexOptions options) {
    this.path = path;
    this.generation = generation;
    this.writer = writer;
    this.schema = schema;
    this.options = options;
    this.searcher = new NewsSearcher(schema, options.ranking(), options.queryTimeout());
    this.suggester = new dev.lede.search.Suggester(schema);
    this.preparer = options.preparer();
    StoryOptions storyOptions = options.stories();
    MinHash minHash = new MinHash(storyOptions.hashes(), storyOptions.bands(), storyOptions.seed());
    this.indexedStories = new LuceneStoryStore(this::withSearcher, Schema.ID, Schema.STORY);
    if (writer == null) {
      this.memory = null;
      this.stories = null;
    } else {
      this.memory = new MemoryStoryStore(minHash, storyOptions.minWords());
      withSearcher(s -> {
        LuceneStoryStore.load(s.getIndexReader(), memory);
        return null;
      });
      this.stories = new StoryIndex(memory, storyOptions);
    }
    if (generation.dir() != null) {
      BoilerplateFile.read(generation.dir(), boilerplate);
    }
    loadSynonyms();
    String semantic = withSearcher(s -> {
      try {
        return ((org.apache.lucene.index.DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData().get(SEMANTIC);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    if (semantic != null) {
      useVectors(semantic);
    }
  }

  /** A reader beside a writer: semantic search turned on or off by the writer applies here from its commit on. */
  private void followSemantic() {
    String model = withSearcher(s -> {
      try {
        return ((org.apache.lucene.index.DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData().get(SEMANTIC);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    if (model == null ? vectorizer != null : !model.equals(vectorModel())) {
      if (model == null) {
        vectorizer = null;
        searcher.setVectors(null);
      } else {
        useVectors(model);
      }
    }
  }

  /** Commit data key: the model of the index's vectors, present only when semantic search is on. */
  static final String SEMANTIC = "lede.semantic";

  /** Turns the vector step and vector search on, with this model (nothing is computed or loaded here). */
  void useVectors(String model) {
    dev.lede.prepare.Vectorizer v = dev.lede.prepare.Vectorizer.onClassPath(model);
    vectorizer = v;
    searcher.setVectors(new NewsSearcher.Vectors(dev.lede.vector.Embedders::get, options.fusion()));
  }

  /** The model of the index's vectors, or null when semantic search is off. */
  String vectorModel() {
    dev.lede.prepare.Vectorizer v = vectorizer;
    return v == null ? null : v.model();
  }

  /** Commit data of this index: {@link #commitData(Schema, IndexOptions)} and whether it has vectors. */
  private Map<String, String> commitData() {
    Map<String, String> data = commitData(schema, options);
    String model = vectorModel();
    if (model != null) {
      data.put(SEMANTIC, model);
    }
    return data;
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
      SearcherManager sm = new SearcherManager(writer, factory(options));
      return new LuceneNewsIndex(dir, new Generation(name, gen, directory, sm), writer, schema, options);
    } catch (IOException | RuntimeException e) {
      writer.rollback();
      throw e;
    }
  }

  private static LuceneNewsIndex readOnly(Path dir, String name, Path gen, Directory directory, Schema schema, IndexOptions options)
      throws IOException {
    SearcherManager sm = new SearcherManager(directory, factory(options));
    return new LuceneNewsIndex(dir, new Generation(name, gen, directory, sm), null, schema, options);
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

  /** Commit data key: what preparation made the stored entities ({@link Preparer#describe()}). */
  static final String PREPARED_BY = "lede.prepare";
  /** Commit data key: the story options that made the stored signatures. */
  static final String SIGNED_WITH = "lede.stories";

  /**
   * What every commit records: the schema (a mismatch refuses to open) and what preparation and
   * story signing depended on (a reindex carries their output over only when these are unchanged).
   */
  static Map<String, String> commitData(Schema schema, IndexOptions options) {
    Map<String, String> data = new java.util.LinkedHashMap<>(schema.describe());
    data.put(PREPARED_BY, options.preparer().describe());
    data.put(SIGNED_WITH, signing(options.stories()));
    return data;
  }

  /** The story options signatures depend on (not the threshold, which applies when comparing). */
  static String signing(StoryOptions o) {
    return "shingles=" + o.shingleSize() + ",hashes=" + o.hashes() + ",bands=" + o.bands() + ",seed=" + o.seed()
        + ",grouping=" + o.grouping();
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

  // --- Writing ---
  //
  // A write has three steps. prepare() is pure and runs on any thread. assign() decides the
  // article's place among the others (unchanged or not, its story, what boilerplate it has), one
  // article at a time under storyLock, and only with what the writer holds in memory. store() hands
  // the document to the IndexWriter, on the caller's thread, beside other writers. The ingest
  // pipeline calls assign() in input order, so the same input always gives the same stories and the
  // last record of an id wins.

  private IndexWriter writer() {
    if (writer == null) {
      throw new LedeException("index " + path + " is open read-only: it cannot be written");
    }
    return writer;
  }

  @Override
  public UpsertOutcome upsert(Article article) {
    return write(article).outcome();
  }

  /** What one write did, with what an ingest report counts beside the outcome. */
  record Written(UpsertOutcome outcome, String duplicateOf) {}

  /** Upserts one article: the three steps on the caller's thread. */
  Written write(Article article) {
    return store(assign(prepare(article)));
  }

  /**
   * An article prepared and signed, not yet placed among the others.
   *
   * @param learned the lines boilerplate is learned from (the body as read)
   * @param indexed the lines of the body to index, from which boilerplate is stripped
   */
  record Ready(PreparedArticle prepared, StoryEntry signed, BoilerplateModel.Lines learned, BoilerplateModel.Lines indexed) {}

  /** Prepares and signs an article, and keys its lines: all the work that needs no lock, on any thread. */
  Ready prepare(Article article) {
    return prepare(article, null);
  }

  /**
   * {@link #prepare(Article)} for an article whose preparation is carried over from an index
   * built with the same extractor and story options: its entities and signature are taken, not
   * made again.
   */
  Ready prepare(Article article, Carried carried) {
    writer();
    PreparedArticle prepared = carried == null || carried.entities() == null
        ? preparer.prepare(article)
        : preparer.prepare(article, carried.entities());
    String body = prepared.article().body();
    BoilerplateModel.Lines learned = BoilerplateModel.lines(body);
    BoilerplateModel.Lines indexed = prepared.indexedBody().equals(body) ? learned : BoilerplateModel.lines(prepared.indexedBody());
    StoryEntry signed = carried == null || carried.entry() == null
        ? stories.signer().sign(prepared.article())
        : carried.entry().withStory(article.id());
    dev.lede.prepare.Vectorizer v = vectorizer;
    if (v != null && carried != null && carried.vectors() != null && carried.vectors().key().equals(v.key(prepared.input()))) {
      prepared = prepared.withVectors(carried.vectors()); // a reindex: same text, same model
    }
    return new Ready(prepared, signed, learned, indexed);
  }

  /**
   * An article with its place decided.
   *
   * @param ticket orders the writes of one id: only the latest assigned is written
   * @param before the entry and fingerprint the id had, to put back if the write fails
   * @param replaced the stored article this one replaces, whose boilerplate counts were taken back
   * @param after an earlier record of the same id still on its way to the writer when this one was
   *     assigned: this one is written only once that one is done
   * @param done counted down when this record is written, skipped or refused
   */
  record Assigned(String id, UpsertOutcome outcome, PreparedArticle ready, StoryEntry entry, String duplicateOf, long ticket,
      Optional<StoryEntry> before, String beforeFingerprint, Article replaced, Assigned after, CountDownLatch done) {}

  /** Decides the outcome, story and boilerplate of a prepared article; one at a time, in input order. */
  Assigned assign(Ready r) {
    writer();
    PreparedArticle prepared = r.prepared();
    String id = prepared.article().id();
    synchronized (storyLock) {
      String before = memory.fingerprint(id);
      if (prepared.fingerprint().equals(before)) {
        return new Assigned(id, UpsertOutcome.UNCHANGED, prepared, null, null, 0, Optional.empty(), before, null, null, null);
      }
      UpsertOutcome outcome = before == null ? UpsertOutcome.ADDED : UpsertOutcome.REPLACED;
      Optional<StoryEntry> previous = memory.get(id);
      Article replaced = before == null ? null : previousVersion(id);
      if (replaced != null) {
        boilerplate.forget(replaced);
      }
      // learn first, so that the article that makes a line boilerplate is already stripped of it
      boilerplate.learn(prepared.article().source(), r.learned());
      StoryAssignment assignment = stories.add(r.signed());
      memory.fingerprint(id, prepared.fingerprint());
      PreparedArticle ready = prepared
          .withBoilerplateRemoved(boilerplate.strip(prepared.article().source(), prepared.indexedBody(), r.indexed()))
          .withStoryId(assignment.entry().storyId());
      for (String trimmed : Schema.trimmed(prepared.article())) {
        warnings.add("article '" + id + "': " + trimmed);
      }
      // Rare (a back-filled earliest copy): members whose story id changed are rewritten at the next
      // refresh or commit, when they can be read back whatever thread is still writing them.
      relabeled.addAll(assignment.relabeled());
      Assigned a = new Assigned(id, outcome, ready, assignment.entry(), assignment.duplicateOf(), ++tickets, previous, before, replaced,
          latest.get(id) instanceof Assigned inFlight ? inFlight : null, new CountDownLatch(1));
      latest.put(id, a);
      synchronized (inFlight) {
        inFlight[0]++;
      }
      return a;
    }
  }

  /** Hands an assigned article to the writer. */
  Written store(Assigned a) {
    if (a.outcome() == UpsertOutcome.UNCHANGED) {
      return new Written(a.outcome(), a.duplicateOf());
    }
    RuntimeException failed = null;
    try {
      storeDocument(writer(), a);
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      synchronized (inFlight) {
        inFlight[0]--;
        inFlight.notifyAll();
      }
    }
    if (failed != null) {
      synchronized (storyLock) {
        undo(a);
      }
      throw failed;
    }
    return new Written(a.outcome(), a.duplicateOf());
  }

  /**
   * Writes the document, unless a later record of the same id was assigned meanwhile: that one is
   * written instead, so the last record read wins whichever thread gets here first. No lock is
   * held while writing: a record waits only for an earlier record of its own id, and most ids
   * come once.
   */
  private void storeDocument(IndexWriter w, Assigned a) {
    try {
      if (a.after() != null) {
        awaitUninterruptibly(a.after().done());
      }
      Object newest = latest.get(a.id());
      long ticket = newest instanceof Assigned n ? n.ticket() : newest == null ? a.ticket() : (Long) newest;
      if (ticket != a.ticket()) {
        return; // a later record of this id was assigned, and is or will be written
      }
      writeDocument(w, a.ready(), a.entry(), a.ready().fingerprint());
      dirty.add(a.id());
      latest.replace(a.id(), a, a.ticket()); // written: only its ticket is kept, not the article
    } finally {
      a.done().countDown();
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Puts back what {@link #assign} changed for an article the writer refused; under the lock. */
  private void undo(Assigned a) {
    latest.remove(a.id(), a);
    boilerplate.forget(a.ready().article());
    if (a.replaced() != null) {
      boilerplate.learn(a.replaced());
    }
    relabeled.addAll(stories.remove(a.id()));
    if (a.before().isPresent()) {
      memory.put(a.before().get());
      memory.fingerprint(a.id(), a.beforeFingerprint());
    }
  }

  /**
   * The version of an article this write replaces: the one still on its way to the writer, else
   * the stored one (refreshing first when it was written since the last refresh).
   */
  private Article previousVersion(String id) {
    if (latest.get(id) instanceof Assigned inFlight) {
      return inFlight.ready().article();
    }
    if (dirty.contains(id)) {
      refreshWritten();
    }
    return storedArticle(id).orElse(null);
  }

  /**
   * Strips boilerplate learned late from the articles written before it was learned: the first
   * articles of a source are written before their footer has been seen often enough to count, and
   * would keep it searchable (issue 14). Each learned line is looked up as a phrase among its
   * source's articles; only articles that still hold it are found, so after the first run this
   * costs one query per learned line.
   *
   * @return how many articles were written again
   */
  int stripLearnedBoilerplate() {
    IndexWriter w = writer();
    synchronized (storyLock) {
      awaitWrites();
      refreshWritten();
      Set<String> holding = new java.util.TreeSet<>();
      org.apache.lucene.util.QueryBuilder phrases = new org.apache.lucene.util.QueryBuilder(schema.analyzer(Schema.EXACT));
      boilerplate.learned().forEach((source, lines) -> {
        for (LearnedLine line : lines) {
          org.apache.lucene.search.Query phrase = phrases.createPhraseQuery(Schema.EXACT, line.text());
          if (phrase == null) {
            continue;
          }
          org.apache.lucene.search.Query q = new org.apache.lucene.search.BooleanQuery.Builder()
              .add(phrase, org.apache.lucene.search.BooleanClause.Occur.MUST)
              .add(new TermQuery(new Term(Schema.SOURCE, Schema.keyword(source))), org.apache.lucene.search.BooleanClause.Occur.FILTER)
              .build();
          holding.addAll(ids(q));
        }
      });
      int rewritten = 0;
      for (String id : holding) {
        Optional<Document> stored = storedDocument(id);
        Optional<StoryEntry> entry = memory.get(id);
        if (stored.isEmpty() || entry.isEmpty()) {
          continue;
        }
        dev.lede.index.StoredArticles.Stored read = schema.toStored(stored.get());
        PreparedArticle prepared = preparer.prepare(read.input(), read.prepared());
        String stripped = boilerplate.strip(prepared.article().source(), prepared.indexedBody());
        if (!stripped.equals(prepared.indexedBody())) {
          writeDocument(w, prepared.withBoilerplateRemoved(stripped).withStoryId(entry.get().storyId()), entry.get(),
              memory.fingerprint(id), indexedVectors(id));
          dirty.add(id);
          rewritten++;
        }
      }
      return rewritten;
    }
  }

  /** The ids of every article matching a query. */
  private List<String> ids(org.apache.lucene.search.Query q) {
    return withSearcher(s -> {
      try {
        List<String> out = new ArrayList<>();
        TopDocs top = s.search(q, Math.max(1, s.getIndexReader().maxDoc()));
        org.apache.lucene.index.StoredFields fields = s.storedFields();
        for (var hit : top.scoreDocs) {
          out.add(fields.document(hit.doc, Set.of(Schema.ID)).get(Schema.ID));
        }
        return out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Rewrites the members whose story id changed since the last refresh; under the lock, nothing in flight. */
  private void rewriteRelabeled() {
    if (relabeled.isEmpty()) {
      return;
    }
    refreshWritten();
    IndexWriter w = writer();
    for (StoryEntry e : entries(List.copyOf(relabeled))) {
      rewriteStory(w, e);
    }
    relabeled.clear();
  }

  /** Waits until every document assigned under the lock is in the writer; call holding {@link #storyLock}. */
  private void awaitWrites() {
    boolean interrupted = false;
    synchronized (inFlight) {
      while (inFlight[0] > 0) {
        try {
          inFlight.wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

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

  /** For tests: ids whose documents the writer refuses, as it refuses an invalid document. */
  volatile java.util.function.Predicate<String> refuse;

  private void writeDocument(IndexWriter w, PreparedArticle ready, StoryEntry entry, String fingerprint) {
    writeDocument(w, ready, entry, fingerprint, null);
  }

  /**
   * Writes an article's document; with semantic search on, with its vectors: {@code carried} when
   * made from the same text by the same model (a rewrite), else made here. Here rather than at
   * prepare, so that an unchanged article re-fed costs no model run; ingest calls this on its
   * worker threads, so the model runs on every core.
   */
  private void writeDocument(IndexWriter w, PreparedArticle ready, StoryEntry entry, String fingerprint,
      dev.lede.vector.ArticleVectors carried) {
    String id = ready.article().id();
    if (refuse != null && refuse.test(id)) {
      throw new IllegalArgumentException("document of article '" + id + "' refused");
    }
    dev.lede.prepare.Vectorizer v = vectorizer;
    if (v != null && ready.vectors() == null) {
      ready = ready.withVectors(v.vectors(ready.input(), carried));
    }
    Document doc = schema.toDocument(ready);
    LuceneStoryStore.addFields(doc, entry, fingerprint);
    try {
      w.updateDocument(new Term(Schema.ID, id), doc);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write article '" + id + "': " + e.getMessage(), e);
    }
  }

  /** The current entries of these ids. */
  private List<StoryEntry> entries(List<String> ids) {
    List<StoryEntry> out = new ArrayList<>();
    for (String id : ids) {
      memory.get(id).ifPresent(out::add);
    }
    return out;
  }

  /** Rewrites an indexed article whose story id changed (Lucene cannot update sorted doc values in place). */
  private void rewriteStory(IndexWriter w, StoryEntry entry) {
    Optional<Document> stored = storedDocument(entry.id());
    if (stored.isPresent()) {
      // prepared again from the input, with the entities it was given: nothing is extracted twice
      dev.lede.index.StoredArticles.Stored read = schema.toStored(stored.get());
      PreparedArticle prepared = preparer.prepare(read.input(), read.prepared());
      PreparedArticle ready = prepared
          .withBoilerplateRemoved(boilerplate.strip(prepared.article().source(), prepared.indexedBody()))
          .withStoryId(entry.storyId());
      writeDocument(w, ready, entry, memory.fingerprint(entry.id()), indexedVectors(entry.id()));
      dirty.add(entry.id());
    }
  }

  @Override
  public SemanticReport enableSemantic(int threads, java.util.function.BiConsumer<Long, Long> progress) {
    if (!dev.lede.vector.Embedders.available()) {
      throw new LedeException("semantic search needs an embedding model on the class path: add dev.lede:lede-semantic");
    }
    return enableSemantic(dev.lede.vector.Embedders.model(), threads, ENABLE_BATCH, progress == null ? (a, b) -> {} : progress);
  }

  /** Articles vectorised between two commits of {@code semantic enable}: what a kill can lose. */
  static final int ENABLE_BATCH = 256;

  @Override
  public void disableSemantic() {
    writer();
    vectorizer = null;
    searcher.setVectors(null);
    commit();
  }

  @Override
  public String semanticModel() {
    return vectorModel();
  }

  /** The vectors the index holds for an article (after a refresh when it was written since), or null. */
  private dev.lede.vector.ArticleVectors indexedVectors(String id) {
    if (vectorizer == null) {
      return null;
    }
    if (dirty.contains(id)) {
      refreshWritten();
    }
    return withSearcher(s -> {
      try {
        TopDocs top = s.search(new TermQuery(new Term(Schema.ID, id)), 1);
        return top.scoreDocs.length == 0 ? null : dev.lede.index.IndexedVectors.read(s.getIndexReader(), top.scoreDocs[0].doc);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * Turns semantic search on and gives every article its vectors, committing every {@code batch}
   * articles: killed halfway, a run again starts where the last commit left off (an article with
   * vectors of this model is not done again). Vectors are made on {@code threads} threads.
   */
  SemanticReport enableSemantic(String model, int threads, int batch, java.util.function.BiConsumer<Long, Long> progress) {
    IndexWriter w = writer();
    if (vectorModel() == null || !vectorModel().equals(model)) {
      useVectors(model);
    }
    dev.lede.prepare.Vectorizer v = vectorizer;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "lede-vectors");
      t.setDaemon(true);
      return t;
    });
    long done = 0;
    long skipped = 0;
    try {
      synchronized (storyLock) {
        awaitWrites();
        rewriteRelabeled();
      }
      refreshWritten();
      org.apache.lucene.search.Query lacking = new org.apache.lucene.search.BooleanQuery.Builder()
          .add(new org.apache.lucene.search.MatchAllDocsQuery(), org.apache.lucene.search.BooleanClause.Occur.FILTER)
          .add(new TermQuery(new Term(Schema.VECTOR_MODEL, Schema.keyword(model))), org.apache.lucene.search.BooleanClause.Occur.MUST_NOT)
          .build();
      long total = withSearcher(s -> {
        try {
          return (long) s.count(lacking);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      long already = stats().articles() - total;
      progress.accept(0L, total);
      while (true) {
        List<String> ids = withSearcher(s -> {
          try {
            List<String> out = new ArrayList<>();
            TopDocs top = s.search(lacking, batch);
            org.apache.lucene.index.StoredFields fields = s.storedFields();
            for (var hit : top.scoreDocs) {
              out.add(fields.document(hit.doc, Set.of(Schema.ID)).get(Schema.ID));
            }
            return out;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
        if (ids.isEmpty()) {
          break;
        }
        List<java.util.concurrent.Future<Object[]>> made = new ArrayList<>();
        for (String id : ids) {
          made.add(pool.submit(() -> {
            Optional<Document> stored = storedDocument(id);
            if (stored.isEmpty()) {
              return null;
            }
            dev.lede.index.StoredArticles.Stored read = schema.toStored(stored.get());
            return new Object[] {read, v.vectors(read.input(), null)};
          }));
        }
        synchronized (storyLock) {
          for (int i = 0; i < ids.size(); i++) {
            Object[] r;
            try {
              r = made.get(i).get();
            } catch (java.util.concurrent.ExecutionException e) {
              throw e.getCause() instanceof RuntimeException re ? re : new LedeException("cannot make vectors: " + e.getCause(), e.getCause());
            }
            Optional<StoryEntry> entry = memory.get(ids.get(i));
            if (r == null || entry.isEmpty()) {
              skipped++;
              continue;
            }
            dev.lede.index.StoredArticles.Stored read = (dev.lede.index.StoredArticles.Stored) r[0];
            PreparedArticle prepared = preparer.prepare(read.input(), read.prepared());
            PreparedArticle ready = prepared
                .withBoilerplateRemoved(boilerplate.strip(prepared.article().source(), prepared.indexedBody()))
                .withStoryId(entry.get().storyId())
                .withVectors((dev.lede.vector.ArticleVectors) r[1]);
            writeDocument(w, ready, entry.get(), memory.fingerprint(ids.get(i)));
            dirty.add(ids.get(i));
            done++;
          }
        }
        commit(); // what is done stays done if the process is killed now
        progress.accept(done + skipped, total);
        if (skipped > 0 && done == 0) {
          break; // nothing could be done: do not loop on the same articles
        }
      }
      commit();
      return new SemanticReport(model, done, already, skipped);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedeException("semantic enable interrupted after " + done + " articles (committed; run it again to go on)", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The stored article, refreshing first when it was written since the last refresh. */
  private Optional<Article> storedArticle(String id) {
    return storedDocument(id).map(schema::toArticle);
  }

  /** The stored fields of an article, refreshing first when it was written since the last refresh. */
  private Optional<Document> storedDocument(String id) {
    if (dirty.contains(id)) {
      refreshWritten();
    }
    return withSearcher(s -> {
      try {
        TopDocs top = s.search(new TermQuery(new Term(Schema.ID, id)), 1);
        if (top.scoreDocs.length == 0) {
          return Optional.empty();
        }
        return Optional.of(s.storedFields().document(top.scoreDocs[0].doc, Set.of(Schema.ORIGINAL)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Override
  public boolean delete(String id) {
    IndexWriter w = writer();
    synchronized (storyLock) {
      awaitWrites(); // an assigned write of this id still on its way would bring it back
      boolean existed = memory.fingerprint(id) != null;
      if (existed) {
        storedArticle(id).ifPresent(boilerplate::forget);
      }
      relabeled.addAll(stories.remove(id));
      try {
        w.deleteDocuments(new Term(Schema.ID, id));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      dirty.add(id);
      return existed;
    }
  }

  @Override
  public void commit() {
    IndexWriter w = writer();
    // Under the lock, after the writes in flight: a commit holds every article assigned before it,
    // so no committed story names an earliest member that the commit lacks.
    synchronized (storyLock) {
      awaitWrites();
      rewriteRelabeled();
      try {
        w.setLiveCommitData(commitData().entrySet());
        w.commit();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot commit index " + path + ": " + e.getMessage(), e);
      }
      if (generation.dir() != null) {
        BoilerplateFile.write(generation.dir(), boilerplate);
      }
      latest.clear(); // nothing is in flight: no earlier record can arrive late
    }
    refresh();
  }

  @Override
  public void refresh() {
    loadSynonyms();
    if (writer == null && path != null && switchGeneration()) {
      return;
    }
    try {
      if (writer == null) {
        generation.searchers().maybeRefreshBlocking();
        followSemantic();
        return;
      }
      synchronized (storyLock) {
        awaitWrites();
        rewriteRelabeled();
        refreshWritten();
        latest.clear(); // nothing is in flight: no earlier record can arrive late
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Makes what was written so far searchable, without waiting for writes in flight (the thread
   * asking may hold some itself); the ids written before it began are readable after it.
   */
  private void refreshWritten() {
    List<String> written = List.copyOf(dirty);
    try {
      generation.searchers().maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    written.forEach(dirty::remove);
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
    synchronized (storyLock) {
      if (generation != old) {
        return true;
      }
      Directory directory = null;
      try {
        Schema schema = new Schema(options.stemmer());
        directory = FSDirectory.open(pointer.liveDir());
        checkCommit(path, directory, schema);
        Generation next = new Generation(pointer.live(), pointer.liveDir(), directory, new SearcherManager(directory, factory(options)));
        generation = next;
        BoilerplateFile.read(next.dir(), boilerplate);
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

  /** Every live article id, in index order, read from doc values (no stored document is loaded). */
  void forEachId(java.util.function.Consumer<String> action) {
    withSearcher(s -> {
      try {
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
          org.apache.lucene.index.SortedDocValues ids = DocValues.getSorted(leaf.reader(), Schema.ID);
          org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
          for (int doc = ids.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
            if (live == null || live.get(doc)) {
              action.accept(ids.lookupOrd(ids.ordValue()).utf8ToString());
            }
          }
        }
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The ids of the indexed articles not in {@code keep}, after a refresh. */
  List<String> idsNotIn(Set<String> keep) {
    refresh();
    List<String> gone = new ArrayList<>();
    forEachId(id -> {
      if (!keep.contains(id)) {
        gone.add(id);
      }
    });
    return gone;
  }

  @Override
  public PrunePreview previewPrune(dev.lede.read.ArticleSource source, IngestListener listener) {
    return Ingest.previewPrune(this, source, listener);
  }

  @Override
  public Optional<Article> get(String id) {
    return storedArticle(id);
  }

  @Override
  public Optional<Story> story(String id) {
    Optional<StoryEntry> entry;
    List<StoryEntry> members;
    if (memory != null) {
      // a writer's memory is current; it changes under the lock, so it is read under it
      synchronized (storyLock) {
        entry = memory.get(id);
        members = entry.isEmpty() ? List.of() : stories.members(entry.get().storyId());
      }
      if (members.stream().anyMatch(m -> dirty.contains(m.id()))) {
        refresh();
      }
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
      if (writer != null) {
        synchronized (storyLock) {
          awaitWrites();
          rewriteRelabeled(); // what the close commits names no story by a member's old id
        }
      }
      g.searchers().close();
      if (writer != null) {
        if (writer.hasUncommittedChanges()) {
          writer.setLiveCommitData(commitData().entrySet());
          writer.commit();
          if (g.dir() != null) {
            BoilerplateFile.write(g.dir(), boilerplate);
          }
        }
        writer.close();
      }
      g.directory().close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close index " + path + ": " + e.getMessage(), e);
    }
  }
}
