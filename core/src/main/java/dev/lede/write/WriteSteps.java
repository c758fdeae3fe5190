package dev.lede.write;

import dev.lede.article.Article;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The three steps an index gives the {@link Pipeline}, and what the pipeline asks it at the end.
 *
 * @param <R> an article prepared, not yet placed
 * @param <A> an article placed, not yet stored
 */
public interface WriteSteps<R, A> {
  /**
   * How many articles the pipeline hands on as one unit: one for an index in this process, more for
   * a remote one, whose {@link #store} costs a round trip per call.
   */
  int batch();

  /** Cleans, extracts and signs an article: no lock, on any thread. */
  R prepare(Article article, Carried carried);

  /** Places a prepared article among the earlier ones; called one at a time, in input order. */
  A place(R prepared);

  /**
   * Writes placed articles (one unit), on any thread and without a lock. Every article is tried
   * even when one fails, then the first failure is thrown.
   */
  List<Written> store(List<A> placed);

  /** After the last store, before the final commit (the embedded index strips late boilerplate here). */
  default void finish() {}

  /** Makes everything stored so far durable and visible. */
  void commit();

  /** Warnings of the writes since the last call (a field cut to fit the index's limits). */
  List<String> takeWarnings();

  /** How this index deletes what an input no longer has; empty when it cannot. */
  default Optional<Pruning> pruning() {
    return Optional.empty();
  }

  /** Deleting the articles an input no longer has. */
  interface Pruning {
    /** The ids of the indexed articles not in {@code keep}, after a refresh. */
    List<String> idsNotIn(Set<String> keep);

    boolean delete(String id);
  }
}
