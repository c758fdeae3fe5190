package dev.lede.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.QuerySyntaxException;
import dev.lede.search.Facet;
import dev.lede.search.Highlight;
import dev.lede.search.NewsQuery;
import dev.lede.search.Recency;
import dev.lede.search.SortOrder;
import dev.lede.search.Span;
import dev.lede.search.Syntax;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;
import org.junit.jupiter.api.Test;

class SolrQueriesTest {

  private static SolrQuery build(NewsQuery q) {
    return SolrQueries.search(q, SolrQueries.Weights.DEFAULT);
  }

  @Test
  void strictSyntaxErrorNamesThePosition() {
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
        () -> build(NewsQuery.builder("troops AND (north").syntax(Syntax.LUCENE).build()));
    assertEquals("troops AND (north", e.query());
    assertEquals(17, e.position());
    assertTrue(e.getMessage().contains("at position 17"), e.getMessage());
  }

  @Test
  void strictSyntaxErrorInsideTheQueryNamesTheOffendingToken() {
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
        () -> build(NewsQuery.builder("troops AND OR north").syntax(Syntax.LUCENE).build()));
    assertEquals(11, e.position());
  }

  @Test
  void strictSyntaxLexicalErrorNamesAPosition() {
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
        () -> build(NewsQuery.builder("troops \"north").syntax(Syntax.LUCENE).build()));
    assertTrue(e.position() >= 7 && e.position() <= 13, "position " + e.position() + ": " + e.getMessage());
  }

  @Test
  void simpleSyntaxNeverThrowsOnBrokenInput() {
    SolrQuery s = build(NewsQuery.builder("troops AND (north \"").build());
    assertEquals("edismax", s.get("defType"));
  }

  @Test
  void plainDatesInAPublishedRangeBecomeInstants() {
    assertEquals("quake published:[2024-01-01T00:00:00Z TO 2024-02-01T00:00:00Z}",
        SolrQueries.normalizeDates("quake published:[2024-01-01 TO 2024-02-01}"));
    assertEquals("2024-01-01 quake", SolrQueries.normalizeDates("2024-01-01 quake"));
  }

  @Test
  void filtersBecomeFilterQueriesThatDoNotScore() {
    SolrQuery s = build(NewsQuery.builder("rates").source("https://www.reuters.com/x").entity("Federal Reserve")
        .since(Instant.parse("2024-01-01T00:00:00Z")).language("en").collapse(false).build());
    assertEquals(List.of("source:(\"reuters.com\")", "entity_key:\"federal reserve\"",
        "published:[2024-01-01T00:00:00Z TO *}", "language:(\"en\")"), Arrays.asList(s.getFilterQueries()));
  }

  @Test
  void collapseIsTaggedSoFacetsCountEveryArticle() {
    SolrQuery s = build(NewsQuery.builder("rates").facet(Facet.SOURCE, Facet.MONTH).build());
    assertTrue(Arrays.asList(s.getFilterQueries()).contains("{!collapse tag=story field=story}"));
    assertTrue(Arrays.asList(s.getFacetFields()).contains("{!ex=story key=SOURCE}source"));
    assertTrue(Arrays.asList(s.getFacetFields()).contains("{!ex=story key=MONTH}month"));
    assertEquals("-1", s.get("f.month.facet.limit"), "every month, ordered on the client");
  }

  @Test
  void everySortEndsWithTheDocumentIdForCursorPaging() {
    for (SortOrder o : SortOrder.values()) {
      String sort = build(NewsQuery.builder("x").sort(o).build()).get("sort");
      assertTrue(sort.endsWith("id asc"), o + ": " + sort);
    }
  }

  @Test
  void recencyIsABoundedAdditiveBoostFromAsOf() {
    Recency r = new Recency(0.5f, Duration.ofDays(1), Instant.parse("2024-03-01T00:00:00Z"));
    assertEquals("if(exists(published),product(0.5,recip(abs(ms(2024-03-01T00:00:00Z,published)),1.1574074074074074E-8,1,1)),0)",
        SolrQueries.recencyFunction(r));
  }

  @Test
  void aCursorOfAnotherBackendIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> build(NewsQuery.builder("x").after("AoE1").build()));
    assertTrue(e.getMessage().contains("'AoE1'"), e.getMessage());
  }

  @Test
  void markersBecomeSpansOverTheUnmarkedText() {
    Highlight h = Highlights.fromMarked("Troops \uE000north\uE001 of the \uE000border\uE001\uE000 town\uE001");
    assertEquals("Troops north of the border town", h.text());
    assertEquals(List.of(new Span(7, 12), new Span(20, 31)), h.matches());
  }

  @Test
  void documentIdsCannotBecomeThreeLevelRoutes() {
    assertEquals("st%21ory!a%21b%25c", SolrFields.documentId("st!ory", "a!b%c"));
  }

  // Issue 15: ranks restarted at 1 on every page; a Solr cursor now carries the offset too.
  @Test
  void cursorsCarryTheOffsetAndOldCursorsStillRead() {
    String next = SolrQueries.cursor(10, 5, "AoE/ZXhhbXBsZQ==");
    assertEquals("solr:15:AoE/ZXhhbXBsZQ==", next);
    assertEquals(15, SolrQueries.cursorOffset(next));
    assertEquals("AoE/ZXhhbXBsZQ==", SolrQueries.cursorMark(next));
    assertEquals(0, SolrQueries.cursorOffset("solr:AoE/ZXhhbXBsZQ=="));
    assertEquals("AoE/ZXhhbXBsZQ==", SolrQueries.cursorMark("solr:AoE/ZXhhbXBsZQ=="));
    assertThrows(IllegalArgumentException.class, () -> SolrQueries.cursorOffset("AQ"));
  }
}
