package dev.lede.bench.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A search system under evaluation: it indexes a collection's documents, then ranks for each query. */
public interface RetrievalSystem extends AutoCloseable {
  /** How many documents a ranking holds at most, as in TREC runs. */
  int DEPTH = 1000;

  /** The system's name, used in tables and as the run tag. */
  String name();

  /** Indexes these documents; called once, before any search. */
  void index(List<EvalDocument> documents);

  /** The best {@code k} documents for this query, best first. */
  List<ScoredDoc> search(EvalQuery query, int k);

  @Override
  void close();

  /** Indexes the collection and runs each of its judged queries to depth {@link #DEPTH}. */
  static Run run(RetrievalSystem system, TestCollection collection) {
    system.index(collection.documents());
    Map<String, List<ScoredDoc>> rankings = new LinkedHashMap<>();
    for (EvalQuery q : collection.judgedQueries()) {
      rankings.put(q.id(), system.search(q, DEPTH));
    }
    return new Run(system.name(), rankings);
  }
}
