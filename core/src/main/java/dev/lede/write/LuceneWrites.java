package dev.lede.write;

import dev.lede.UpsertOutcome;
import dev.lede.article.Article;
import dev.lede.index.LuceneStoryStore;
import dev.lede.index.Schema;
import dev.lede.prepare.PreparedArticle;
import dev.lede.prepare.Preparer;
import dev.lede.prepare.boilerplate.BoilerplateFile;
import dev.lede.prepare.boilerplate.BoilerplateModel;
import dev.lede.prepare.boilerplate.LearnedLine;
import dev.lede.prepare.story.MemoryStoryStore;
import dev.lede.prepare.story.MinHash;
import dev.lede.prepare.story.StoryAssignment;
import dev.lede.prepare.story.StoryEntry;
import dev.lede.prepare.story.StoryIndex;
import dev.lede.prepare.story.StoryOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The write steps of the embedded index: what the {@link Pipeline} (or a single upsert) does to
 * put an article into one Lucene {@link IndexWriter}.
 *
 * <p>A write has three steps. {@link #prepare} is pure and runs on any thread. {@link #place}
 * decides the article's place among the others (unchanged or not, its story, what boilerplate it
 * has), one article at a time under {@link #lock}, and only with what the writer holds in memory
 * (story entries and fingerprints of every article in a {@link MemoryStoryStore}, boilerplate
 * counts in a {@link BoilerplateModel}). {@link #store} hands the document to the {@code
 * IndexWriter}, on the caller's thread, beside other writers. The pipeline calls {@code place} in
 * input order, so the same input always gives the same stories and the last record of an id wins.
 *
 * <p>Searching is not done here: the index gives its current searcher through {@link Searchers},
 * for reading back a stored article this write replaces.
 */
public final class LuceneWrites implements WriteSteps<LuceneWrites.Ready, LuceneWrites.Assigned> {
  /** Commit data key: what preparation made the stored entities ({@link Preparer#describe()}). */
  public static final String PREPARED_BY = "lede.prepare";
  /** Commit data key: the story options that made the stored signatures and story ids. */
  public static final String SIGNED_WITH = "lede.stories";

  /** The searchers of the index being written, as the index manages them. */
  public interface Searchers {
    /** Runs f on a current searcher. */
    <T> T withSearcher(Function<IndexSearcher, T> f);

    /** Makes what the writer holds searchable (a near-real-time reopen). */
    void refresh();
  }

  /** The index directory as the user named it (null in memory): messages. */
  private final Path where;
  private final IndexWriter writer;
  private final Schema schema;
  private final Preparer preparer;
  private final Searchers searchers;
  private final Supplier<Map<String, String>> commitData;
  /** Where the learned boilerplate is kept beside the index; null in memory. */
  private final Path boilerplateDir;
  /**
   * Story assignment, boilerplate learning and the unchanged check depend on every earlier article,
   * so they happen one article at a time under this lock, on what the writer holds in memory; the
   * document is built and written outside it. A commit or refresh also takes it, and first waits
   * for the writes in flight ({@link #inFlight}).
   */
  private final Object lock = new Object();
  /** Semantic search: the vector step of every write, or null when the index has it off (then no vector class is touched). */
  private volatile dev.lede.prepare.Vectorizer vectorizer;

  /** Commit data key: the model of the index's vectors, present only when semantic search is on. */
  public static final String SEMANTIC = "lede.semantic";

  /** Turns the vector step on (a vectorizer) or off (null); nothing is computed here. */
  public void useVectors(dev.lede.prepare.Vectorizer v) {
    vectorizer = v;
  }
  /** Documents assigned under {@link #lock} and not yet handed to the writer; guarded by itself. */
  private final int[] inFlight = new int[1];
  /** Story entries and fingerprints of every article. */
  private final MemoryStoryStore memory;
  /** Story assignment over {@link #memory}. */
  private final StoryIndex stories;
  /** Ids written or deleted since the last refresh: reading one back needs a refresh first. */
  private final Set<String> dirty = ConcurrentHashMap.newKeySet();
  /**
   * Per id assigned since the last commit or refresh, the latest record: the {@link Assigned}
   * itself while it is on its way to the writer, then its ticket (see {@link #storeDocument}).
   */
  private final Map<String, Object> latest = new ConcurrentHashMap<>();
  private long tickets; // under lock
  /** Ids whose story id changed and whose document still has the old one; under lock. */
  private final Set<String> relabeled = new java.util.LinkedHashSet<>();
  private final BoilerplateModel boilerplate;

  /**
   * @param commitData what every commit records (see {@link #commit})
   * @param boilerplateDir where the learned boilerplate is written at each commit; null for none
   */
  public LuceneWrites(Path where, IndexWriter writer, Schema schema, Preparer preparer, StoryOptions storyOptions,
      BoilerplateModel boilerplate, Searchers searchers, Supplier<Map<String, String>> commitData, Path boilerplateDir) {
    this.where = where;
    this.writer = writer;
    this.schema = schema;
    this.preparer = preparer;
    this.boilerplate = boilerplate;
    this.searchers = searchers;
    this.commitData = commitData;
    this.boilerplateDir = boilerplateDir;
    this.memory = new MemoryStoryStore(new MinHash(storyOptions.hashes(), storyOptions.bands(), storyOptions.seed()), storyOptions.minWords());
    searchers.withSearcher(s -> {
      LuceneStoryStore.load(s.getIndexReader(), memory);
      return null;
    });
    this.stories = new StoryIndex(memory, storyOptions);
  }

  /**
   * Commit data key: every story option, the threshold and limits included. Story ids are carried
   * into a rebuilt index only when this is unchanged; signatures need only {@link #SIGNED_WITH}.
   */
  public static final String GROUPED_WITH = "lede.grouping";

  /** The story options story ids depend on: all of them. */
  public static String grouping(StoryOptions o) {
    return o.toString();
  }

  /** The story options signatures depend on (not the threshold, which applies when comparing). */
  public static String signing(StoryOptions o) {
    return "shingles=" + o.shingleSize() + ",hashes=" + o.hashes() + ",bands=" + o.bands() + ",seed=" + o.seed()
        + ",grouping=" + o.grouping();
  }

  @Override
  public int batch() {
    return 1;
  }

  @Override
  public List<Written> store(List<Assigned> placed) {
    List<Written> out = new ArrayList<>(placed.size());
    RuntimeException failed = null;
    for (Assigned a : placed) {
      try {
        out.add(store(a));
      } catch (RuntimeException e) {
        failed = failed == null ? e : failed;
      }
    }
    if (failed != null) {
      throw failed;
    }
    return out;
  }

  @Override
  public void finish() {
    stripLearnedBoilerplate();
  }

  @Override
  public Optional<Pruning> pruning() {
    return Optional.of(new Pruning() {
      @Override
      public List<String> idsNotIn(Set<String> keep) {
        return LuceneWrites.this.idsNotIn(keep);
      }

      @Override
      public boolean delete(String id) {
        return LuceneWrites.this.delete(id);
      }
    });
  }

  /** Upserts one article: the three steps on the caller's thread. */
  public Written write(Article article) {
    return store(place(prepare(article, null)));
  }

  /**
   * An article prepared and signed, not yet placed among the others.
   *
   * @param learned the lines boilerplate is learned from (the body as read)
   * @param indexed the lines of the body to index, from which boilerplate is stripped
   */
  public record Ready(PreparedArticle prepared, StoryEntry signed, boolean storyKept, BoilerplateModel.Lines learned,
      BoilerplateModel.Lines indexed) {}

  /** Prepares and signs an article, and keys its lines: all the work that needs no lock, on any thread. */
  public Ready prepare(Article article) {
    return prepare(article, null);
  }

  /**
   * {@link #prepare(Article)} for an article whose preparation is carried over from an index
   * built with the same extractor and story options: its entities and signature are taken, not
   * made again.
   */
  @Override
  public Ready prepare(Article article, Carried carried) {
    PreparedArticle prepared = carried == null || carried.entities() == null
        ? preparer.prepare(article)
        : preparer.prepare(article, carried.entities());
    String body = prepared.article().body();
    BoilerplateModel.Lines learned = BoilerplateModel.lines(body);
    BoilerplateModel.Lines indexed = prepared.indexedBody().equals(body) ? learned : BoilerplateModel.lines(prepared.indexedBody());
    boolean kept = carried != null && carried.entry() != null && carried.storyKept();
    StoryEntry signed = carried == null || carried.entry() == null
        ? stories.signer().sign(prepared.article())
        : kept ? carried.entry() : carried.entry().withStory(article.id());
    dev.lede.prepare.Vectorizer v = vectorizer;
    if (v != null && carried != null && carried.vectors() != null && carried.vectors().key().equals(v.key(prepared.input()))) {
      prepared = prepared.withVectors(carried.vectors()); // a reindex: same text, same model
    }
    return new Ready(prepared, signed, kept, learned, indexed);
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
  public record Assigned(String id, UpsertOutcome outcome, PreparedArticle ready, StoryEntry entry, String duplicateOf, long ticket,
      Optional<StoryEntry> before, String beforeFingerprint, Article replaced, Assigned after, CountDownLatch done) {}

  /** Decides the outcome, story and boilerplate of a prepared article; one at a time, in input order. */
  @Override
  public Assigned place(Ready r) {
    PreparedArticle prepared = r.prepared();
    String id = prepared.article().id();
    synchronized (lock) {
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
      StoryAssignment assignment = r.storyKept() ? keep(r.signed()) : stories.add(r.signed());
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

  /**
   * Records an entry whose story an earlier run decided with the same story options (a reindex
   * carries it over): no candidates are compared, and only its exact copies are looked up, for the
   * report. Under the lock.
   */
  private StoryAssignment keep(StoryEntry assigned) {
    List<String> relabeled = new ArrayList<>(stories.remove(assigned.id()));
    String duplicateOf = null;
    if (assigned.words() > 0) {
      StoryEntry earliest = null;
      for (StoryEntry copy : memory.sameContent(assigned.contentHash())) {
        if (!copy.id().equals(assigned.id()) && (earliest == null || StoryEntry.EARLIEST_FIRST.compare(copy, earliest) < 0)) {
          earliest = copy;
        }
      }
      duplicateOf = earliest == null ? null : earliest.id();
    }
    memory.put(assigned);
    return new StoryAssignment(assigned, null, 0, duplicateOf, relabeled);
  }

  /** Hands an assigned article to the writer. */
  Written store(Assigned a) {
    if (a.outcome() == UpsertOutcome.UNCHANGED) {
      return new Written(a.outcome(), a.duplicateOf());
    }
    RuntimeException failed = null;
    try {
      storeDocument(writer, a);
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      synchronized (inFlight) {
        inFlight[0]--;
        inFlight.notifyAll();
      }
    }
    if (failed != null) {
      synchronized (lock) {
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

  /** Puts back what {@link #place} changed for an article the writer refused; under the lock. */
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
  public int stripLearnedBoilerplate() {
    IndexWriter w = writer;
    synchronized (lock) {
      awaitWrites();
      refreshWritten();
      Set<String> holding = new java.util.TreeSet<>();
      org.apache.lucene.util.QueryBuilder phrases = new org.apache.lucene.util.QueryBuilder(schema.asWrittenAnalyzer());
      boilerplate.learned().forEach((source, lines) -> {
        for (LearnedLine line : lines) {
          org.apache.lucene.search.Query phrase = phrases.createPhraseQuery(Schema.BODY, line.text());
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
    return ids(q, -1);
  }

  /** The ids of the first {@code limit} articles matching a query (every one for a negative limit). */
  private List<String> ids(org.apache.lucene.search.Query q, int limit) {
    return searchers.withSearcher(s -> {
      try {
        List<String> out = new ArrayList<>();
        TopDocs top = s.search(q, limit < 0 ? Math.max(1, s.getIndexReader().maxDoc()) : limit);
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
    IndexWriter w = writer;
    for (StoryEntry e : entries(List.copyOf(relabeled))) {
      rewriteStory(w, e);
    }
    relabeled.clear();
  }

  /** Waits until every document assigned under the lock is in the writer; call holding {@link #lock}. */
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
  public volatile java.util.function.Predicate<String> refuse;

  private void writeDocument(IndexWriter w, PreparedArticle ready, StoryEntry entry, String fingerprint) {
    writeDocument(w, ready, entry, fingerprint, null);
  }

  /**
   * Writes an article's document; with semantic search on, with its vectors: {@code carried} when
   * made from the same text by the same model (a rewrite), else made here. Here rather than at
   * prepare, so that an unchanged article re-fed costs no model run; the pipeline stores on its
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
      ready = ready.withVectors(v.vectors(ready.input(), carried, this::vectorsByKey));
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

  /** The vectors the index holds for an article (after a refresh when it was written since), or null. */
  private dev.lede.vector.ArticleVectors indexedVectors(String id) {
    if (vectorizer == null) {
      return null;
    }
    if (dirty.contains(id)) {
      refreshWritten();
    }
    return searchers.withSearcher(s -> {
      try {
        TopDocs top = s.search(new TermQuery(new Term(Schema.ID, id)), 1);
        return top.scoreDocs.length == 0 ? null : dev.lede.index.IndexedVectors.read(s.getIndexReader(), top.scoreDocs[0].doc);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * The vectors of an article the searcher sees (no refresh) made from the text and model of this
   * key, or null: a syndicated copy of an indexed text takes them instead of running the model.
   */
  private dev.lede.vector.ArticleVectors vectorsByKey(String key) {
    return searchers.withSearcher(s -> {
      try {
        TopDocs top = s.search(new TermQuery(new Term(Schema.VECTOR_TEXT, key)), 1);
        return top.scoreDocs.length == 0 ? null : dev.lede.index.IndexedVectors.read(s.getIndexReader(), top.scoreDocs[0].doc);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * Gives every article without vectors of the vectorizer's model its vectors, committing every
   * {@code batch} articles: killed halfway, a run again starts where the last commit left off.
   * Vectors are made on {@code threads} threads, documents written under the lock.
   */
  public dev.lede.SemanticReport vectorizeAll(dev.lede.prepare.Vectorizer v, int threads, int batch,
      java.util.function.BiConsumer<Long, Long> progress) {
    useVectors(v);
    String model = v.model();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "lede-vectors");
      t.setDaemon(true);
      return t;
    });
    long done = 0;
    long skipped = 0;
    try {
      synchronized (lock) {
        awaitWrites();
        rewriteRelabeled();
      }
      refreshWritten();
      org.apache.lucene.search.Query lacking = new org.apache.lucene.search.BooleanQuery.Builder()
          .add(new org.apache.lucene.search.MatchAllDocsQuery(), org.apache.lucene.search.BooleanClause.Occur.FILTER)
          .add(new TermQuery(new Term(Schema.VECTOR_MODEL, Schema.keyword(model))), org.apache.lucene.search.BooleanClause.Occur.MUST_NOT)
          .build();
      long[] counts = searchers.withSearcher(s -> {
        try {
          return new long[] {s.count(lacking), s.getIndexReader().numDocs()};
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      long total = counts[0];
      long already = counts[1] - total;
      progress.accept(0L, total);
      while (true) {
        List<String> ids = ids(lacking, batch);
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
            return new Object[] {read, v.vectors(read.input(), null, this::vectorsByKey)};
          }));
        }
        long before = done;
        synchronized (lock) {
          for (int i = 0; i < ids.size(); i++) {
            Object[] r;
            try {
              r = made.get(i).get();
            } catch (java.util.concurrent.ExecutionException e) {
              throw e.getCause() instanceof RuntimeException re ? re
                  : new dev.lede.LedeException("cannot make vectors: " + e.getCause(), e.getCause());
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
            writeDocument(writer, ready, entry.get(), memory.fingerprint(ids.get(i)));
            dirty.add(ids.get(i));
            done++;
          }
        }
        commit(); // what is done stays done if the process is killed now
        progress.accept(done + skipped, total);
        if (done == before) {
          break; // nothing could be done: do not loop on the same articles
        }
      }
      commit();
      return new dev.lede.SemanticReport(model, done, already, skipped);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.lede.LedeException("semantic enable interrupted after " + done + " articles (committed; run it again to go on)", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The stored article, refreshing first when it was written since the last refresh. */
  public Optional<Article> storedArticle(String id) {
    return storedDocument(id).map(schema::toArticle);
  }

  /** The stored fields of an article, refreshing first when it was written since the last refresh. */
  private Optional<Document> storedDocument(String id) {
    if (dirty.contains(id)) {
      refreshWritten();
    }
    return searchers.withSearcher(s -> find(s, id));
  }


  /** The stored fields of an article on a searcher, looked up by its id. */
  public static Optional<Document> find(IndexSearcher s, String id) {
    try {
      TopDocs top = s.search(new TermQuery(new Term(Schema.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(s.storedFields().document(top.scoreDocs[0].doc, Set.of(Schema.ORIGINAL)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean delete(String id) {
    synchronized (lock) {
      awaitWrites(); // an assigned write of this id still on its way would bring it back
      boolean existed = memory.fingerprint(id) != null;
      if (existed) {
        storedArticle(id).ifPresent(boilerplate::forget);
      }
      relabeled.addAll(stories.remove(id));
      try {
        writer.deleteDocuments(new Term(Schema.ID, id));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      dirty.add(id);
      return existed;
    }
  }

  /**
   * Commits, under the lock and after the writes in flight: a commit holds every article placed
   * before it, so no committed story names an earliest member that the commit lacks. Records the
   * commit data and writes the learned boilerplate beside the index; then makes it all searchable.
   */
  @Override
  public void commit() {
    synchronized (lock) {
      awaitWrites();
      rewriteRelabeled();
      try {
        writer.setLiveCommitData(commitData.get().entrySet());
        writer.commit();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot commit index " + where + ": " + e.getMessage(), e);
      }
      if (boilerplateDir != null) {
        BoilerplateFile.write(boilerplateDir, boilerplate);
      }
      latest.clear(); // nothing is in flight: no earlier record can arrive late
      refreshWritten();
    }
  }

  /** Makes everything placed so far searchable: waits for the writes in flight, rewrites relabelled members, reopens. */
  public void refresh() {
    synchronized (lock) {
      awaitWrites();
      rewriteRelabeled();
      refreshWritten();
      latest.clear(); // nothing is in flight: no earlier record can arrive late
    }
  }

  /** Before closing: waits for the writes in flight and rewrites relabelled members, so a last commit names no old story id. */
  public void settle() {
    synchronized (lock) {
      awaitWrites();
      rewriteRelabeled();
    }
  }

  /** Commits what is left uncommitted, then closes the writer. */
  public void close() throws IOException {
    if (writer.hasUncommittedChanges()) {
      writer.setLiveCommitData(commitData.get().entrySet());
      writer.commit();
      if (boilerplateDir != null) {
        BoilerplateFile.write(boilerplateDir, boilerplate);
      }
    }
    writer.close();
  }

  /** An article's story entry and the entries of its story's members, earliest first; the writer's memory is current. */
  public record StoryView(StoryEntry entry, List<StoryEntry> members) {}

  /** The story of an article as the writer knows it, with its members readable (refreshing first when one was written since). */
  public Optional<StoryView> story(String id) {
    Optional<StoryEntry> entry;
    List<StoryEntry> members;
    synchronized (lock) { // the memory changes under the lock, so it is read under it
      entry = memory.get(id);
      members = entry.isEmpty() ? List.of() : stories.members(entry.get().storyId());
    }
    if (members.stream().anyMatch(m -> dirty.contains(m.id()))) {
      refresh();
    }
    return entry.map(e -> new StoryView(e, members));
  }

  /** The ids of the indexed articles not in {@code keep}, after a refresh; read from doc values. */
  public List<String> idsNotIn(Set<String> keep) {
    refresh();
    return searchers.withSearcher(s -> idsNotIn(s, keep));
  }

  /** The ids of the live articles on a searcher that are not in {@code keep}, in index order; read from doc values. */
  public static List<String> idsNotIn(IndexSearcher s, Set<String> keep) {
    try {
      List<String> gone = new ArrayList<>();
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        org.apache.lucene.index.SortedDocValues ids = DocValues.getSorted(leaf.reader(), Schema.ID);
        org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
        for (int doc = ids.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
          if (live == null || live.get(doc)) {
            String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
            if (!keep.contains(id)) {
              gone.add(id);
            }
          }
        }
      }
      return gone;
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
    searchers.refresh();
    written.forEach(dirty::remove);
  }
}
