package dev.lede.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

  @Test
  void isSixteenLowerCaseHexCharactersAndStable() {
    String id = ArticleIds.derive("example.com", "https://example.com/a", "Headline");
    assertTrue(id.matches("[0-9a-f]{16}"), id);
    assertEquals(id, ArticleIds.derive("example.com", "https://example.com/a", "Headline"));
  }

  @Test
  void theSameUrlWrittenDifferentlyGivesTheSameId() {
    String id = ArticleIds.derive("example.com", "https://example.com/news/a", null);
    assertEquals(id, ArticleIds.derive("example.com", "http://www.EXAMPLE.com/news/a/", null));
    assertEquals(id, ArticleIds.derive("www.example.com", "https://example.com/news/a#comments", null));
    assertEquals(id, ArticleIds.derive("example.com", "https://example.com/news/a", "Another Headline"), "the url wins over the headline");
    assertNotEquals(id, ArticleIds.derive("example.com", "https://example.com/news/A", null), "paths are case-sensitive");
    assertNotEquals(id, ArticleIds.derive("other.org", "https://example.com/news/a", null), "the source is part of the key");
  }

  @Test
  void withoutAUrlTheNormalisedHeadlineIsTheKey() {
    String id = ArticleIds.derive("example.com", null, "Kim’s  Visit  Ends");
    assertEquals(id, ArticleIds.derive("example.com", " ", "kim's visit ends"));
    assertNotEquals(id, ArticleIds.derive("example.com", null, "Kim's visit began"));
    assertNotEquals(
        ArticleIds.derive(null, null, "x"), ArticleIds.derive(null, "x", null), "a url and a headline never collide");
  }

  @Test
  void needsAUrlOrAHeadline() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArticleIds.derive("a.com", " ", null));
    assertEquals("cannot derive an id: the article has no url and no headline", e.getMessage());
  }

  @Test
  void normalizesUrls() {
    assertEquals("example.com/a?b=1", ArticleIds.normalizeUrl(" HTTPS://WWW.Example.com/a?b=1#top "));
    assertEquals("example.com", ArticleIds.normalizeUrl("https://example.com///"));
    // A URL in the query is part of the path, not a scheme to strip.
    assertEquals("example.com/r?to=https://other.org", ArticleIds.normalizeUrl("example.com/r?to=https://other.org"));
  }
}
