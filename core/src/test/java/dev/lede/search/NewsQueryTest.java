package dev.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NewsQueryTest {
  // Issue 15: a blank source normalised to null and the query's Set.copyOf threw a NullPointerException.
  @Test
  void blankFilterValuesAreRefusedWithTheValue() {
    IllegalArgumentException source = assertThrows(IllegalArgumentException.class, () -> NewsQuery.builder("x").source(" "));
    assertEquals("blank source filter: \" \"", source.getMessage());
    assertThrows(IllegalArgumentException.class, () -> NewsQuery.builder("x").sources(List.of("bbc.co.uk", "")));
    assertThrows(IllegalArgumentException.class, () -> NewsQuery.builder("x").entity(""));
    assertEquals(Set.of("bbc.co.uk"), NewsQuery.builder("x").source("https://www.BBC.co.uk/news").build().sources());
  }
}
