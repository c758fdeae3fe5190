package dev.lede.search;

import static dev.lede.search.NewsIndexTest.article;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lede.NewsIndex;
import dev.lede.article.Article;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Related articles are the ones on the same subject, not every article that shares a word with it.
 * Issue 15: the demo's rail strike listed a flu story and an astronaut story after its neighbours.
 * All names are made up.
 */
class SimilarArticlesTest {
  static final List<Article> ARTICLES = List.of(
      article("ferry-1", "Ferry crews strike over pay at Marlow Sound", "Ferry crews walked out on Monday after pay talks with Tidewell Lines broke down.",
          "Crossings to the islands were cancelled for the week. The union said the strike would go on until a pay offer was made.",
          "example.org", "2025-06-02"),
      article("ferry-2", "Tidewell Lines makes new pay offer to striking crews", "The ferry operator offered crews a two-year pay deal.",
          "Union leaders will put the offer to members. Crossings to the islands stay cancelled while the strike goes on.",
          "example.net", "2025-06-04"),
      article("ferry-3", "Island shops run short as ferry strike enters second week", "Shops on the islands said deliveries had stopped since crews walked out.",
          "Tidewell Lines said talks on pay would resume. Some crossings may run at the weekend.", "example.com", "2025-06-09"),
      article("flu", "Clinics busy as winter flu arrives early", "Doctors said the week had been the busiest of the year.",
          "The main strain changed slightly. Vaccines are offered at pharmacies.", "example.org", "2026-01-09"),
      article("orbit", "Crew returns after a long week in orbit", "Two astronauts landed on Monday after their mission was extended.",
          "Engineers said the capsule would be inspected.", "example.net", "2025-03-18"),
      article("bridge", "Bridge reopens after repairs", "The old bridge reopened to traffic on Sunday.", "Work took a year.", "example.com",
          "2025-05-04"));

  @Test
  void relatedArticlesShareTheSubjectNotJustAWord() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      index.upsertAll(ARTICLES);
      index.commit();
      Set<String> related = index.similar("ferry-1", NewsQuery.builder("").build()).hits().stream().map(Hit::id).collect(Collectors.toSet());
      assertEquals(Set.of("ferry-2", "ferry-3"), related);
    }
  }
}
