package dev.lede.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreparedArticleTest {
  private static final String FOOTER = "Follow BBC News on social media for the latest updates.";

  private static PreparedArticle prepared(List<Entity> entities) {
    Article a = Article.builder()
        .id("a1")
        .headline("Seoul says troops crossed the border")
        .body("South Korea said on Monday that soldiers from the North crossed the line.\n\n" + FOOTER)
        .entities(entities)
        .build();
    return PreparedArticle.of(a);
  }

  @Test
  void anEntityNamedOnlyInRemovedBoilerplateIsDropped() {
    PreparedArticle p = prepared(List.of(
        new Entity("South Korea", EntityType.PLACE),
        new Entity("Seoul", EntityType.PLACE),
        new Entity("BBC", EntityType.ORGANIZATION)));
    PreparedArticle stripped = p.withBoilerplateRemoved(p.indexedBody().replace(FOOTER, "").strip());

    assertEquals(List.of("South Korea", "Seoul"), stripped.article().entities().stream().map(Entity::name).toList());
    assertEquals(p.article().body(), stripped.article().body(), "the stored original keeps its text");
  }

  @Test
  void anAliasStillInTheTextKeepsItsEntity() {
    PreparedArticle p = prepared(List.of(new Entity("Republic of Korea", EntityType.PLACE, List.of("South Korea"))));
    PreparedArticle stripped = p.withBoilerplateRemoved(p.indexedBody().replace(FOOTER, ""));

    assertEquals(1, stripped.article().entities().size());
  }

  @Test
  void nothingRemovedChangesNothing() {
    PreparedArticle p = prepared(List.of(new Entity("BBC", EntityType.ORGANIZATION)));
    assertSame(p.article(), p.withBoilerplateRemoved(p.indexedBody()).article());
  }
}
