package dev.lede;

import dev.lede.index.NewsAnalyzers;
import dev.lede.prepare.Preparer;
import dev.lede.search.Ranking;
import java.time.Duration;
import java.util.Objects;

/**
 * How an index is opened.
 *
 * @param ramBufferMb the IndexWriter's RAM buffer before it flushes a segment, in MB
 * @param readOnly open for search only: no write lock is taken, writes throw
 * @param stemmer the stemmer of the text fields (part of the index layout: changing it needs a reindex)
 * @param ranking field weights and BM25 parameters (a search-time setting)
 * @param preparer the preparation pipeline run on every upserted article
 * @param queryTimeout how long one search may run before it is stopped with a {@link
 *     QueryTimeoutException}; default {@link #DEFAULT_QUERY_TIMEOUT}
 */
public record IndexOptions(
    double ramBufferMb, boolean readOnly, NewsAnalyzers.Stemmer stemmer, Ranking ranking, Preparer preparer, Duration queryTimeout) {
  /** Ten seconds: far beyond any sensible query on one machine, short enough that a runaway one is noticed. */
  public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(10);

  public IndexOptions {
    if (!(ramBufferMb > 0)) {
      throw new IllegalArgumentException("illegal RAM buffer " + ramBufferMb + " MB, must be > 0");
    }
    Objects.requireNonNull(stemmer, "stemmer");
    Objects.requireNonNull(ranking, "ranking");
    Objects.requireNonNull(preparer, "preparer");
    Objects.requireNonNull(queryTimeout, "queryTimeout");
    if (queryTimeout.isNegative()) {
      throw new IllegalArgumentException("illegal query timeout " + queryTimeout + ", must be >= 0");
    }
  }

  /** The options before the query timeout existed, with the default timeout. */
  public IndexOptions(double ramBufferMb, boolean readOnly, NewsAnalyzers.Stemmer stemmer, Ranking ranking, Preparer preparer) {
    this(ramBufferMb, readOnly, stemmer, ranking, preparer, DEFAULT_QUERY_TIMEOUT);
  }

  public static IndexOptions defaults() {
    return new IndexOptions(64, false, NewsAnalyzers.Stemmer.PORTER, Ranking.defaults(), Preparer.defaults());
  }

  public IndexOptions withReadOnly(boolean readOnly) {
    return new IndexOptions(ramBufferMb, readOnly, stemmer, ranking, preparer, queryTimeout);
  }

  public IndexOptions withRamBufferMb(double mb) {
    return new IndexOptions(mb, readOnly, stemmer, ranking, preparer, queryTimeout);
  }

  public IndexOptions withStemmer(NewsAnalyzers.Stemmer stemmer) {
    return new IndexOptions(ramBufferMb, readOnly, stemmer, ranking, preparer, queryTimeout);
  }

  public IndexOptions withRanking(Ranking ranking) {
    return new IndexOptions(ramBufferMb, readOnly, stemmer, ranking, preparer, queryTimeout);
  }

  public IndexOptions withPreparer(Preparer preparer) {
    return new IndexOptions(ramBufferMb, readOnly, stemmer, ranking, preparer, queryTimeout);
  }

  public IndexOptions withQueryTimeout(Duration queryTimeout) {
    return new IndexOptions(ramBufferMb, readOnly, stemmer, ranking, preparer, queryTimeout);
  }
}
