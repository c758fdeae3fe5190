package dev.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.IndexOptions;
import dev.lede.NewsIndex;
import dev.lede.article.Article;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lede scores with DFR (In_expB2) by default and BM25 on request (issue 16). Both models read the
 * same length norms, so one index serves either without reindexing, and both keep the ranking
 * rules the other tests check on made-up articles. All names here are made up.
 */
class ScoringModelTest {
  @TempDir Path dir;

  private static final List<Article> ARTICLES = List.of(
      NewsIndexTest.article("ferry-strike", "Ferry crews strike over Harwell Sound pay",
          "Ferry crews on the Harwell Sound route walked out on Monday over pay.",
          "The ferry operator said sailings to Kestle Island were cancelled. Crews said the strike would go on until pay was settled.",
          "example.com", "2025-03-03"),
      NewsIndexTest.article("ferry-timetable", "New ferry timetable for the summer",
          "The summer timetable adds two ferry sailings a day.", "Tickets go on sale in April.", "example.com", "2025-03-01"),
      NewsIndexTest.article("council-pay", "Council staff accept pay offer",
          "Council staff in Dunmore voted to accept a pay offer of four per cent.",
          "Unions said the vote ended a long dispute. Bin collections, parks and libraries had been disrupted for weeks by the dispute.",
          "example.com", "2025-02-20"));

  @Test
  void defaultIsDfrAndSaysSo() {
    Ranking r = Ranking.defaults();
    assertEquals(Ranking.Model.DFR, r.model());
    assertTrue(r.toString().contains("DFR"), r.toString());
    assertTrue(r.withModel(Ranking.Model.BM25).toString().contains("BM25(k1=1.2,b=0.75)"));
    assertThrows(IllegalArgumentException.class, () -> r.withModel(null));
  }

  @Test
  void oneIndexIsSearchedWithEitherModel() {
    String query = "ferry strike over pay";
    Set<String> dfrHits;
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.upsertAll(ARTICLES);
      index.commit();
      SearchResult r = index.search(NewsQuery.builder(query).build());
      assertEquals("ferry-strike", r.hits().get(0).id());
      dfrHits = r.hits().stream().map(Hit::id).collect(Collectors.toSet());
    }
    Ranking bm25 = Ranking.defaults().withModel(Ranking.Model.BM25);
    try (NewsIndex index = NewsIndex.openExisting(dir, IndexOptions.defaults().withRanking(bm25))) {
      SearchResult r = index.search(NewsQuery.builder(query).build());
      assertEquals("ferry-strike", r.hits().get(0).id());
      assertEquals(dfrHits, r.hits().stream().map(Hit::id).collect(Collectors.toSet()), "the model ranks, it does not filter");
    }
  }

  @Test
  void shortQueriesRankArticlesWithEveryWordFirstUnderBothModels() {
    // The coverage boost was measured with BM25; it must hold under both models.
    for (Ranking.Model m : Ranking.Model.values()) {
      try (NewsIndex index = NewsIndex.inMemory(IndexOptions.defaults().withRanking(Ranking.defaults().withModel(m)))) {
        index.upsertAll(CoverageRankingTest.ARTICLES);
        index.commit();
        assertEquals("uk-vote", index.search(NewsQuery.builder("UK election results").build()).hits().get(0).id(), m.name());
        assertEquals("phone-sales", index.search(NewsQuery.builder("iPhone sales").build()).hits().get(0).id(), m.name());
      }
    }
  }
}
