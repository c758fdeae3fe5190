package dev.lede.search;

import static dev.lede.search.NewsIndexTest.article;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lede.NewsIndex;
import dev.lede.article.Article;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Short queries rank an article with every word above one that repeats some of them. Issue 15,
 * item 15: "UK election results" put US election stories without "UK" above the UK election, and
 * "iPhone sales" put a story about an iPhone password second. All names here are made up.
 */
class CoverageRankingTest {
  static final List<Article> ARTICLES = List.of(
      article("uk-vote", "Labour wins general election by a landslide", "Labour won the UK general election, results showed on Friday.",
          "Counting went on through the night. The party leader thanked volunteers in a speech.", "bbc.co.uk", "2025-07-05"),
      article("us-senate", "Election results: Senate races called in three states",
          "Election results in Ohio, Nevada and Arizona were called on Wednesday as counting finished.",
          "The election results leave the chamber narrowly divided. Officials said election results in two more states would follow.",
          "apnews.com", "2025-11-06"),
      article("us-county", "Election results delayed in Pennsylvania county", "Election results in one county were delayed by a printing fault.",
          "Results from mail ballots are expected on Friday. The election board said results would be checked twice.", "npr.org", "2025-11-07"),
      article("uk-output", "UK factory output rises", "UK manufacturers reported higher output in March.", "The UK figures beat forecasts.",
          "bbc.co.uk", "2025-04-02"),
      article("uk-fares", "UK rail fares to rise", "Fares across the UK will rise in March.", "Passenger groups in the UK criticised the rise.",
          "bbc.co.uk", "2025-02-01"),
      article("phone-password", "Singer says her iPhone password was leaked", "Pop singer Mara Velline said her iPhone password was leaked.",
          "The iPhone held private photos, she said. Her iPhone was wiped and a new iPhone bought. Police said the iPhone case was open.",
          "gossip.example", "2025-03-03"),
      article("phone-sales", "Orchard Devices reports quarterly figures", "Orchard Devices said iPhone sales rose 6 per cent in the quarter.",
          "Services also grew. Analysts had expected weaker demand.", "reuters.com", "2025-05-01"),
      article("car-sales", "Car sales fall for a third month", "New car sales fell again in May, an industry group said.",
          "Sales of electric cars rose.", "reuters.com", "2025-06-03"));

  private static String first(NewsIndex index, String query) {
    return index.search(NewsQuery.builder(query).build()).hits().get(0).id();
  }

  @Test
  void articleWithEveryWordOfAShortQueryRanksFirst() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      index.upsertAll(ARTICLES);
      index.commit();
      assertEquals("uk-vote", first(index, "UK election results"));
      assertEquals("phone-sales", first(index, "iPhone sales"));
    }
  }
}
