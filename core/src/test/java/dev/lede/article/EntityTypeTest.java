package dev.lede.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EntityTypeTest {

  @Test
  void readsTheSpellingsOfNerTools() {
    assertEquals(EntityType.PERSON, EntityType.parse("PER"));
    assertEquals(EntityType.PERSON, EntityType.parse("person"));
    assertEquals(EntityType.ORGANIZATION, EntityType.parse("Org"));
    assertEquals(EntityType.ORGANIZATION, EntityType.parse("organisation"));
    assertEquals(EntityType.PLACE, EntityType.parse("GPE"));
    assertEquals(EntityType.PLACE, EntityType.parse(" loc "));
    assertEquals(EntityType.PLACE, EntityType.parse("LOCATION"));
  }

  @Test
  void unknownOrBlankIsOther() {
    assertEquals(EntityType.OTHER, EntityType.parse("MISC"));
    assertEquals(EntityType.OTHER, EntityType.parse("NORP"));
    assertEquals(EntityType.OTHER, EntityType.parse(""));
    assertEquals(EntityType.OTHER, EntityType.parse(null));
  }
}
