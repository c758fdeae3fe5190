package dev.lede;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import dev.lede.prepare.boilerplate.LearnedLine;
import dev.lede.read.ArticleSource;
import dev.lede.search.Hit;
import dev.lede.search.NewsQuery;
import dev.lede.search.SearchResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Learned boilerplate as a user meets it: after one ingest, through search and snippets. */
class BoilerplateThroughIndexTest {
  static final String PLUG = "Get the Quillmoor Gazette briefing in your inbox every weekday morning.";
  static final String BACKGROUND = "The Quillmoor viaduct was opened in 1874 by the Brantwick railway company.";

  /** Twelve made-up articles of one source; the sign-off runs into the last paragraph, some have their own footer line. */
  static List<Article> corpus() {
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String middle = i < 3 ? BACKGROUND : "Inspectors walked section " + (i + 4) + " of the deck on foot.";
      String body = "Repairs on the viaduct reached arch " + i + " this week. Crews worked through the night. "
          + "The council paid " + (i * 13 + 7) + " pounds for scaffolding.\n\n"
          + "Residents complained about the noise. Engineers expect " + i + " more weeks of work.\n\n" + middle + "\n\n"
          + "Trains run on one track meanwhile. Buses replace the late services. Fares stay the same. "
          + "A review of arch " + (i + 1) + " follows. " + PLUG
          + (i % 2 == 0 ? "\n\nCopyright Quillmoor Gazette. All rights reserved." : "");
      out.add(Article.builder().id("q" + i).headline("Viaduct repairs, week " + i).source("gazette.example").body(body).build());
    }
    return out;
  }

  // issue 16: a sign-off run into the last paragraph stayed searchable in every article of its source,
  // and background repeated in the middle of three articles was stripped as if it were a footer
  @Test
  void aRunInSignOffIsNotSearchableAndRepeatedBackgroundIs() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      index.ingest(ArticleSource.of(corpus()), IngestOptions.defaults().withThreads(2), null);
      List<String> learned = index.boilerplate().get("gazette.example").stream().map(LearnedLine::text).toList();
      assertTrue(learned.contains(PLUG), learned.toString());
      assertFalse(learned.contains(BACKGROUND), learned.toString());
      assertEquals(0, index.search(NewsQuery.builder("inbox").build()).total(), "the sign-off is stripped from every article");
      assertEquals(0, index.search(NewsQuery.builder("\"all rights reserved\"").build()).total());
      assertEquals(3, index.search(NewsQuery.builder("brantwick").collapse(false).build()).total(), "the background stays");
      SearchResult fares = index.search(NewsQuery.builder("fares review").collapse(false).limit(20).build());
      assertEquals(12, fares.total());
      for (Hit hit : fares.hits()) {
        assertFalse(hit.snippet().text().contains("inbox"), hit.snippet().text());
      }
      // a query that also names the sign-off's words still shows a passage of the article, not the sign-off
      for (Hit hit : index.search(NewsQuery.builder("weekday briefing inbox review arch").collapse(false).limit(20).build()).hits()) {
        assertFalse(hit.snippet().text().contains("inbox"), hit.snippet().text());
      }
      // the stored article keeps what was stripped from its index entry
      assertTrue(index.get("q0").orElseThrow().body().endsWith("All rights reserved."));
    }
  }
}
