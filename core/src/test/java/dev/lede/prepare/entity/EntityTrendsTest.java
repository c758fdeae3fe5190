package dev.lede.prepare.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.NewsIndex;
import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import dev.lede.search.FacetCount;
import dev.lede.search.NewsQuery;
import dev.lede.search.TrendingEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityTrendsTest {

  private static final Instant AS_OF = Instant.parse("2025-03-15T00:00:00Z");

  private static Article article(String id, Instant published, String... entities) {
    List<Entity> es = new ArrayList<>();
    for (String e : entities) {
      es.add(new Entity(e, e.equals("Acme") ? EntityType.ORGANIZATION : EntityType.PLACE));
    }
    return Article.builder().id(id).headline("Story " + id).body("Text of " + id).published(published).entities(es).build();
  }

  @Test
  void trendingRanksByGrowthOfShareWithCountsAndSmoothing() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      Instant before = AS_OF.minus(Duration.ofDays(10));
      Instant after = AS_OF.minus(Duration.ofDays(3));
      // Before: 10 articles, Chile in 5, Peru in 1. After: 10 articles, Peru in 6, Chile in 5, Acme in 1.
      for (int i = 0; i < 10; i++) {
        index.upsert(article("b" + i, before, i < 5 ? new String[] {"Chile"} : i == 5 ? new String[] {"Peru"} : new String[] {"Fiji"}));
        index.upsert(
            article(
                "a" + i,
                after,
                i < 6 ? new String[] {"Peru", i < 5 ? "Chile" : "Fiji"} : i == 9 ? new String[] {"Acme"} : new String[] {"Fiji"}));
      }
      index.upsert(article("old", AS_OF.minus(Duration.ofDays(40)), "Peru")); // outside both windows
      index.refresh();
      List<TrendingEntity> t = index.trending(AS_OF, Duration.ofDays(7), 10);
      assertEquals("Peru", t.getFirst().entity(), t.toString());
      assertEquals(EntityType.PLACE, t.getFirst().type());
      assertEquals(1, t.getFirst().countBefore());
      assertEquals(6, t.getFirst().countAfter());
      assertEquals((7.0 / 11) / (2.0 / 11), t.getFirst().ratio(), 1e-9);
      // Chile held steady; Acme was named once: neither trends.
      assertTrue(t.stream().noneMatch(x -> x.entity().equals("Chile") || x.entity().equals("Acme")), t.toString());
      assertThrows(IllegalArgumentException.class, () -> index.trending(AS_OF, Duration.ZERO, 10));
    }
  }

  @Test
  void topEntitiesMatchBruteForceCountsAndFollowTheQuery() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      List<Article> all = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        all.add(article("t" + i, AS_OF, i % 2 == 0 ? "Chile" : "Peru", i % 3 == 0 ? "Acme" : "Fiji"));
      }
      all.forEach(index::upsert);
      index.refresh();
      Map<String, Long> brute = new HashMap<>();
      all.forEach(a -> a.entities().forEach(e -> brute.merge(e.name(), 1L, Long::sum)));
      List<FacetCount> top = index.topEntities(NewsQuery.builder("").build(), 10);
      Map<String, Long> got = new HashMap<>();
      top.forEach(f -> got.put(f.value(), f.count()));
      assertEquals(brute, got);
      List<FacetCount> two = index.topEntities(NewsQuery.builder("").entity("Acme").build(), 2);
      assertEquals(2, two.size());
      assertEquals(new FacetCount("Acme", 10), two.getFirst());
    }
  }
}
