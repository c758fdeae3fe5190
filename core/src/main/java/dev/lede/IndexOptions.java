package dev.lede;

import dev.lede.index.NewsAnalyzers;
import dev.lede.prepare.Preparer;
import dev.lede.prepare.story.StoryOptions;
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
 * @param mergePolicy how the writer merges segments
 * @param stories how near-duplicates are grouped into stories ({@link StoryOptions#withGrouping} turns it off)
 * @param queryTimeout how long one search may run before it is stopped with a {@link
 *     QueryTimeoutException}; default {@link #DEFAULT_QUERY_TIMEOUT}
 * @param synonyms the synonyms applied to queries (a search-time setting, like the ranking); null,
 *     the default, means the list stored with the index ({@link NewsIndex#setSynonyms}), read at open
 *     and again on each {@link NewsIndex#refresh()}. A list given here is used instead, and not stored.
 * @param fusion how hybrid search adds vector scores to lexical ones (a search-time setting; used
 *     only by an index with semantic search on)
 */
public record IndexOptions(
    double ramBufferMb, boolean readOnly, NewsAnalyzers.Stemmer stemmer, Ranking ranking, Preparer preparer, Merging mergePolicy,
    StoryOptions stories, Duration queryTimeout, dev.lede.search.SynonymList synonyms, dev.lede.search.Fusion fusion) {
  /** Ten seconds: far beyond any sensible query on one machine, short enough that a runaway one is noticed. */
  public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(10);

  public IndexOptions {
    if (!(ramBufferMb > 0)) {
      throw new IllegalArgumentException("illegal RAM buffer " + ramBufferMb + " MB, must be > 0");
    }
    Objects.requireNonNull(stemmer, "stemmer");
    Objects.requireNonNull(ranking, "ranking");
    Objects.requireNonNull(preparer, "preparer");
    Objects.requireNonNull(mergePolicy, "mergePolicy");
    Objects.requireNonNull(stories, "stories");
    Objects.requireNonNull(queryTimeout, "queryTimeout");
    fusion = fusion == null ? dev.lede.search.Fusion.defaults() : fusion;
    if (queryTimeout.isNegative()) {
      throw new IllegalArgumentException("illegal query timeout " + queryTimeout + ", must be >= 0");
    }
  }

  /** Options with the default merge policy. */
  public IndexOptions(double ramBufferMb, boolean readOnly, NewsAnalyzers.Stemmer stemmer, Ranking ranking, Preparer preparer) {
    this(ramBufferMb, readOnly, stemmer, ranking, preparer, Merging.defaults(), StoryOptions.defaults(), DEFAULT_QUERY_TIMEOUT, null, null);
  }

  /**
   * A 64 MB RAM buffer: on 8,900 news articles 16 MB cost the same CPU but left 7 segments to 64 MB's
   * 2 (docs/reindex.md); more would take heap that a 512 MB process needs for the rest.
   */
  public static IndexOptions defaults() {
    return new IndexOptions(64, false, NewsAnalyzers.Stemmer.PORTER, Ranking.defaults(), Preparer.defaults(), Merging.defaults(), StoryOptions.defaults(), DEFAULT_QUERY_TIMEOUT, null, null);
  }

  /**
   * Lucene's tiered merge policy with its settings: segments per tier (fewer: more merging, faster
   * search) and the largest merged segment.
   */
  public record Merging(double segmentsPerTier, double maxMergedSegmentMb) {
    public Merging {
      if (!(segmentsPerTier >= 2)) {
        throw new IllegalArgumentException("illegal segments per tier " + segmentsPerTier + ", must be >= 2");
      }
      if (!(maxMergedSegmentMb > 0)) {
        throw new IllegalArgumentException("illegal max merged segment " + maxMergedSegmentMb + " MB, must be > 0");
      }
    }

    /** Lucene's own defaults (10 per tier, 5 GB segments); no other setting has been measured on news yet. */
    public static Merging defaults() {
      return new Merging(10, 5 * 1024);
    }

    /** The merge policy for a writer. */
    public org.apache.lucene.index.MergePolicy create() {
      org.apache.lucene.index.TieredMergePolicy p = new org.apache.lucene.index.TieredMergePolicy();
      p.setSegmentsPerTier(segmentsPerTier);
      p.setMaxMergedSegmentMB(maxMergedSegmentMb);
      return p;
    }
  }

  public IndexOptions withReadOnly(boolean readOnly) {
    return new IndexOptions(ramBufferMb, readOnly, stemmer, ranking, preparer, mergePolicy, stories, queryTimeout, synonyms, fusion);
  }

  public IndexOptions withRamBufferMb(double mb) {
    return new IndexOptions(mb, readOnly, stemmer, ranking, preparer, mergePolicy, stories, queryTimeout, synonyms, fusion);
  }

  public IndexOptions withStemmer(NewsAnalyzers.Stemmer stemmer) {
    return new IndexOptions(ramBufferMb, readOnly, stemmer, ranking, preparer, mergePolicy, stories, queryTimeout, synonyms, fusion);
  }

  public IndexOptions withRanking(Ranking ranking) {
    return new IndexOptions(ramBufferMb, readOnly, stemmer, ranking, preparer, mergePolicy, stories, queryTimeout, synonyms, fusion);
  }

  public IndexOptions withMergePolicy(Merging mergePolicy) {
    return new IndexOptions(ramBufferMb, readOnly, stemmer, ranking, preparer, mergePolicy, stories, queryTimeout, synonyms, fusion);
  }

  public IndexOptions withStories(StoryOptions stories) {
    return new IndexOptions(ramBufferMb, readOnly, stemmer, ranking, preparer, mergePolicy, stories, queryTimeout, synonyms, fusion);
  }

  public IndexOptions withPreparer(Preparer preparer) {
    return new IndexOptions(ramBufferMb, readOnly, stemmer, ranking, preparer, mergePolicy, stories, queryTimeout, synonyms, fusion);
  }

  /** Uses this synonym list for searches instead of the index's stored one (null: the stored one). */
  public IndexOptions withSynonyms(dev.lede.search.SynonymList synonyms) {
    return new IndexOptions(ramBufferMb, readOnly, stemmer, ranking, preparer, mergePolicy, stories, queryTimeout, synonyms, fusion);
  }

  public IndexOptions withFusion(dev.lede.search.Fusion fusion) {
    return new IndexOptions(ramBufferMb, readOnly, stemmer, ranking, preparer, mergePolicy, stories, queryTimeout, synonyms, fusion);
  }

  public IndexOptions withQueryTimeout(Duration queryTimeout) {
    return new IndexOptions(ramBufferMb, readOnly, stemmer, ranking, preparer, mergePolicy, stories, queryTimeout, synonyms, fusion);
  }
}
