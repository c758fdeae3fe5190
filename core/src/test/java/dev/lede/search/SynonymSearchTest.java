package dev.lede.search;

import static dev.lede.search.NewsIndexTest.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.IndexOptions;
import dev.lede.NewsIndex;
import dev.lede.article.Article;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynonymSearchTest {
  @TempDir Path tmp;

  static final List<Article> STORMS = List.of(
      article("storm-1", "Hurricane makes landfall in Florida", "Winds reached 200 km/h.", "Thousands left their homes before the hurricanes.",
          "example.org", "2025-09-01"),
      article("storm-2", "Power cuts after the storm", "Crews worked through the night.", "The hurricane damaged lines across the state.",
          "example.org", "2025-09-02"),
      article("bank-1", "Northern Fisheries Authority raises quotas", "The authority moved again.", "Stocks recovered.", "example.org", "2025-09-03"),
      article("bank-2", "NFA holds quotas", "No change this month.", "Boats expected it.", "example.org", "2025-09-04"),
      article("bank-3", "A northern question for fisheries", "Catches slowed.", "Each authority reported less demand.", "example.org",
          "2025-09-05"));

  private static NewsIndex index(SynonymList synonyms) {
    NewsIndex index = NewsIndex.inMemory();
    index.upsertAll(STORMS);
    index.commit();
    index.setSynonyms(synonyms);
    return index;
  }

  private static Set<String> ids(NewsIndex index, String text) {
    return ids(index, NewsQuery.builder(text).build());
  }

  private static Set<String> ids(NewsIndex index, NewsQuery q) {
    return index.search(q).hits().stream().map(Hit::id).collect(Collectors.toSet());
  }

  @Test
  void equivalentWordFindsArticlesThatNeverUseIt() {
    try (NewsIndex index = index(SynonymList.EMPTY)) {
      assertEquals(Set.of(), ids(index, "cyclone"));
      index.setSynonyms(SynonymList.parse("t", "cyclone, hurricane, typhoon"));
      assertEquals(Set.of("storm-1", "storm-2"), ids(index, "cyclone"));
      assertEquals(Set.of("storm-1", "storm-2"), ids(index, NewsQuery.builder("cyclone").syntax(Syntax.LUCENE).build()));
      index.setSynonyms(SynonymList.EMPTY);
      assertEquals(Set.of(), ids(index, "cyclone"));
    }
  }

  // A synonym match must be visible in the result, or a user cannot tell why the article came back.
  @Test
  void highlightsMarkTheWordsThatMatchedThroughASynonym() {
    try (NewsIndex index = index(SynonymList.parse("t", "cyclone, hurricane"))) {
      Hit hit = index.search(NewsQuery.builder("cyclone").build()).hits().stream().filter(h -> h.id().equals("storm-1")).findFirst().orElseThrow();
      assertEquals("[Hurricane] makes landfall in Florida", hit.headlineHighlight().mark("[", "]"));
      assertTrue(hit.snippet().mark("[", "]").contains("[hurricanes]"), hit.snippet().mark("[", "]"));
    }
    try (NewsIndex index = index(SynonymList.parse("t", "nfa => northern fisheries authority"))) {
      Hit hit = index.search(NewsQuery.builder("nfa").build()).hits().get(0);
      assertEquals("[Northern Fisheries Authority] raises quotas", hit.headlineHighlight().mark("[", "]"));
    }
    // equivalents with a multi-word member: the graph's every path is highlighted where it matched
    try (NewsIndex index = index(SynonymList.parse("t", "nfa, northern fisheries authority"))) {
      java.util.Map<String, String> marked = index.search(NewsQuery.builder("nfa").build()).hits().stream()
          .collect(Collectors.toMap(Hit::id, h -> h.headlineHighlight().mark("[", "]")));
      assertEquals("[Northern Fisheries Authority] raises quotas", marked.get("bank-1"));
      assertEquals("[NFA] holds quotas", marked.get("bank-2"));
    }
  }

  @Test
  void oneWayRuleExpandsOnlyItsLeftSide() {
    try (NewsIndex index = index(SynonymList.parse("t", "nfa => northern fisheries authority"))) {
      // "nfa" is searched as the phrase only (Solr's meaning of =>): bank-2, which says NFA, is not found
      assertEquals(Set.of("bank-1"), ids(index, "nfa"));
      // and the right side is not rewritten into the left
      assertEquals(Set.of("bank-1"), ids(index, "\"northern fisheries authority\""));
    }
  }

  // A multi-word synonym is a phrase: the scattered words of bank-3 are no match for "nfa".
  @Test
  void multiWordSynonymIsSearchedAsAPhrase() {
    try (NewsIndex index = index(SynonymList.parse("t", "nfa, northern fisheries authority"))) {
      assertEquals(Set.of("bank-1", "bank-2"), ids(index, "nfa"));
      assertEquals(Set.of("bank-1"), ids(index, "\"nfa raises quotas\""));
      assertEquals(Set.of("bank-2"), ids(index, "\"northern fisheries authority holds\""));
      // plain words that form the multi-word side also find the acronym
      assertTrue(ids(index, "northern fisheries authority").contains("bank-2"));
      assertEquals(Set.of("bank-1", "bank-2"), ids(index, NewsQuery.builder("+nfa").build()));
    }
  }

  @Test
  void listGivenInOptionsIsUsedAndNotStored() {
    Path dir = tmp.resolve("idx");
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.upsertAll(STORMS);
      index.commit();
    }
    SynonymList list = SynonymList.parse("t", "cyclone, hurricane");
    try (NewsIndex index = NewsIndex.openExisting(dir, IndexOptions.defaults().withReadOnly(true).withSynonyms(list))) {
      assertEquals(list, index.synonyms());
      assertEquals(2, ids(index, "cyclone").size());
    }
    try (NewsIndex index = NewsIndex.openExisting(dir, IndexOptions.defaults().withReadOnly(true))) {
      assertEquals(SynonymList.EMPTY, index.synonyms());
    }
  }

  // Issue 18: a search process beside a writer picks a new list up on refresh, and a new open sees it at once.
  @Test
  void searchBesideAWriterSeesANewListAfterRefresh() {
    Path dir = tmp.resolve("idx");
    try (NewsIndex writer = NewsIndex.open(dir)) {
      writer.upsertAll(STORMS);
      writer.commit();
      try (NewsIndex reader = NewsIndex.openExisting(dir, IndexOptions.defaults().withReadOnly(true))) {
        assertEquals(Set.of(), ids(reader, "cyclone"));
        try (NewsIndex other = NewsIndex.openExisting(dir, IndexOptions.defaults().withReadOnly(true))) {
          other.setSynonyms(SynonymList.parse("t", "cyclone, hurricane"));
        }
        writer.upsert(article("storm-3", "Cyclone season opens", "", "Forecasters expect more storms.", "example.org", "2025-09-06"));
        writer.commit();
        assertEquals(Set.of(), ids(reader, "typhoon"));
        reader.refresh();
        assertEquals(Set.of("storm-1", "storm-2", "storm-3"), ids(reader, "cyclone"));
        try (NewsIndex fresh = NewsIndex.openExisting(dir, IndexOptions.defaults().withReadOnly(true))) {
          assertEquals(Set.of("storm-1", "storm-2", "storm-3"), ids(fresh, "hurricane"));
        }
        // the writer's own searches pick it up on its next refresh too
        writer.refresh();
        assertEquals(3, ids(writer, "cyclone").size());
      }
    }
  }

  @Test
  void listSurvivesAReindexAndARollback() {
    Path dir = tmp.resolve("idx");
    SynonymList list = SynonymList.parse("t", "cyclone, hurricane");
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.upsertAll(STORMS);
      index.setSynonyms(list);
    }
    NewsIndex.reindex(dir);
    NewsIndex.reindex(dir); // the second removes the flat files of the first generation
    try (NewsIndex index = NewsIndex.openExisting(dir)) {
      assertEquals(list, index.synonyms());
      assertEquals(2, ids(index, "cyclone").size());
    }
    NewsIndex.rollback(dir);
    try (NewsIndex index = NewsIndex.openExisting(dir)) {
      assertEquals(list, index.synonyms());
    }
  }
}
