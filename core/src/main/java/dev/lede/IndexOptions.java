package dev.lede;

import dev.lede.index.NewsAnalyzers;
import dev.lede.prepare.Preparer;
import dev.lede.search.Ranking;
import java.util.Objects;

/**
 * How an index is opened.
 *
 * @param ramBufferMb the IndexWriter's RAM buffer before it flushes a segment, in MB
 * @param readOnly open for search only: no write lock is taken, writes throw
 * @param stemmer the stemmer of the text fields (part of the index layout: changing it needs a reindex)
 * @param ranking field weights and BM25 parameters (a search-time setting)
 * @param preparer the preparation pipeline run on every upserted article
 */
public record IndexOptions(double ramBufferMb, boolean readOnly, NewsAnalyzers.Stemmer stemmer, Ranking ranking, Preparer preparer) {
  public IndexOptions {
    if (!(ramBufferMb > 0)) {
      throw new IllegalArgumentException("illegal RAM buffer " + ramBufferMb + " MB, must be > 0");
    }
    Objects.requireNonNull(stemmer, "stemmer");
    Objects.requireNonNull(ranking, "ranking");
    Objects.requireNonNull(preparer, "preparer");
  }

  public static IndexOptions defaults() {
    return new IndexOptions(64, false, NewsAnalyzers.Stemmer.PORTER, Ranking.defaults(), Preparer.defaults());
  }

  public IndexOptions withReadOnly(boolean readOnly) {
    return new IndexOptions(ramBufferMb, readOnly, stemmer, ranking, preparer);
  }

  public IndexOptions withRamBufferMb(double mb) {
    return new IndexOptions(mb, readOnly, stemmer, ranking, preparer);
  }

  public IndexOptions withStemmer(NewsAnalyzers.Stemmer stemmer) {
    return new IndexOptions(ramBufferMb, readOnly, stemmer, ranking, preparer);
  }

  public IndexOptions withRanking(Ranking ranking) {
    return new IndexOptions(ramBufferMb, readOnly, stemmer, ranking, preparer);
  }

  public IndexOptions withPreparer(Preparer preparer) {
    return new IndexOptions(ramBufferMb, readOnly, stemmer, ranking, preparer);
  }
}
