package dev.lede.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTest {

  @Test
  void aliasesAreTrimmedDistinctAndNeverTheNameItself() {
    Entity e = new Entity(" Kim Jong-un ", EntityType.PERSON, Arrays.asList("Kim", " Kim ", "Kim Jong-un", "", null, "Kim Jong Un"));
    assertEquals("Kim Jong-un", e.name());
    assertEquals(List.of("Kim", "Kim Jong Un"), e.aliases());
    assertEquals(List.of(), new Entity("U.S.", EntityType.PLACE).aliases());
  }

  @Test
  void aBlankNameIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Entity("  ", EntityType.OTHER));
    assertEquals("entity name must not be blank", e.getMessage());
    NullPointerException n = assertThrows(NullPointerException.class, () -> new Entity("x", null));
    assertEquals("type", n.getMessage());
  }

  @Test
  void aliasesCannotBeChanged() {
    Entity e = new Entity("United States", EntityType.PLACE, List.of("U.S."));
    assertThrows(UnsupportedOperationException.class, () -> e.aliases().add("USA"));
  }
}
