package dev.lede.bench.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rankings one system produced for a collection's queries, best first.
 *
 * @param tag the system's name, written as the run tag of a TREC run file
 * @param rankings the ranked documents per query id, in query order
 */
public record Run(String tag, Map<String, List<ScoredDoc>> rankings) {
  public Run {
    Objects.requireNonNull(tag, "tag");
    Map<String, List<ScoredDoc>> copy = new LinkedHashMap<>();
    rankings.forEach((q, docs) -> copy.put(q, List.copyOf(docs)));
    rankings = Collections.unmodifiableMap(copy);
  }

  /** The ranking for this query, or an empty list when the system returned nothing. */
  public List<ScoredDoc> ranking(String queryId) {
    return rankings.getOrDefault(queryId, List.of());
  }
}
