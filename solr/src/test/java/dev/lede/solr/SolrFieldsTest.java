package dev.lede.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import dev.lede.article.Fingerprints;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;

class SolrFieldsTest {
  private static final Article FULL = Article.builder().id("a!1").source("https://www.Reuters.com/x").url("https://reuters.com/x")
      .headline("Fed holds rates").lead("The Fed's decision.").body("Powell spoke \u201cclearly\u201d.")
      .published(Instant.parse("2024-01-31T23:59:59Z")).author("Ann Lee").author("Bo Chen").language("en")
      .entity(new Entity("Federal Reserve", EntityType.ORGANIZATION, List.of("Fed", "The Fed")))
      .entity(new Entity("Jerome Powell", EntityType.PERSON)).attribute("section", "markets").attribute("raw", null).build();

  @Test
  void storedOriginalRoundTripsEveryField() {
    assertEquals(FULL, ArticleJson.read(ArticleJson.write(FULL)));
    Article bare = Article.builder().id("b").body("Only a body.").build();
    assertEquals(bare, ArticleJson.read(ArticleJson.write(bare)));
  }

  @Test
  void documentCarriesRoutingFacetsAndFilters() {
    SolrInputDocument d = SolrFields.toDocument(FULL, "story!7");
    assertEquals("story%217!a%211", d.getFieldValue(SolrFields.ID));
    assertEquals("a!1", d.getFieldValue(SolrFields.ARTICLE_ID));
    assertEquals("reuters.com", d.getFieldValue(SolrFields.SOURCE));
    assertEquals(Date.from(FULL.published()), d.getFieldValue(SolrFields.PUBLISHED));
    assertEquals("2024-01", d.getFieldValue(SolrFields.MONTH), "month in UTC");
    assertEquals(Set.of("Federal Reserve", "Jerome Powell"), Set.copyOf(d.getFieldValues(SolrFields.ENTITY)));
    assertEquals(new LinkedHashSet<>(List.of("federal reserve", "fed", "the fed", "jerome powell")),
        new LinkedHashSet<>(d.getFieldValues(SolrFields.ENTITY_KEY)));
    assertEquals(Set.of("ORGANIZATION", "PERSON"), Set.copyOf(d.getFieldValues(SolrFields.ENTITY_TYPE)));
    assertEquals(Fingerprints.ofRecord(FULL), d.getFieldValue(SolrFields.FINGERPRINT));
    assertEquals("story!7", d.getFieldValue(SolrFields.STORY));
    for (String name : d.getFieldNames()) {
      assertEquals(true, SolrFields.ALL.contains(name), name + " is not a schema field");
    }
  }

  @Test
  void undatedArticleHasNoDateOrMonth() {
    SolrInputDocument d = SolrFields.toDocument(Article.builder().id("u").headline("No date").build(), "u");
    assertNull(d.getFieldValue(SolrFields.PUBLISHED));
    assertNull(d.getFieldValue(SolrFields.MONTH));
  }
}
