package dev.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.NewsIndex;
import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Completions from the index (issue 18): entities by how often they are named, headlines newest first. */
class SuggestTest {
  static Article article(String id, String headline, String published, Entity... entities) {
    return Article.builder().id(id).headline(headline).body(headline + ". More details to follow from the region.")
        .source("wire.example").published(Instant.parse(published)).entities(List.of(entities)).build();
  }

  static NewsIndex index() {
    NewsIndex index = NewsIndex.inMemory();
    Entity kestrix = new Entity("Kestrix Industries", EntityType.ORGANIZATION, List.of("Kestrix"));
    Entity kesper = new Entity("Anna Kesper", EntityType.PERSON, List.of("Kesper"));
    index.upsert(article("a1", "Kestrix opens a plant in Valmora", "2024-03-01T08:00:00Z", kestrix));
    index.upsert(article("a2", "Kestrix shares fall after the plant delay", "2024-03-05T08:00:00Z", kestrix));
    index.upsert(article("a3", "Kestrix names a new chief", "2024-03-09T08:00:00Z", kestrix, kesper));
    index.upsert(article("a4", "Kesper to lead the valley council", "2024-03-02T08:00:00Z", kesper));
    index.upsert(article("a5", "Valmora plant strike enters second week", "2024-03-10T08:00:00Z"));
    index.commit();
    return index;
  }

  @Test
  void entitiesComeFirstMostNamedFirstThenHeadlinesNewestFirst() {
    try (NewsIndex index = index()) {
      List<Suggestion> s = index.suggest("kes", 10);
      assertEquals(Suggestion.Kind.ENTITY, s.get(0).kind());
      assertEquals("Kestrix Industries", s.get(0).text(), "named in 3 articles (by its alias)");
      assertEquals(3, s.get(0).articles());
      assertEquals("Anna Kesper", s.get(1).text());
      assertEquals(EntityType.PERSON, s.get(1).entityType());
      List<String> headlines = s.stream().filter(x -> x.kind() == Suggestion.Kind.HEADLINE).map(Suggestion::id).toList();
      assertEquals(List.of("a3", "a2", "a4", "a1"), headlines, "newest first");
    }
  }

  @Test
  void everyWordTypedMustBeInTheHeadlineTheLastAsAPrefix() {
    try (NewsIndex index = index()) {
      List<Suggestion> s = index.suggest("valmora pla", 10);
      assertEquals(List.of("a5", "a1"), s.stream().filter(x -> x.kind() == Suggestion.Kind.HEADLINE).map(Suggestion::id).toList());
      assertTrue(index.suggest("valmora plant ", 10).stream().anyMatch(x -> "a5".equals(x.id())));
    }
  }

  @Test
  void aTypoAfterTheFirstLettersStillFindsTheEntity() {
    try (NewsIndex index = index()) {
      List<Suggestion> s = index.suggest("kestirx", 5);
      assertEquals("Kestrix Industries", s.get(0).text());
      assertTrue(s.get(0).approximate());
    }
  }

  @Test
  void nothingTypedSuggestsNothingAndTheLimitIsChecked() {
    try (NewsIndex index = index()) {
      assertEquals(List.of(), index.suggest("  ", 5));
      assertEquals(List.of(), index.suggest("zzzq", 5));
      assertThrows(IllegalArgumentException.class, () -> index.suggest("kes", 0));
    }
  }

  @Test
  void newArticlesAreSuggestedAfterTheNextRefresh() {
    try (NewsIndex index = index()) {
      index.upsert(article("a6", "Orvanta wins the regional cup", "2024-03-11T08:00:00Z",
          new Entity("Orvanta", EntityType.ORGANIZATION, List.of())));
      index.refresh();
      assertEquals("Orvanta", index.suggest("orv", 3).get(0).text());
    }
  }
}
