package dev.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.NewsIndex;
import dev.lede.article.Article;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 15: bylines were stored and shown but could not be searched, filtered or counted. */
class AuthorSearchTest {
  private NewsIndex index;

  private static Article article(String id, String headline, String lead, List<String> authors) {
    return Article.builder().id(id).headline(headline).lead(lead).body("More on this story later.")
        .source("desk.example").authors(authors).build();
  }

  @BeforeEach
  void setUp() {
    index = NewsIndex.inMemory();
    index.upsert(article("tide", "Tide tables revised", "The harbour office updated its charts.", List.of("Ann Lee", "Bo Chen")));
    index.upsert(article("bridge", "Bridge closes for repairs", "Drivers face detours all week.", List.of("Ann Lee")));
    index.upsert(article("lee-park", "Lee Park gets new benches", "The council approved the spending.", List.of("Cy Diaz")));
    index.upsert(article("nobody", "Ferry fares rise", "Tickets cost more from June.", List.of()));
    index.commit();
  }

  @AfterEach
  void tearDown() {
    index.close();
  }

  private List<String> ids(NewsQuery q) {
    return index.search(q).hits().stream().map(Hit::id).toList();
  }

  @Test
  void freeTextFindsAnAuthorsArticles() {
    // issue 15: `lede search <author name>` found nothing
    assertTrue(ids(NewsQuery.builder("Ann Lee").build()).containsAll(List.of("bridge", "tide")));
    assertEquals(List.of("tide"), ids(NewsQuery.builder("chen").build()));
  }

  @Test
  void aWordInTheTextOutranksTheSameWordInAByline() {
    assertEquals("lee-park", ids(NewsQuery.builder("lee park").build()).get(0));
  }

  @Test
  void longQueriesGetNoBylineClauseSoTheirClauseBudgetIsUnchanged() {
    // the evaluation's pasted queries must be cut exactly where they were before bylines
    QueryFactory f = new QueryFactory(dev.lede.index.Schema.defaults(), Ranking.defaults());
    assertTrue(f.simple("ann lee").toString().contains("author_text:lee"));
    String thirteen = "one two three four five six seven eight nine ten eleven twelve thirteen";
    assertTrue(!f.simple(thirteen).toString().contains("author_text:"));
  }

  @Test
  void authorFilterMatchesTheWholeNameWhateverTheCase() {
    assertEquals(List.of("bridge", "tide"), ids(NewsQuery.builder("").author("ann  LEE").build()).stream().sorted().toList());
    assertEquals(List.of(), ids(NewsQuery.builder("").author("Lee").build()), "the filter is a whole name");
    assertEquals(List.of("tide"), ids(NewsQuery.builder("").author("Ann Lee", "Bo Chen").build()), "all of several");
  }

  @Test
  void authorFieldInTheForgivingSyntaxFilters() {
    assertEquals(List.of("bridge", "tide"), ids(NewsQuery.builder("author:\"Ann Lee\"").build()).stream().sorted().toList());
    assertEquals(List.of("tide"), ids(NewsQuery.builder("author:chen").build()), "one word of a name");
    assertEquals(List.of("bridge"), ids(NewsQuery.builder("detours author:\"ann lee\"").build()));
    assertEquals(List.of("bridge"), ids(NewsQuery.builder("author:\"Ann Lee\" -author:\"Bo Chen\"").build()));
  }

  @Test
  void authorFacetCountsBylinesAsWritten() {
    SearchResult r = index.search(NewsQuery.builder("").facet(Facet.AUTHOR).build());
    assertEquals(List.of(new FacetCount("Ann Lee", 2), new FacetCount("Bo Chen", 1), new FacetCount("Cy Diaz", 1)),
        r.facets().get(Facet.AUTHOR));
  }

  @Test
  void hitsCarryLeadAndAuthors() {
    // issue 15 (item 14): a Hit had neither
    Hit h = index.search(NewsQuery.builder("tide tables").build()).hits().get(0);
    assertEquals("The harbour office updated its charts.", h.lead());
    assertEquals(List.of("Ann Lee", "Bo Chen"), h.authors());
    assertTrue(index.search(NewsQuery.builder("ferry").build()).hits().get(0).authors().isEmpty());
  }
}
