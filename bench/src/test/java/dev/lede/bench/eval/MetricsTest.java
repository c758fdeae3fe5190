package dev.lede.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private static final double EPS = 1e-4;

  // Relevant: a, c, e (3). Ranking a b c d: hits at ranks 1 and 3.
  private static final Map<String, Integer> BINARY = Map.of("a", 1, "c", 1, "e", 1, "b", 0);
  private static final List<String> RANKING = List.of("a", "b", "c", "d");

  @Test
  void averagePrecisionDividesByAllRelevantNotJustRetrieved() {
    // (1/1 + 2/3) / 3 = 0.5556; e is never retrieved and still counts in the denominator.
    assertEquals((1.0 + 2.0 / 3) / 3, Metrics.averagePrecision(RANKING, BINARY), EPS);
    assertEquals(0.5556, Metrics.averagePrecision(RANKING, BINARY), EPS);
  }

  @Test
  void precisionAtTenCountsMissingRanksAsMisses() {
    assertEquals(0.2, Metrics.precisionAt(10, RANKING, BINARY), EPS);
    assertEquals(0.5, Metrics.precisionAt(2, RANKING, BINARY), EPS);
  }

  @Test
  void binaryNdcgUsesLogDiscountAndIdealOfAllRelevant() {
    // DCG = 1/log2(2) + 1/log2(4) = 1.5; IDCG = 1 + 1/log2(3) + 1/log2(4) = 2.13093.
    assertEquals(1.5 / 2.13093, Metrics.ndcgAt(10, RANKING, BINARY), EPS);
    assertEquals(0.70392, Metrics.ndcgAt(10, RANKING, BINARY), EPS);
  }

  @Test
  void gradedNdcgUsesGradeAsGain() {
    Map<String, Integer> graded = Map.of("a", 1, "b", 3, "c", 0, "d", 2);
    // DCG = 1/1 + 0/log2(3) + 3/log2(4) = 2.5; IDCG = 3/1 + 2/log2(3) + 1/log2(4) = 4.76186.
    assertEquals(0.52500, Metrics.ndcgAt(10, List.of("a", "c", "b"), graded), EPS);
    // Binary metrics treat every positive grade alike: a at 1, b at 3, d missing -> (1 + 2/3) / 3.
    assertEquals(0.5556, Metrics.averagePrecision(List.of("a", "c", "b"), graded), EPS);
  }

  @Test
  void ndcgCutsOffAtK() {
    Map<String, Integer> judged = Map.of("x", 1);
    assertEquals(0.0, Metrics.ndcgAt(2, List.of("a", "b", "x"), judged), EPS);
    assertEquals(0.5, Metrics.ndcgAt(3, List.of("a", "b", "x"), judged), EPS);
  }

  @Test
  void repeatedDocumentCountsOnlyOnce() {
    // Without de-duplication a would be credited twice and AP would exceed 1.
    Map<String, Integer> judged = Map.of("a", 1, "c", 1);
    assertEquals(1.0, Metrics.averagePrecision(List.of("a", "a", "c"), judged), EPS);
    assertEquals(0.1, Metrics.precisionAt(10, List.of("a", "a", "a"), Map.of("a", 1, "b", 1)), EPS);
  }

  @Test
  void emptyRankingScoresZero() {
    assertEquals(0.0, Metrics.averagePrecision(List.of(), BINARY), EPS);
    assertEquals(0.0, Metrics.ndcgAt(10, List.of(), BINARY), EPS);
    assertEquals(0.0, Metrics.precisionAt(10, List.of(), BINARY), EPS);
  }

  @Test
  void queryWithoutRankingCountsAsZeroInTheMean() {
    Qrels qrels = Qrels.builder().add("1", "a", 1).add("2", "b", 1).build();
    Run run = new Run("t", Map.of("1", List.of(new ScoredDoc("a", 3f))));
    Metrics.Scores s = Metrics.evaluate(run, qrels, List.of("1", "2"));
    assertEquals(0.5, s.map(), EPS);
    assertEquals(0.5, s.ndcg10(), EPS);
    assertEquals(0.05, s.p10(), EPS);
    assertEquals(2, s.queries());
  }

  @Test
  void evaluatingNoQueriesIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Metrics.evaluate(new Run("t", Map.of()), Qrels.builder().build(), List.of()));
    assertEquals("no queries to evaluate", e.getMessage());
  }
}
