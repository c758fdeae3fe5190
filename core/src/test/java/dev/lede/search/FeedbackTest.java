package dev.lede.search;

import static dev.lede.search.NewsIndexTest.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.NewsIndex;
import dev.lede.article.Article;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pseudo-relevance feedback (issue 16): a long query borrows the words of its best articles, so an
 * article on the same subject in other words ranks above one that shares a word by chance; short
 * queries, hit counts, exclusions and cursors are as without it. All names here are made up.
 */
class FeedbackTest {
  /** Nine plain words: long enough for feedback. */
  static final String LONG = "council vote new tram line route old town plans";

  static final List<Article> ARTICLES = List.of(
      article("tram-vote", "Council approves tram line", "The council voted to build a tram line through the old town.",
          "The tramway depot will sit by the river. Tramway works start in spring, and the depot opens in two years.",
          "city.example", "2025-03-01"),
      article("tram-route", "Old town tram line route agreed", "Councillors agreed the route of the tram line through the old town.",
          "The tramway will run from the depot by the river to the station. Tramway stops were approved.", "city.example", "2025-03-02"),
      article("tram-cost", "Tram line cost rises", "The council said the tram line through the old town will cost more.",
          "The tramway depot and the river bridge pushed the price up. Tramway contracts are signed.", "post.example", "2025-03-03"),
      article("tram-debate", "Council debates tram line vote", "The council will vote on the tram line again.",
          "Opponents of the tramway want the depot moved away from the river.", "post.example", "2025-03-04"),
      // On the subject, in the tramway's words, sharing only "new" with the query.
      article("depot-neighbours", "Neighbours of the depot worry", "Neighbours fear new noise from the tramway depot by the river.",
          "A tramway depot runs day and night, they said, and the river path would close for the tramway works.", "post.example",
          "2025-03-05"),
      // Off the subject, sharing the same word, in a shorter article.
      article("bakery", "Bakery opens", "A bakery with new ovens opened on Friday.", "It sells bread and cakes.", "city.example", "2025-03-06"),
      article("harbour", "Harbour festival returns", "Boats and music filled the harbour at the weekend.", "Thousands came.", "post.example",
          "2025-03-07"));

  static NewsIndex index;

  /** Other news, so that the tramway's words are rare in the index, as a subject's words are in a real one. */
  static List<Article> otherNews() {
    String[][] topics = {
        {"Storm closes schools", "Heavy snow closed schools across the region.", "Forecasters expect more snow."},
        {"Striker signs for rivals", "The striker joined their rivals for a record fee.", "Fans protested at the ground."},
        {"Shares fall on rate fears", "Markets dropped as investors feared higher rates.", "Banks led the fall."},
        {"Museum buys painting", "A museum bought a portrait at auction.", "It will hang in the east wing."},
        {"Hospital waiting lists grow", "Patients wait longer for surgery.", "Nurses blamed staff shortages."},
        {"Farmers fear drought", "Dry weather threatens the harvest.", "Wheat prices climbed."},
        {"Film festival prizes", "A documentary won the top prize.", "The jury praised its director."},
        {"Airline cancels flights", "Pilots walked out over pay.", "Passengers were stranded at airports."},
        {"School results published", "Exam grades rose in maths.", "Teachers welcomed the figures."},
        {"Police appeal for witnesses", "A car was stolen overnight.", "Officers asked drivers for dashcam footage."},
        {"Library cuts hours", "Budget pressure shortens opening times.", "Readers signed a petition."},
        {"Orchestra tours abroad", "Musicians will play twelve concerts.", "Tickets sold out quickly."}};
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < topics.length; i++) {
      out.add(article("other-" + i, topics[i][0], topics[i][1], topics[i][2], "wire.example", "2025-01-" + (10 + i)));
    }
    return out;
  }

  @BeforeAll
  static void open() {
    index = NewsIndex.inMemory();
    index.upsertAll(ARTICLES);
    index.upsertAll(otherNews());
    index.commit();
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static List<String> ids(NewsQuery.Builder q) {
    return index.search(q.collapse(false).limit(20).build()).hits().stream().map(Hit::id).toList();
  }

  @Test
  void longQueryRanksArticleOnTheSubjectAboveOneSharingAWordByChance() {
    List<String> plain = ids(NewsQuery.builder(LONG).feedback(false));
    List<String> expanded = ids(NewsQuery.builder(LONG));
    // Guards the test itself: without feedback the off-subject article is ahead.
    assertTrue(plain.indexOf("bakery") < plain.indexOf("depot-neighbours"), plain::toString);
    assertTrue(expanded.indexOf("depot-neighbours") < expanded.indexOf("bakery"), expanded::toString);
  }

  @Test
  void feedbackReordersButNeverAddsOrDropsHits() {
    assertEquals(index.search(NewsQuery.builder(LONG).feedback(false).build()).total(), index.search(NewsQuery.builder(LONG).build()).total());
    assertEquals(ids(NewsQuery.builder(LONG).feedback(false)).stream().sorted().toList(),
        ids(NewsQuery.builder(LONG)).stream().sorted().toList());
    List<String> excluded = ids(NewsQuery.builder(LONG + " -depot"));
    assertEquals(List.of("bakery"), excluded, "an excluded word stays excluded");
    List<String> filtered = ids(NewsQuery.builder(LONG).source("city.example"));
    assertEquals(List.of("bakery", "tram-route", "tram-vote"), filtered.stream().sorted().toList(), "filters hold");
    assertEquals("bakery", filtered.get(2));
  }

  @Test
  void shortQueryIsNotExpanded() {
    NewsQuery on = NewsQuery.builder("tram line vote").collapse(false).build();
    NewsQuery off = on.toBuilder().feedback(false).build();
    List<Hit> a = index.search(on).hits();
    List<Hit> b = index.search(off).hits();
    assertEquals(b.stream().map(Hit::id).toList(), a.stream().map(Hit::id).toList());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(b.get(i).score(), a.get(i).score(), 0f);
    }
  }

  @Test
  void cursorPagesThroughExpandedResultsInTheSameOrder() {
    List<String> whole = ids(NewsQuery.builder(LONG));
    List<String> paged = new ArrayList<>();
    NewsQuery q = NewsQuery.builder(LONG).collapse(false).limit(2).build();
    while (true) {
      SearchResult r = index.search(q);
      r.hits().forEach(h -> paged.add(h.id()));
      if (r.next() == null) {
        break;
      }
      q = q.toBuilder().after(r.next()).build();
    }
    assertEquals(whole, paged);
  }

  @Test
  void highlightsShowTheWordsAskedForNotTheFeedbacks() {
    for (Hit hit : index.search(NewsQuery.builder(LONG).collapse(false).build()).hits()) {
      String shown = hit.snippet().mark("[", "]").toLowerCase(java.util.Locale.ROOT);
      assertFalse(shown.contains("[tramway") || shown.contains("[depot"), shown);
    }
  }

  @Test
  void illegalSettingsAreRefusedWithTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Feedback(5, 20, 1.5f, 7));
    assertEquals("illegal feedback originalWeight value: 1.5, must be above 0 and at most 1", e.getMessage());
    assertEquals("Feedback(docs=5,terms=10,original=0.7,minWords=7)", Feedback.defaults().toString());
    assertEquals("Feedback(off)", Feedback.OFF.toString());
  }
}
