package dev.lede.prepare.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lede.IndexOptions;
import dev.lede.NewsIndex;
import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import dev.lede.prepare.Preparer;
import dev.lede.read.ArticleInputs;
import dev.lede.search.Facet;
import dev.lede.search.FacetCount;
import dev.lede.search.NewsQuery;
import dev.lede.search.SearchResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityIndexingTest {

  static Path seed() {
    for (String p : List.of("../../shared/seed/000_624c66a038de60f1.txt", "../shared/seed/000_624c66a038de60f1.txt")) {
      if (Files.exists(Path.of(p))) {
        return Path.of(p);
      }
    }
    return null;
  }

  // The promise: entity:"Kim Jong Un" and entity:kim both find the seed post once indexed.
  @Test
  void seedPostIsFoundThroughEntityCanonicalNameAndAlias() {
    Path seed = seed();
    assumeTrue(seed != null, "the seed post is not here");
    List<Article> read = ArticleInputs.readAll(seed);
    assertEquals(1, read.size());
    try (NewsIndex index = NewsIndex.inMemory()) {
      index.upsert(read.getFirst());
      index.upsert(Article.builder().id("other").headline("Weather").body("Rain fell in Paris on Monday.").build());
      index.refresh();
      for (String q : List.of("entity:kim", "entity:\"Kim Jong Un\"", "entity:\"Kim Jong-un\"", "entity:JCS")) {
        SearchResult r = index.search(NewsQuery.builder(q).build());
        assertEquals(1, r.total(), q);
        assertEquals(read.getFirst().id(), r.hits().getFirst().id(), q);
      }
      Article stored = index.get(read.getFirst().id()).orElseThrow();
      assertTrue(stored.entities().contains(new Entity("Joint Chiefs of Staff", EntityType.ORGANIZATION, List.of("JCS"))), stored.entities().toString());
      SearchResult facets = index.search(NewsQuery.builder("").facet(Facet.ENTITY).build());
      List<String> names = facets.facets().get(Facet.ENTITY).stream().map(FacetCount::value).toList();
      assertTrue(names.containsAll(List.of("North Korea", "Kim Jong-un", "Paris")), names.toString());
    }
  }

  @Test
  void entityStepCanBeTurnedOff() {
    IndexOptions off = IndexOptions.defaults().withPreparer(Preparer.builder().withoutEntities().build());
    Article a = Article.builder().id("a").headline("Visit").body("Emmanuel Macron flew to Berlin.").build();
    assertEquals(List.of(), off.preparer().prepare(a).article().entities());
    assertEquals(
        List.of("Emmanuel Macron", "Berlin"),
        IndexOptions.defaults().preparer().prepare(a).article().entities().stream().map(Entity::name).toList());
  }
}
