package dev.lede.prepare.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityPreparerTest {

  private static Article withEntities(List<Entity> entities) {
    return Article.builder()
        .id("in")
        .headline("Summit")
        .body("Kim Jong-un met Donald Trump in Singapore.")
        .entities(entities)
        .build();
  }

  @Test
  void inputEntitiesAreKeptAndNormalisedInsteadOfExtracted() {
    Article a =
        withEntities(
            List.of(new Entity("Kim Jong Un", EntityType.OTHER), new Entity("US", EntityType.PLACE), new Entity("Acme", EntityType.ORGANIZATION)));
    List<Entity> es = EntityPreparer.defaults().prepare(a).entities();
    assertEquals(List.of("Kim Jong-un", "United States", "Acme"), es.stream().map(Entity::name).toList());
    assertEquals(EntityType.PERSON, es.get(0).type(), "type filled in from the gazetteer");
    assertEquals(List.of("Kim Jong Un"), es.get(0).aliases());
    assertEquals(List.of("US"), es.get(1).aliases());
  }

  @Test
  void duplicateInputEntitiesMerge() {
    Article a = withEntities(List.of(new Entity("UN", EntityType.ORGANIZATION), new Entity("United Nations", EntityType.OTHER)));
    List<Entity> es = EntityPreparer.defaults().prepare(a).entities();
    assertEquals(1, es.size(), es.toString());
    assertEquals("United Nations", es.getFirst().name());
  }

  @Test
  void articleWithoutEntitiesGetsExtractedOnes() {
    List<Entity> es = EntityPreparer.defaults().prepare(withEntities(List.of())).entities();
    assertEquals(List.of("Kim Jong-un", "Donald Trump", "Singapore"), es.stream().map(Entity::name).toList());
  }

  @Test
  void neverExtractLeavesArticleWithoutEntitiesAlone() {
    Article a = withEntities(List.of());
    assertSame(a, EntityPreparer.builder().policy(EntityPreparer.Policy.NEVER_EXTRACT).build().prepare(a));
  }

  @Test
  void alwaysExtractMergesInputWithFound() {
    Article a = withEntities(List.of(new Entity("Kim Jong Un", EntityType.PERSON), new Entity("Pyongyang", EntityType.PLACE)));
    List<Entity> es = EntityPreparer.builder().policy(EntityPreparer.Policy.ALWAYS_EXTRACT).build().prepare(a).entities();
    List<String> names = es.stream().map(Entity::name).toList();
    assertEquals(List.of("Kim Jong-un", "Pyongyang", "Donald Trump", "Singapore"), names);
    assertTrue(es.getFirst().aliases().contains("Kim Jong Un"));
  }
}
