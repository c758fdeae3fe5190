package dev.lede;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import dev.lede.index.Schema;
import dev.lede.search.NewsQuery;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values Lucene would refuse are cut with a warning; the article and the rest of the batch are written. */
class OversizedFieldsTest {
  static final String TOKEN = "x".repeat(40_000); // over Lucene's 32766-byte term limit

  @Test
  void hugeTokensAndBodiesAreIndexedWithTheKeywordsCutAndAWarning(@TempDir Path dir) {
    List<Article> batch = List.of(
        Article.builder().id("body-token").headline("Long token in the body").body("start " + TOKEN + " finish").build(),
        Article.builder().id("url-author").headline("Long url and author").body("plain words").url("https://example.com/" + TOKEN)
            .author(TOKEN).build(),
        Article.builder().id("source").headline("Long source").body("plain words").source(TOKEN).build(),
        Article.builder().id("entity").headline("Long entity").body("plain words").language(TOKEN)
            .entity(new Entity("E" + TOKEN, EntityType.PERSON, List.of("A" + TOKEN))).build(),
        Article.builder().id("huge-body").headline("Huge body").body("needle " + "word ".repeat(1_000_000)).build(),
        Article.builder().id("after").headline("An ordinary article after them").body("plain words").build());
    try (NewsIndex index = NewsIndex.open(dir)) {
      batch.forEach(index::upsert);
      List<String> warnings = index.takeWarnings();
      assertEquals(List.of(
          // issue 15: bylines are keywords now (filter and facet), so a huge one is cut too
          "article 'url-author': 'author' of 40000 bytes was indexed cut to 32766 bytes (Lucene's term limit); the stored article keeps it whole",
          "article 'source': 'source' of 40000 bytes was indexed cut to 32766 bytes (Lucene's term limit); the stored article keeps it whole",
          // no warning for the language: it is indexed as a code, 'und' for a value that names no language (issue 18)
          "article 'entity': 'entity' of 40001 bytes was indexed cut to 32766 bytes (Lucene's term limit); the stored article keeps it whole",
          "article 'entity': 'entity alias' of 40001 bytes was indexed cut to 32766 bytes (Lucene's term limit); the stored article keeps it whole"),
          warnings);
      assertEquals(List.of(), index.takeWarnings(), "taken once");
      index.commit();
      assertEquals(6, index.stats().articles());
      assertEquals(TOKEN, index.get("url-author").orElseThrow().authors().get(0), "stored whole");
      assertEquals(TOKEN.length() + 20, index.get("url-author").orElseThrow().url().length());
      assertEquals(List.of("body-token"), ids(index, "finish"));
      assertEquals(List.of("huge-body"), ids(index, "needle"));
      assertEquals(List.of("source"), ids(index, "source:" + TOKEN.substring(0, Schema.MAX_KEYWORD_BYTES) + " long"));
    }
  }

  @Test
  void overlongIdIsRefusedBecauseCuttingItCouldMergeArticles() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Article.builder().id(TOKEN).headline("x").build());
    assertEquals("article id of 40000 characters is too long: at most 1024", e.getMessage());
  }

  @Test
  void keywordIsCutAtACharacterBoundary() {
    String euros = "\u20ac".repeat(20_000); // 3 bytes each
    String cut = Schema.keyword(euros);
    assertEquals(Schema.MAX_KEYWORD_BYTES / 3, cut.length());
    String emoji = "\uD83D\uDCF0".repeat(10_000); // 4 bytes each, two UTF-16 units
    assertTrue(Character.isHighSurrogate(emoji.charAt(0)));
    String cutEmoji = Schema.keyword(emoji);
    assertEquals(0, cutEmoji.length() % 2, "never half a surrogate pair");
    assertEquals(Schema.MAX_KEYWORD_BYTES / 4 * 2, cutEmoji.length());
  }

  static List<String> ids(NewsIndex index, String text) {
    return index.search(NewsQuery.builder(text).build()).hits().stream().map(h -> h.id()).toList();
  }
}
