package dev.lede;

import dev.lede.article.Article;
import dev.lede.prepare.boilerplate.LearnedLine;
import dev.lede.search.IndexStats;
import dev.lede.search.NewsQuery;
import dev.lede.search.SearchResult;
import dev.lede.search.Story;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A searchable collection of news articles: Lede's one entry point for embedding.
 *
 * <p>Safe for many threads searching while others write. Writes become visible to search after
 * {@link #refresh()} (near-real-time, no commit needed) and durable after {@link #commit()}.
 * Implementations never print and never exit the process.
 *
 * <pre>{@code
 * try (NewsIndex index = NewsIndex.open(Path.of("news-index"))) {
 *   index.upsert(article);
 *   index.commit();
 *   SearchResult r = index.search(NewsQuery.builder("north korea troops").source("theguardian.com").build());
 * }
 * }</pre>
 */
public interface NewsIndex extends AutoCloseable {

  /**
   * Opens the index in {@code directory}, creating it when the directory is missing or empty.
   *
   * @throws IndexUnavailableException when another writer holds the index, it is corrupt, it is not
   *     a Lede index, or it was made by another schema version
   */
  static NewsIndex open(Path directory) {
    return LuceneNewsIndex.open(directory, IndexOptions.defaults(), true);
  }

  /** Opens an existing index; {@link IndexUnavailableException} with reason MISSING when there is none. */
  static NewsIndex openExisting(Path directory) {
    return LuceneNewsIndex.open(directory, IndexOptions.defaults(), false);
  }

  /** Opens an existing index with explicit options (e.g. read-only for searching beside a writer). */
  static NewsIndex openExisting(Path directory, IndexOptions options) {
    return LuceneNewsIndex.open(directory, options, false);
  }

  /** Opens an index with explicit options. */
  static NewsIndex open(Path directory, IndexOptions options) {
    return LuceneNewsIndex.open(directory, options, true);
  }

  /** A new index held in memory, for tests and short-lived embedding. */
  static NewsIndex inMemory() {
    return LuceneNewsIndex.inMemory(IndexOptions.defaults());
  }

  /** A new in-memory index with explicit options (e.g. another stemmer or ranking, for evaluation). */
  static NewsIndex inMemory(IndexOptions options) {
    return LuceneNewsIndex.inMemory(options);
  }

  /**
   * Runs Lucene's index checker (checksums and integrity of every segment) and Lede's own checks
   * (the commit is Lede's, of this schema version). Takes the write lock while it runs.
   *
   * @throws IndexUnavailableException when there is no index, its commit cannot be read, or a
   *     writer holds it
   */
  static IndexCheck check(Path directory) {
    return IndexChecker.check(directory);
  }

  /**
   * Drops the damaged segments that {@code confirmed} lists, and every article in them; nothing
   * else changes. Refuses when the index no longer matches {@code confirmed} (so that what is
   * dropped is what was shown), or when a problem other than damaged segments remains.
   *
   * @return the check of the repaired index
   */
  static IndexCheck repair(Path directory, IndexCheck confirmed) {
    return IndexChecker.repair(directory, confirmed);
  }

  /** Inserts the article, or replaces the article with the same id; unchanged content is skipped. */
  UpsertOutcome upsert(Article article);

  /**
   * Upserts many articles, as if one by one in order (a later copy of an id replaces an earlier
   * one). Implementations may batch the writes.
   *
   * @return what happened to each article, in input order
   */
  default List<UpsertOutcome> upsertAll(Collection<Article> articles) {
    List<UpsertOutcome> outcomes = new ArrayList<>(articles.size());
    for (Article a : articles) {
      outcomes.add(upsert(a));
    }
    return outcomes;
  }

  /**
   * Reads every article of a source and upserts it, on {@code options.threads()} threads with a
   * bounded queue between the reader and them, then commits. A bad record is reported to the
   * listener and counted; the rest goes on. With {@link IngestOptions#prune()}, articles whose ids
   * the source did not have are deleted afterwards, unless some record could not be read.
   *
   * @param listener hears rejections, skipped files and progress; may be null
   */
  default IngestReport ingest(dev.lede.read.ArticleSource source, IngestOptions options, IngestListener listener) {
    return dev.lede.write.Pipeline.run(this, source, options, listener);
  }

  /**
   * Indexes files and directories (walked recursively; every format Lede reads, chosen by
   * extension and content) with the default options, then commits: what {@code lede index PATH...}
   * does. Rejected records are counted in the report; {@link #ingest(dev.lede.read.ArticleSource,
   * IngestOptions, IngestListener)} also names them.
   */
  default IngestReport ingest(Path... paths) {
    return ingest(dev.lede.read.ArticleSource.files(List.of(paths), dev.lede.read.InputFormat.AUTO), IngestOptions.defaults(), null);
  }

  /**
   * What {@link IngestOptions#prune()} would delete for this source, without writing anything: the
   * dry run of a pruning ingest. Reads every record (rejections go to the listener).
   *
   * @throws UnsupportedOperationException when this index cannot prune
   */
  default PrunePreview previewPrune(dev.lede.read.ArticleSource source, IngestListener listener) {
    throw new UnsupportedOperationException("pruning is not supported by " + getClass().getSimpleName());
  }

  /**
   * Rebuilds the index in {@code directory} into a new generation, with the schema and analysis of
   * {@code options}, and makes it live atomically: searchers open on the old generation keep it
   * until they {@link #refresh()}. The generation live before is kept for {@link #rollback(Path)};
   * older ones are removed. A crash at any moment leaves the live generation as it was.
   *
   * <p>Reads the live generation's stored originals (whatever schema version wrote them, so this
   * also upgrades an index that no longer opens), or, when {@code inputs} is not null, those
   * inputs instead. Holds the live generation's write lock throughout: a writer open on the
   * index makes it fail at once with {@link IndexUnavailableException} (LOCKED), and the reverse.
   *
   * @throws IndexUnavailableException when there is no index, it is locked, damaged or not Lede's
   * @throws LedeException when stored articles could not be read back (nothing is switched)
   */
  static ReindexReport reindex(Path directory, dev.lede.read.ArticleSource inputs, IndexOptions options, IngestOptions ingest,
      IngestListener listener) {
    return Reindex.run(directory, inputs, options, ingest, listener);
  }

  /** Rebuilds from the stored originals with the default options. */
  static ReindexReport reindex(Path directory) {
    return Reindex.run(directory, null, IndexOptions.defaults(), IngestOptions.defaults(), null);
  }

  /**
   * Makes the generation that was live before the last reindex live again (a second rollback goes
   * forward again).
   *
   * @throws LedeException when there is no previous generation
   */
  static ReindexReport rollback(Path directory) {
    return Reindex.rollback(directory);
  }

  /**
   * The warnings of the writes since the last call, and forgets them: an article written with a
   * field cut to fit the index's limits, one line each, naming the article and the field. Writes
   * never fail for such a field.
   */
  default List<String> takeWarnings() {
    return List.of();
  }

  /** Deletes the article with this id; false when there was none. */
  boolean delete(String id);

  /** The stored article with this id, as it was read. */
  Optional<Article> get(String id);

  /** Makes every write so far durable. */
  void commit();

  /** Makes every write so far visible to search, without committing. */
  void refresh();

  /** Runs a query. */
  SearchResult search(NewsQuery query);

  /**
   * What searches read now: an object that stays the same (by identity) while the same commit and
   * refresh are searched, and changes when a refresh, commit or reindex lets searches see something
   * else. A cache of results keyed by it is never stale. Null when the index cannot say (a cache
   * must then not keep anything).
   */
  default Object searchVersion() {
    return null;
  }

  /**
   * Prepares a new view of the index before searches see it (Lucene's searcher warming): see
   * {@link #setWarmer}.
   */
  @FunctionalInterface
  interface Warmer {
    /**
     * Called by the refresh that found something new, on its thread, while searches still read the
     * view before; they move to the new one when this returns. What it throws is ignored.
     *
     * @param version what {@link #searchVersion()} answers once searches read this view
     * @param search runs a query on this view
     */
    void warm(Object version, java.util.function.Function<NewsQuery, SearchResult> search);
  }

  /**
   * Warms each new view a {@link #refresh()} (or a write's refresh) opens, before searches see it:
   * a server runs its popular searches there, so that the first searches after another process
   * commits do not all pay for a cold view at once. Not called for the view an open or a reindex's
   * switch starts with. Null stops warming; an index that cannot warm ignores it.
   */
  default void setWarmer(Warmer warmer) {}

  /**
   * Articles related to the one with this id (more-like-this over headline, lead, body and
   * entities), the article itself excluded. The query's text is ignored; its filters, date window,
   * limit and facets apply.
   *
   * @throws LedeException when there is no article with this id
   */
  SearchResult similar(String id, NewsQuery constraints);

  /**
   * The entities most articles matching the query name, with counts (the entity facet of the query,
   * its filters and date window applied).
   */
  default java.util.List<dev.lede.search.FacetCount> topEntities(NewsQuery query, int limit) {
    NewsQuery q = query.toBuilder().facet(dev.lede.search.Facet.ENTITY).facetLimit(limit).limit(1).build();
    return search(q).facets().getOrDefault(dev.lede.search.Facet.ENTITY, java.util.List.of());
  }

  /**
   * The entities whose share of coverage rose most in the window that ends at {@code asOf},
   * compared with the window before it, highest ratio first. An entity must be named in at least
   * {@link dev.lede.search.EntityTrends#MIN_COUNT_AFTER} recent articles; counts come from doc
   * values, no stored document is read.
   *
   * @throws UnsupportedOperationException when the implementation cannot count by time window
   */
  default java.util.List<dev.lede.search.TrendingEntity> trending(java.time.Instant asOf, java.time.Duration window, int limit) {
    throw new UnsupportedOperationException("trending is not supported by " + getClass().getSimpleName());
  }

  /**
   * Completions of typed text, at most {@code limit}: entities whose name or alias starts with it
   * (most named first, then one typo away), then headlines holding its words, newest first. Built
   * from the index as it is: what was indexed is suggested after the next refresh.
   *
   * @throws UnsupportedOperationException when the implementation cannot suggest
   */
  default java.util.List<dev.lede.search.Suggestion> suggest(String text, int limit) {
    throw new UnsupportedOperationException("suggestions are not supported by " + getClass().getSimpleName());
  }

  /**
   * The story of the article with this id: its near-duplicate copies, earliest first, each with
   * how it differs in length from the earliest. Empty when there is no such article.
   */
  default Optional<Story> story(String id) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not group stories");
  }

  /**
   * The boilerplate learned so far: per source, the lines left out of what is indexed, most
   * frequent first.
   */
  default Map<String, List<LearnedLine>> boilerplate() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not learn boilerplate");
  }

  /**
   * Forgets the learned boilerplate; articles indexed so far keep what was stripped from them until
   * they are indexed again (e.g. by a reindex), and learning starts over.
   */
  default void resetBoilerplate() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not learn boilerplate");
  }

  /**
   * The synonyms applied to queries: the list stored with the index (or the one given through
   * {@link IndexOptions#synonyms()}), as of the open or the last {@link #refresh()}.
   */
  default dev.lede.search.SynonymList synonyms() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not apply synonyms");
  }

  /**
   * Stores a synonym list with the index, replacing the one before ({@link
   * dev.lede.search.SynonymList#EMPTY} clears it), and applies it to this index's searches at once.
   * Synonyms apply at query time only: nothing is reindexed, and other processes' searches pick the
   * list up on their next open or refresh. Allowed on a read-only index, beside a running writer:
   * the list is a file of its own, not part of a Lucene commit.
   */
  default void setSynonyms(dev.lede.search.SynonymList list) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not apply synonyms");
  }

  /**
   * Copies the index's last commit, with everything Lede keeps beside it (learned boilerplate,
   * synonyms, the generation layout), into {@code destination}, which must be missing or empty.
   * Works while another process writes the index, without taking or touching its write lock:
   * writes not yet committed are not in the backup. Files are hard-linked where the file system
   * allows (Lucene never changes a file once written), else copied. Until the copy is whole and
   * synced, the destination holds a marker that makes opening or checking it fail as an incomplete
   * backup.
   *
   * @throws BadInputException when the destination exists and is not empty, or cannot be written
   */
  default BackupReport backup(Path destination) {
    return backup(destination, false);
  }

  /** As {@link #backup(Path)}; with {@code copyEveryFile}, no file is hard-linked (a backup that shares no file with the index). */
  default BackupReport backup(Path destination, boolean copyEveryFile) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be backed up by Lede");
  }

  /**
   * Turns semantic search on (recorded in the commit with the model's id) and gives every article
   * already indexed its vectors; from then on every write makes the article's vectors, and queries
   * default to hybrid search. Needs an embedding model on the class path (dev.lede:lede-semantic).
   * Commits every few hundred articles: a run killed halfway keeps what it did, and a run again goes
   * on from there. Articles that have vectors of the model are skipped.
   *
   * @param threads how many threads run the model
   * @param progress hears (articles done, articles to do) after each commit; may be null
   * @throws UnsupportedOperationException when the implementation has no vectors
   */
  default SemanticReport enableSemantic(int threads, java.util.function.BiConsumer<Long, Long> progress) {
    throw new UnsupportedOperationException("semantic search is not supported by " + getClass().getSimpleName());
  }

  /** Turns semantic search off: writes stop making vectors, queries default to lexical. Vectors already made stay until a reindex. */
  default void disableSemantic() {
    throw new UnsupportedOperationException("semantic search is not supported by " + getClass().getSimpleName());
  }

  /** The model of the index's vectors, or null when semantic search is off. */
  default String semanticModel() {
    return null;
  }

  /** What the index holds. */
  IndexStats stats();

  /** Commits pending writes when writable, and releases the index. */
  @Override
  void close();
}
