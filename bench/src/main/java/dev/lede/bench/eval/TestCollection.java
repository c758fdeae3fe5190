package dev.lede.bench.eval;

import java.util.List;
import java.util.Objects;

/**
 * A test collection: documents, queries and relevance judgments.
 *
 * @param name a short name ({@code time}, {@code cranfield}, {@code cisi})
 * @param documents every document, in file order
 * @param queries every query, in file order (some may have no judgments)
 * @param qrels the relevance judgments
 */
public record TestCollection(String name, List<EvalDocument> documents, List<EvalQuery> queries, Qrels qrels) {
  public TestCollection {
    Objects.requireNonNull(name, "name");
    documents = List.copyOf(documents);
    queries = List.copyOf(queries);
    Objects.requireNonNull(qrels, "qrels");
  }

  /** The queries that have at least one relevant document: the ones a metric averages over. */
  public List<EvalQuery> judgedQueries() {
    return queries.stream().filter(q -> qrels.relevantCount(q.id()) > 0).toList();
  }
}
