package dev.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.IndexUnavailableException;
import dev.lede.NewsIndex;
import dev.lede.QuerySyntaxException;
import dev.lede.UpsertOutcome;
import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsIndexTest {
  private NewsIndex index;

  static Article article(String id, String headline, String lead, String body, String source, String date, Entity... entities) {
    return Article.builder().id(id).headline(headline).lead(lead).body(body).source(source)
        .url("https://" + source + "/" + id).published(date == null ? null : Instant.parse(date + "T12:00:00Z"))
        .language("en").entities(List.of(entities)).build();
  }

  static final List<Article> CORPUS = List.of(
      article("rail-ends", "Rail strike ends after pay deal", "Train drivers accepted a new offer on Monday.",
          "Services will return to normal by Wednesday, the operator said.", "bbc.co.uk", "2025-06-12"),
      article("rail-talks", "Unions weigh offer as talks continue", "The rail unions said a strike could still go ahead.",
          "A pay deal was discussed late into the night. The strike ends only if members vote yes.", "theguardian.com", "2025-06-10"),
      article("heat-2025", "Heatwave grips southern Europe", "Temperatures passed 40C in Spain.",
          "Officials urged people to stay indoors during the heatwave.", "reuters.com", "2025-07-01"),
      article("heat-2026", "Heatwave grips southern Europe", "Temperatures passed 41C in Spain.",
          "Officials urged people to stay indoors during the heatwave.", "apnews.com", "2026-07-01"),
      article("korea", "North Korea sends more troops", "Kim Jong-un’s regime is preparing another deployment.",
          "South Korea’s Joint Chiefs of Staff (JCS) said the move followed talks with Vladimir Putin.", "theguardian.com", "2025-02-01",
          new Entity("Kim Jong-un", EntityType.PERSON, List.of("Kim", "Kim Jong Un")),
          new Entity("North Korea", EntityType.PLACE),
          new Entity("Joint Chiefs of Staff", EntityType.ORGANIZATION, List.of("JCS")),
          new Entity("Vladimir Putin", EntityType.PERSON, List.of("Putin"))),
      article("ecb", "ECB holds rates steady", "The European Central Bank kept its key rate unchanged.",
          "Analysts expect a cut in the autumn.", "ft.com", "2025-09-11",
          new Entity("European Central Bank", EntityType.ORGANIZATION, List.of("ECB"))),
      article("undated", "Museum reopens its doors", "The city museum reopened after repairs.", "Visitors queued from dawn.", "dw.com", null));

  @BeforeEach
  void setUp() {
    index = NewsIndex.inMemory();
    CORPUS.forEach(index::upsert);
    index.commit();
  }

  @AfterEach
  void tearDown() {
    index.close();
  }

  private SearchResult search(String text) {
    return index.search(NewsQuery.builder(text).build());
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  @Test
  void headlinePhraseMatchRanksFirst() {
    SearchResult r = search("rail strike ends after pay deal");
    assertEquals("rail-ends", r.hits().get(0).id());
    assertTrue(ids(r).contains("rail-talks"));
  }

  @Test
  void recencyBreaksNearTiesButOffByDefault() {
    NewsQuery base = NewsQuery.builder("heatwave southern europe").build();
    Instant asOf = Instant.parse("2026-08-01T00:00:00Z");
    SearchResult recent = index.search(base.toBuilder().recency(new Recency(0.2f, Duration.ofDays(30), asOf)).build());
    assertEquals("heat-2026", recent.hits().get(0).id());
    SearchResult older = index.search(base.toBuilder().recency(new Recency(0.2f, Duration.ofDays(30), Instant.parse("2025-07-02T00:00:00Z"))).build());
    assertEquals("heat-2025", older.hits().get(0).id());
  }

  @Test
  void recencyNeverBuriesAStrongMatch() {
    // The rail headline match is far stronger than any newer article mentioning one word.
    SearchResult r = index.search(NewsQuery.builder("rail strike ends after pay deal")
        .recency(new Recency(0.2f, Duration.ofDays(1), Instant.parse("2026-08-01T00:00:00Z"))).build());
    assertEquals("rail-ends", r.hits().get(0).id());
  }

  @Test
  void filtersBySourceEntityTypeDateAndLanguage() {
    assertEquals(List.of("korea"), ids(index.search(NewsQuery.builder("").source("www.TheGuardian.com").entity("kim").build())));
    assertEquals(Set.of("korea", "ecb"), Set.copyOf(ids(index.search(NewsQuery.builder("").entityType(EntityType.ORGANIZATION).build()))));
    SearchResult dated = index.search(NewsQuery.builder("").since(Instant.parse("2025-06-11T00:00:00Z")).until(Instant.parse("2025-07-02T00:00:00Z")).build());
    assertEquals(Set.of("rail-ends", "heat-2025"), Set.copyOf(ids(dated)));
    assertEquals(7, index.search(NewsQuery.builder("").language("en").limit(50).build()).total());
    assertEquals(0, index.search(NewsQuery.builder("").language("fr").build()).total());
  }

  @Test
  void entitySearchFindsAliasesAndCanonicalNames() {
    assertEquals(List.of("korea"), ids(search("entity:kim")));
    assertEquals(List.of("korea"), ids(search("entity:\"Kim Jong Un\"")));
    assertEquals(List.of("korea"), ids(index.search(NewsQuery.builder("").entity("JCS").build())));
  }

  @Test
  void fieldSyntaxExclusionPrefixAndDateRanges() {
    assertEquals(List.of("ecb"), ids(search("headline:ecb")));
    assertFalse(ids(search("heatwave -41c")).contains("heat-2026"));
    assertTrue(ids(search("heatw*")).containsAll(List.of("heat-2025", "heat-2026")));
    assertEquals(List.of("heat-2026"), ids(search("heatwave published:2026")));
    assertEquals(List.of("heat-2025"), ids(search("heatwave published:[2025-01-01 TO 2025-12-31]")));
    assertEquals(List.of("korea"), ids(search("source:theguardian.com troops")));
  }

  @Test
  void sortsNewestAndOldestWithUndatedLast() {
    List<String> newest = ids(index.search(NewsQuery.builder("").sort(SortOrder.NEWEST).limit(50).build()));
    assertEquals(List.of("heat-2026", "ecb", "heat-2025", "rail-ends", "rail-talks", "korea", "undated"), newest);
    List<String> oldest = ids(index.search(NewsQuery.builder("").sort(SortOrder.OLDEST).limit(50).build()));
    assertEquals(List.of("korea", "rail-talks", "rail-ends", "heat-2025", "ecb", "heat-2026", "undated"), oldest);
  }

  @Test
  void cursorPagesThroughEveryHitOnceForEachSort() {
    try (NewsIndex big = NewsIndex.inMemory()) {
      for (int i = 0; i < 137; i++) {
        big.upsert(article("a" + i, "Budget vote " + (i % 7), "Lawmakers debated the budget.", "Budget " + "vote ".repeat(i % 5),
            "s" + (i % 4) + ".com", i % 9 == 0 ? null : "2025-01-" + String.format("%02d", 1 + i % 28)));
      }
      big.commit();
      for (SortOrder order : SortOrder.values()) {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
          // the 137 articles share five bodies: exact duplicates form stories, so page through every copy
          SearchResult r = big.search(NewsQuery.builder("budget vote").sort(order).limit(10).after(cursor).collapse(false).build());
          assertEquals(137, r.total());
          for (Hit h : r.hits()) {
            assertTrue(seen.add(h.id()), "duplicate " + h.id() + " with " + order);
          }
          cursor = r.next();
          pages++;
        } while (cursor != null);
        assertEquals(137, seen.size(), "gap with " + order);
        assertEquals(14, pages);
      }
    }
  }

  @Test
  void upsertReplacesByIdAndSkipsUnchanged() {
    Article changed = CORPUS.get(5).toBuilder().headline("ECB cuts rates").build();
    assertEquals(UpsertOutcome.UNCHANGED, index.upsert(CORPUS.get(5)));
    assertEquals(UpsertOutcome.REPLACED, index.upsert(changed));
    assertEquals(UpsertOutcome.UNCHANGED, index.upsert(changed));
    index.refresh();
    assertEquals(7, index.stats().articles());
    assertEquals("ECB cuts rates", index.get("ecb").orElseThrow().headline());
    assertEquals(UpsertOutcome.ADDED, index.upsert(article("new", "New article", "", "Body", "x.com", null)));
  }

  @Test
  void upsertAllReportsEachArticleInOrder() {
    try (NewsIndex fresh = NewsIndex.inMemory()) {
      Article a = Article.builder().id("a").headline("Rail strike").build();
      Article a2 = Article.builder().id("a").headline("Rail strike called off").build();
      Article b = Article.builder().id("b").headline("Port strike").build();
      assertEquals(List.of(UpsertOutcome.ADDED, UpsertOutcome.ADDED, UpsertOutcome.REPLACED, UpsertOutcome.UNCHANGED),
          fresh.upsertAll(List.of(a, b, a2, b)));
      fresh.refresh();
      assertEquals(2, fresh.stats().articles());
      assertEquals("Rail strike called off", fresh.get("a").orElseThrow().headline());
    }
  }

  @Test
  void deleteRemovesAndReportsWhetherItExisted() {
    assertTrue(index.delete("ecb"));
    assertFalse(index.delete("ecb"));
    index.refresh();
    assertTrue(index.get("ecb").isEmpty());
    assertEquals(0, search("ecb").total());
  }

  @Test
  void writesAreVisibleAfterRefreshWithoutCommit() {
    index.upsert(article("nrt", "Volcano erupts in Iceland", "", "Lava flows.", "x.com", "2025-01-01"));
    assertEquals(0, search("volcano").total());
    index.refresh();
    assertEquals(1, search("volcano").total());
  }

  @Test
  void concurrentSearchesDuringWritesNeverFail() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    AtomicBoolean done = new AtomicBoolean();
    List<Future<Integer>> readers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      readers.add(pool.submit(() -> {
        int n = 0;
        while (!done.get()) {
          SearchResult r = index.search(NewsQuery.builder("report").facet(Facet.SOURCE).build());
          assertTrue(r.total() >= 0);
          n++;
        }
        return n;
      }));
    }
    for (int i = 0; i < 300; i++) {
      index.upsert(article("w" + i, "Report " + i, "A report.", "Report body " + i, "w.com", "2025-03-03"));
      if (i % 50 == 0) {
        index.refresh();
      }
    }
    done.set(true);
    for (Future<Integer> f : readers) {
      assertTrue(f.get() > 0);
    }
    pool.shutdown();
    index.refresh();
    assertEquals(300, search("report").total());
  }

  @Test
  void facetCountsMatchBruteForce() {
    SearchResult r = index.search(NewsQuery.builder("").facet(Facet.SOURCE, Facet.ENTITY, Facet.ENTITY_TYPE, Facet.MONTH).facetLimit(100).limit(100).build());
    Map<String, Long> sources = new HashMap<>();
    Map<String, Long> months = new HashMap<>();
    Map<String, Long> types = new HashMap<>();
    for (Article a : CORPUS) {
      sources.merge(a.source(), 1L, Long::sum);
      if (a.published() != null) {
        months.merge(a.published().toString().substring(0, 7), 1L, Long::sum);
      }
      // Stored entities: extraction adds to articles that brought none.
      index.get(a.id()).orElseThrow().entities().stream().map(e -> e.type().name()).distinct().forEach(t -> types.merge(t, 1L, Long::sum));
    }
    assertEquals(sources, toMap(r.facets().get(Facet.SOURCE)));
    assertEquals(months, toMap(r.facets().get(Facet.MONTH)));
    assertEquals(types, toMap(r.facets().get(Facet.ENTITY_TYPE)));
    assertEquals(1L, toMap(r.facets().get(Facet.ENTITY)).get("Kim Jong-un"));
    // Facets follow the query.
    SearchResult heat = index.search(NewsQuery.builder("heatwave").facet(Facet.SOURCE).build());
    assertEquals(Map.of("reuters.com", 1L, "apnews.com", 1L), toMap(heat.facets().get(Facet.SOURCE)));
  }

  @Test
  void facetsAndStoryTotalsAreTheSameOverManySegments() {
    // Counting by global ordinals must not depend on how the articles fall into segments.
    try (NewsIndex split = NewsIndex.inMemory()) {
      for (int i = 0; i < CORPUS.size(); i++) {
        split.upsert(CORPUS.get(i));
        if (i % 3 == 2) {
          split.commit();
        }
      }
      split.commit();
      assertTrue(split.stats().segments() > 1, "several segments: " + split.stats().segments());
      for (String text : List.of("", "report", "heatwave", "rail strike")) {
        NewsQuery q = NewsQuery.builder(text).facet(Facet.SOURCE, Facet.ENTITY, Facet.ENTITY_TYPE, Facet.MONTH).facetLimit(3).limit(5).build();
        SearchResult one = index.search(q);
        SearchResult many = split.search(q);
        assertEquals(one.total(), many.total(), text);
        assertEquals(one.articles(), many.articles(), text);
        assertEquals(one.facets(), many.facets(), text);
      }
      // no limit at all: every value
      NewsQuery all = NewsQuery.builder("").facet(Facet.SOURCE).facetLimit(Integer.MAX_VALUE).build();
      assertEquals(index.search(all).facets(), split.search(all).facets());
    }
  }

  private static Map<String, Long> toMap(List<FacetCount> counts) {
    Map<String, Long> m = new HashMap<>();
    counts.forEach(c -> m.put(c.value(), c.count()));
    return m;
  }

  @Test
  void highlightOffsetsPointAtMatchedWordsAndPhrasesAsOneSpan() {
    Hit hit = search("\"pay deal\"").hits().get(0);
    Highlight h = hit.headlineHighlight();
    assertEquals("rail-ends", hit.id());
    assertEquals(List.of("pay deal"), h.matches().stream().map(s -> h.text().substring(s.start(), s.end())).toList());
    Hit korea = search("putin").hits().get(0);
    Highlight snippet = korea.snippet();
    assertTrue(snippet.matches().stream().anyMatch(s -> snippet.text().substring(s.start(), s.end()).equals("Putin")), snippet.toString());
    assertEquals("North Korea sends **more troops**", search("more troops").hits().get(0).headlineHighlight().mark("**", "**"));
  }

  @Test
  void strictSyntaxErrorsNamePosition() {
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
        () -> index.search(NewsQuery.builder("rail AND (strike").syntax(Syntax.LUCENE).build()));
    assertTrue(e.position() >= 0 && e.position() <= "rail AND (strike".length(), "position " + e.position());
    assertTrue(e.getMessage().startsWith("query syntax error at position " + e.position()), e.getMessage());
    assertEquals(1, index.search(NewsQuery.builder("headline:ecb").syntax(Syntax.LUCENE).build()).total());
  }

  @Test
  void forgivingParserAcceptsRandomStrings() {
    Random random = new Random(42);
    String alphabet = "ab \"-+*:()[]{}^~!?/\\ORANDNOT headline:source:published:entity:type:>< TO 2025-01-01 \u2019\u00e9\u0000";
    for (int i = 0; i < 500; i++) { // end to end; SimpleQueryParserTest covers 10,000 strings without searching
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(30);
      for (int k = 0; k < len; k++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      SearchResult r = index.search(NewsQuery.builder(sb.toString()).build());
      assertNotNull(r);
    }
  }

  @Test
  void similarExcludesTheArticleItself() {
    SearchResult r = index.similar("heat-2025", NewsQuery.builder("").build());
    assertFalse(ids(r).contains("heat-2025"));
    assertEquals("heat-2026", r.hits().get(0).id());
  }

  @Test
  void didYouMeanSuggestsFromTheIndexVocabulary() {
    SearchResult r = search("heatwaev");
    assertEquals(0, r.total());
    assertEquals("heatwave", r.didYouMean());
    assertNull(search("heatwave").didYouMean());
  }

  @Test
  void explainCarriesTheRanking() {
    Hit h = index.search(NewsQuery.builder("ecb").explain(true).build()).hits().get(0);
    assertTrue(h.explanation().startsWith("Ranking(headline="), h.explanation());
  }

  @Test
  void storedOriginalRoundTrips() {
    Article back = index.get("korea").orElseThrow();
    assertEquals(CORPUS.get(4), back);
  }

  @Test
  void openingErrorsSayWhatToDo(@TempDir Path dir) throws Exception {
    IndexUnavailableException missing = assertThrows(IndexUnavailableException.class, () -> NewsIndex.openExisting(dir.resolve("none")));
    assertEquals(IndexUnavailableException.Reason.MISSING, missing.reason());
    assertTrue(missing.getMessage().contains("lede index"), missing.getMessage());

    Path junk = Files.createDirectories(dir.resolve("junk"));
    Files.writeString(junk.resolve("notes.txt"), "hello");
    assertEquals(IndexUnavailableException.Reason.NOT_A_LEDE_INDEX,
        assertThrows(IndexUnavailableException.class, () -> NewsIndex.open(junk)).reason());

    Path idx = dir.resolve("idx");
    try (NewsIndex first = NewsIndex.open(idx)) {
      first.upsert(CORPUS.get(0));
      IndexUnavailableException locked = assertThrows(IndexUnavailableException.class, () -> NewsIndex.open(idx));
      assertEquals(IndexUnavailableException.Reason.LOCKED, locked.reason());
      assertTrue(locked.getMessage().contains("another Lede process"), locked.getMessage());
    }
    try (NewsIndex again = NewsIndex.openExisting(idx)) {
      assertEquals(1, again.stats().articles());
    }
  }
}
