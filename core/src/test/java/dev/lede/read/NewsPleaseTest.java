package dev.lede.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import dev.lede.article.ArticleIds;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewsPleaseTest {

  @Test
  void mapsNewsPleaseFields() {
    Collected c = Collected.readFixture("newsplease/article.json");
    Article a = c.onlyArticle();
    assertEquals(InputFormat.NEWSPLEASE, c.origins.get(0).format(), "recognised by its keys");
    assertEquals("Northern Ferry Route to Close for Winter", a.headline());
    assertEquals("The northern ferry route will close for the winter from next week.", a.lead());
    assertEquals("Operators blamed rising fuel costs.\n\nThe route reopens in April.", a.body());
    assertEquals("nordicnews.example", a.source());
    assertEquals("https://nordicnews.example/ferry", a.url());
    assertEquals(Instant.parse("2024-02-09T16:20:00Z"), a.published());
    assertEquals(List.of("Greta Lindqvist"), a.authors());
    assertEquals("en", a.language());
    assertEquals(ArticleIds.derive("nordicnews.example", "https://nordicnews.example/ferry", null), a.id());
    // The crawler's own bookkeeping stays available; its nulls carry nothing and are dropped.
    assertEquals("2024-02-10 07:01:12", a.attributes().get("date_download"));
    assertEquals("Ferry closes | Nordic News", a.attributes().get("title_page"));
    assertFalse(a.attributes().containsKey("date_modify"));
    assertFalse(a.attributes().containsKey("title"));
  }

  @Test
  void rejectsAnUnparseableDatePublishNamingTheField() {
    Collected c = Collected.readFixture("newsplease/bad_date_publish.json");
    Rejection r = c.onlyRejection();
    assertEquals(1, r.record());
    assertTrue(
        r.toString().endsWith("bad_date_publish.json record 1: 'date_publish' is not a date: \"the ninth of February\""),
        r.toString());
  }

  @Test
  void forcedFormatReadsNewsPleaseAsJsonLines() {
    Collected c = Collected.read(InputFormat.NEWSPLEASE, Collected.fixture("newsplease/articles.jsonl"));
    assertEquals(List.of(), c.rejections);
    assertEquals(2, c.articles.size());
    assertEquals(List.of(InputFormat.NEWSPLEASE, InputFormat.NEWSPLEASE), c.origins.stream().map(Origin::format).toList());
    assertEquals("Second Ferry Story", c.articles.get(1).headline());
    assertEquals(2L, c.report.articlesByFormat().get(InputFormat.NEWSPLEASE));
  }
}
