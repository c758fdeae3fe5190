package dev.lede.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lede.article.Article;
import org.junit.jupiter.api.Test;

class TextCleanupTest {

  @Test
  void articleBuiltWithoutAReaderIsIndexedWithTheReadersRules() {
    // issue 15: tags were removed with no space, so "ahead.</p><p>Shares" became "ahead.Shares"
    Article a = Article.builder().id("api").headline("Markets").body("<p>Markets rallied ahead.</p><p>Shares &amp; bonds rose.</p>").build();
    PreparedArticle p = new TextCleanup().apply(PreparedArticle.of(a));
    assertEquals("Markets rallied ahead.\n\nShares & bonds rose.", p.indexedBody());
    assertSame(a, p.article(), "the stored original is not touched");
  }

  @Test
  void plainBodyIsLeftAlone() {
    Article a = Article.builder().id("plain").headline("Markets").body("Plain text.\n\nTwo paragraphs.").build();
    PreparedArticle p = PreparedArticle.of(a);
    assertSame(p, new TextCleanup().apply(p));
  }
}
