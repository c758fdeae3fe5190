package dev.lede.bench.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranking metrics, as {@code trec_eval} defines them, computed on the order of a ranking.
 *
 * <p>Relevant means a grade above zero. MAP and P@10 are binary. nDCG@10 uses the grade itself as
 * the gain (linear gain, {@code log2(rank + 1)} discount), and the ideal ranking is the judged
 * documents sorted by grade; with binary judgments every relevant document gains 1. A document id
 * repeated in a ranking counts only where it first appears.
 */
public final class Metrics {
  /** The cut-off of P@10 and nDCG@10. */
  public static final int CUTOFF = 10;

  private Metrics() {}

  /** Average precision: the mean of the precision at each relevant document's rank, over all relevant documents. */
  public static double averagePrecision(List<String> ranking, Map<String, Integer> judgments) {
    long relevant = judgments.values().stream().filter(g -> g > 0).count();
    if (relevant == 0) {
      return 0;
    }
    double sum = 0;
    int found = 0;
    int rank = 0;
    for (String doc : dedupe(ranking)) {
      rank++;
      if (judgments.getOrDefault(doc, 0) > 0) {
        found++;
        sum += (double) found / rank;
      }
    }
    return sum / relevant;
  }

  /** Precision at {@code k}: the share of the first {@code k} ranks that hold a relevant document (short rankings count as misses). */
  public static double precisionAt(int k, List<String> ranking, Map<String, Integer> judgments) {
    List<String> docs = dedupe(ranking);
    int hits = 0;
    for (int i = 0; i < Math.min(k, docs.size()); i++) {
      if (judgments.getOrDefault(docs.get(i), 0) > 0) {
        hits++;
      }
    }
    return (double) hits / k;
  }

  /** Normalised discounted cumulative gain at {@code k}, with the grade as gain; 0 when nothing is relevant. */
  public static double ndcgAt(int k, List<String> ranking, Map<String, Integer> judgments) {
    List<String> docs = dedupe(ranking);
    double dcg = 0;
    for (int i = 0; i < Math.min(k, docs.size()); i++) {
      dcg += Math.max(0, judgments.getOrDefault(docs.get(i), 0)) / log2(i + 2);
    }
    List<Integer> ideal = new ArrayList<>(judgments.values().stream().filter(g -> g > 0).toList());
    ideal.sort((a, b) -> Integer.compare(b, a));
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  /**
   * The mean scores of a run over these queries. A query the run has no ranking for scores 0 on
   * every metric, as {@code trec_eval -c} counts it.
   */
  public static Scores evaluate(Run run, Qrels qrels, Collection<String> queryIds) {
    if (queryIds.isEmpty()) {
      throw new IllegalArgumentException("no queries to evaluate");
    }
    double map = 0;
    double ndcg = 0;
    double p10 = 0;
    for (String q : queryIds) {
      List<String> ranking = run.ranking(q).stream().map(ScoredDoc::docId).toList();
      Map<String, Integer> judged = qrels.judgments(q);
      map += averagePrecision(ranking, judged);
      ndcg += ndcgAt(CUTOFF, ranking, judged);
      p10 += precisionAt(CUTOFF, ranking, judged);
    }
    int n = queryIds.size();
    return new Scores(map / n, ndcg / n, p10 / n, n);
  }

  private static List<String> dedupe(List<String> ranking) {
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>(ranking.size());
    for (String d : ranking) {
      if (seen.add(d)) {
        out.add(d);
      }
    }
    return out;
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }

  /**
   * Mean scores over a query set.
   *
   * @param map mean average precision
   * @param ndcg10 mean nDCG@10
   * @param p10 mean precision at 10
   * @param queries how many queries the means are over
   */
  public record Scores(double map, double ndcg10, double p10, int queries) {}
}
