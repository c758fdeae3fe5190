package dev.lede.bench.eval;

import java.util.Objects;

/**
 * One retrieved document of a ranking.
 *
 * @param docId the collection's document id
 * @param score the system's score (only the order matters to the metrics)
 */
public record ScoredDoc(String docId, float score) {
  public ScoredDoc {
    Objects.requireNonNull(docId, "docId");
  }
}
