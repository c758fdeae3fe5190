package dev.lede.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.NewsIndex;
import dev.lede.QuerySyntaxException;
import dev.lede.UpsertOutcome;
import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.search.Facet;
import dev.lede.search.FacetCount;
import dev.lede.search.Hit;
import dev.lede.search.NewsQuery;
import dev.lede.search.SearchResult;
import dev.lede.search.SortOrder;
import dev.lede.search.Span;
import dev.lede.search.Syntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Lede on a real two-node SolrCloud (one cluster for the whole class, in its own JVM): a 2 x 2
 * collection behind an alias, the fixture news indexed through {@link SolrNewsIndex}, answers
 * checked against counts computed from the articles themselves (and against the embedded index
 * when it is built), then again after a rebuild behind the alias and after the node that leads a
 * shard is stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudClusterTest {
  private static final String ALIAS = "news";
  private static final Predicate<String> SOLR_SCRATCH = n -> n.matches("(?i).*(solr|jetty|zookeeper|zk|lucene).*");

  private final List<Article> articles = NewsFixtures.articles();
  private Path base;
  private Set<String> tmpBefore;
  private LocalSolrCloud cluster;
  private CloudSolrClient admin;
  private SolrNewsIndex index;

  @BeforeAll
  void startClusterAndIndex() throws IOException {
    tmpBefore = scratchInTmp();
    base = Path.of("target", "solr-cluster-" + ProcessHandle.current().pid()).toAbsolutePath();
    String classpath = LocalSolrCloud.classpath(Path.of(required("lede.solr.dev.classpath")),
        Path.of(required("lede.solr.dev.classes")));
    cluster = LocalSolrCloud.start(classpath, base, 2, 120);
    admin = SolrClients.cloud(cluster.solrUrls());
    SolrCollections collections = new SolrCollections(admin);
    collections.create("news_v1", 2, 2);
    collections.alias(ALIAS, "news_v1");
    index = SolrNewsIndex.connect(cluster.solrUrls(), ALIAS, NewsFixtures::storyOf);
    List<UpsertOutcome> outcomes = index.upsertAll(articles);
    assertEquals(Collections.nCopies(articles.size(), UpsertOutcome.ADDED), outcomes);
    index.refresh();
  }

  private static String required(String property) {
    String v = System.getProperty(property);
    if (v == null || !Files.exists(Path.of(v))) {
      throw new IllegalStateException("system property " + property + " = " + v
          + ": build the lede-solr-dev module first (./mvnw -pl solr-dev,solr -am verify; a full build orders it before this one)");
    }
    return v;
  }

  @AfterAll
  void stopClusterAndCleanUp() throws IOException {
    try {
      if (index != null) {
        index.close();
      }
      if (admin != null) {
        admin.close();
      }
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
    if (base != null && Files.exists(base)) {
      try (Stream<Path> all = Files.walk(base)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      assertFalse(Files.exists(base), "the cluster's directory " + base + " is left behind");
    }
    Set<String> left = scratchInTmp();
    left.removeAll(tmpBefore);
    assertEquals(Set.of(), left, "the cluster left scratch files in " + System.getProperty("java.io.tmpdir"));
  }

  private static Set<String> scratchInTmp() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("/tmp"))) {
      return s.map(p -> p.getFileName().toString()).filter(SOLR_SCRATCH).collect(Collectors.toCollection(HashSet::new));
    }
  }

  // ---- the answers that must hold on every backend and survive failover ----------------------------

  private static NewsQuery.Builder q(String text) {
    return NewsQuery.builder(text);
  }

  /** What a query returned, reduced to what must agree across backends and failover. */
  private record Answer(long total, List<String> topIds, Map<Facet, List<FacetCount>> facets, Map<String, Integer> collapsed) {}

  private static Answer answer(NewsIndex idx, NewsQuery query, boolean orderMatters) {
    SearchResult r = idx.search(query);
    List<String> ids = r.hits().stream().map(Hit::id).toList();
    if (!orderMatters) {
      ids = ids.stream().sorted().toList();
    }
    Map<String, Integer> collapsed = new TreeMap<>();
    r.hits().forEach(h -> collapsed.put(h.storyId(), h.collapsedCount()));
    return new Answer(r.total(), ids, new TreeMap<>(r.facets()), collapsed);
  }

  private static Map<String, NewsQuery> queries() {
    Map<String, NewsQuery> m = new LinkedHashMap<>();
    m.put("volcano", q("volcano").facet(Facet.SOURCE, Facet.MONTH, Facet.ENTITY).build());
    m.put("volcano-all-copies", q("volcano").collapse(false).build());
    m.put("rates", q("interest rates").collapse(false).facet(Facet.SOURCE).build());
    m.put("rates-required", q("+interest rates").collapse(false).build());
    m.put("phrase", q("\"central bank\"").collapse(false).build());
    m.put("entity-alias", q("").entity("Lagarde").sort(SortOrder.NEWEST).build());
    m.put("newest-all", q("").sort(SortOrder.NEWEST).collapse(false).limit(20)
        .facet(Facet.values()).facetLimit(50).build());
    m.put("bbc-months", q("").source("bbc.co.uk").facet(Facet.MONTH).build());
    m.put("lucene-syntax", q("headline:miami AND -draw").syntax(Syntax.LUCENE).build());
    return m;
  }

  private static final Set<String> ORDERED = Set.of("entity-alias", "newest-all", "phrase");

  private Map<String, Answer> answers(NewsIndex idx) {
    Map<String, Answer> out = new LinkedHashMap<>();
    queries().forEach((name, query) -> out.put(name, answer(idx, query, ORDERED.contains(name))));
    return out;
  }

  @Test
  @Order(1)
  void reUpsertIsUnchangedAndEditsReplace() {
    assertEquals(Collections.nCopies(articles.size(), UpsertOutcome.UNCHANGED), index.upsertAll(articles));
    Article r1 = byId("r1");
    assertEquals(UpsertOutcome.REPLACED, index.upsert(r1.toBuilder().headline("Fed holds rates").build()));
    assertEquals(UpsertOutcome.REPLACED, index.upsert(r1));
    // Moving an article to another story moves its document to that story's shard: still one copy.
    Article v4 = byId("v4");
    assertEquals(UpsertOutcome.REPLACED, index.upsert(v4.toBuilder().attribute("story", "elsewhere").build()));
    index.refresh();
    assertEquals(UpsertOutcome.REPLACED, index.upsert(v4));
    index.refresh();
    assertEquals(articles.size(), index.stats().articles());
    assertEquals(Map.of(UpsertOutcome.UNCHANGED, (long) articles.size()),
        index.upsertAll(articles).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
  }

  @Test
  @Order(2)
  void answersMatchWhatTheArticlesSay() {
    Map<String, Answer> a = answers(index);

    // The syndicated trio is one story: one hit standing for three copies, counted once.
    Answer volcano = a.get("volcano");
    assertEquals(1, volcano.total());
    assertEquals(Map.of("volcano-grindavik", 2), volcano.collapsed());
    assertEquals(List.of("v1", "v2", "v3"), a.get("volcano-all-copies").topIds());
    // Facets count every matching article, not only the story heads.
    assertEquals(expectedFacet(Set.of("v1", "v2", "v3"), Facet.SOURCE), volcano.facets().get(Facet.SOURCE));
    assertEquals(List.of(new FacetCount("2024-01", 3)), volcano.facets().get(Facet.MONTH));
    assertEquals(List.of(new FacetCount("Iceland", 3)), volcano.facets().get(Facet.ENTITY));

    // Words are alternatives: "rates" alone is enough, both words rank higher.
    assertEquals(List.of("r1", "r2", "r3"), a.get("rates").topIds());
    assertEquals(List.of("r1", "r2"), a.get("rates-required").topIds());
    assertEquals("r2", a.get("phrase").topIds().get(0), "the headline phrase match ranks first");
    assertEquals(Set.of("r1", "r2", "r3"), Set.copyOf(a.get("phrase").topIds()));
    assertEquals(List.of("r3", "r2"), a.get("entity-alias").topIds(), "the alias 'Lagarde' finds the entity");

    Answer all = a.get("newest-all");
    List<String> newestFirst = articles.stream()
        .sorted(Comparator.comparing((Article x) -> x.published() == null ? java.time.Instant.MIN : x.published())
            .reversed().thenComparing(Article::id))
        .map(Article::id).toList();
    assertEquals(newestFirst, all.topIds(), "newest first, the undated article last");
    Set<String> every = articles.stream().map(Article::id).collect(Collectors.toSet());
    for (Facet f : Facet.values()) {
      assertEquals(expectedFacet(every, f), all.facets().get(f), "facet " + f);
    }
    assertEquals(List.of(new FacetCount("2024-02", 1), new FacetCount("2024-01", 1)),
        a.get("bbc-months").facets().get(Facet.MONTH));
    assertEquals(List.of("f1"), a.get("lucene-syntax").topIds());
  }

  @Test
  @Order(3)
  void hitsCarryHighlightsStoriesAndTheStoredArticle() {
    SearchResult r = index.search(q("lava").collapse(false).build());
    assertEquals(3, r.total());
    for (Hit h : r.hits()) {
      assertFalse(h.snippet().matches().isEmpty(), h.id() + " has no snippet match");
      for (Span s : h.snippet().matches()) {
        assertEquals("lava", h.snippet().text().substring(s.start(), s.end()).toLowerCase(), h.id());
      }
    }
    Hit head = index.search(q("volcano erupts").build()).hits().get(0);
    assertEquals("volcano-grindavik", head.storyId());
    assertEquals(2, head.collapsedCount());
    Set<String> sources = new HashSet<>(head.alsoReportedBy());
    sources.add(head.source());
    assertEquals(Set.of("reuters.com", "apnews.com", "bbc.co.uk"), sources);
    Span first = head.headlineHighlight().matches().get(0);
    assertEquals("Volcano", head.headlineHighlight().text().substring(first.start(), first.end()));

    assertEquals(byId("r2"), index.get("r2").orElseThrow());
    assertEquals(List.of(NewsFixtures.ECB, NewsFixtures.LAGARDE), index.get("r2").orElseThrow().entities());

    SearchResult like = index.similar("r2", q("").collapse(false).build());
    List<String> likeIds = like.hits().stream().map(Hit::id).toList();
    assertFalse(likeIds.contains("r2"), "an article is not related to itself: " + likeIds);
    assertTrue(likeIds.get(0).equals("r3") || likeIds.get(0).equals("r1"), "related to r2: " + likeIds);

    QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
        () -> index.search(q("headline:(miami").syntax(Syntax.LUCENE).build()));
    assertEquals(15, e.position());
  }

  @Test
  @Order(4)
  void cursorPagesThroughEveryStoryWithoutDuplicatesOrGaps() {
    List<String> seen = new ArrayList<>();
    NewsQuery page = q("").sort(SortOrder.NEWEST).limit(4).build();
    int pages = 0;
    while (true) {
      SearchResult r = index.search(page);
      r.hits().forEach(h -> seen.add(h.id()));
      pages++;
      if (r.next() == null) {
        break;
      }
      page = page.toBuilder().after(r.next()).build();
    }
    long stories = articles.stream().map(NewsFixtures::storyOf).distinct().count();
    assertEquals(stories, seen.size(), "one hit per story: " + seen);
    assertEquals(seen.size(), new HashSet<>(seen).size(), "no duplicates: " + seen);
    assertEquals((stories + 3) / 4, pages);
  }

  @Test
  @Order(5)
  void answersAgreeWithTheEmbeddedIndex() {
    NewsIndex embedded;
    try {
      embedded = NewsIndex.inMemory();
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("the embedded index is not built on this branch yet: " + e.getMessage());
      return;
    }
    try (embedded) {
      articles.forEach(embedded::upsert);
      embedded.refresh();
      // Without collapse, because story ids come from each backend's own preparation. Totals, hit sets
      // and facet counts must be equal; the order of relevance hits may differ (per-shard statistics).
      for (Map.Entry<String, NewsQuery> e : queries().entrySet()) {
        NewsQuery query = e.getValue().toBuilder().collapse(false).build();
        boolean ordered = query.sort() != SortOrder.RELEVANCE;
        assertEquals(answer(embedded, query, ordered).topIds(), answer(index, query, ordered).topIds(), e.getKey());
        assertEquals(answer(embedded, query, ordered).total(), answer(index, query, ordered).total(), e.getKey());
        assertEquals(answer(embedded, query, ordered).facets(), answer(index, query, ordered).facets(), e.getKey());
      }
    }
  }

  @Test
  @Order(6)
  void rebuildBehindTheAliasKeepsEveryAnswer() {
    Map<String, Answer> before = answers(index);
    SolrCollections.Rebuilt rebuilt = new SolrCollections(admin).rebuild(ALIAS, 2, 2, NewsFixtures::storyOf);
    assertEquals("news_v1", rebuilt.previous());
    assertNotEquals("news_v1", rebuilt.current());
    assertEquals(articles.size(), rebuilt.articles());
    assertEquals(rebuilt.current(), new SolrCollections(admin).aliasTarget(ALIAS));
    assertEquals(before, answers(index));
  }

  @Test
  @Order(7)
  void stoppingTheNodeThatLeadsAShardLosesNoAnswerAndWritesResume() throws Exception {
    Map<String, Answer> before = answers(index);
    String collection = new SolrCollections(admin).aliasTarget(ALIAS);
    String leader = leaderUrl(collection, "shard1");
    int node = cluster.nodeUrls().indexOf(leader);
    assertTrue(node >= 0, leader + " is not one of " + cluster.nodeUrls());
    assertEquals(leader, cluster.stopNode(node));

    long deadline = System.nanoTime() + 60_000_000_000L;
    String newLeader = null;
    while (System.nanoTime() < deadline) {
      String l = leaderUrl(collection, "shard1");
      if (l != null && !l.equals(leader)) {
        newLeader = l;
        break;
      }
      Thread.sleep(250);
    }
    assertTrue(newLeader != null, "no new leader for shard1 within 60 s");

    assertEquals(before, answers(index));
    Article late = Article.builder().id("n1").source("reuters.com").headline("Volcano quiet after eruption ends")
        .body("Scientists said the eruption near Grindavik had stopped.").entities(List.of(NewsFixtures.ICELAND)).build();
    assertEquals(UpsertOutcome.ADDED, index.upsert(late));
    index.refresh();
    assertEquals(List.of("n1", "v1", "v2", "v3"),
        answer(index, q("volcano").collapse(false).build(), false).topIds());
    assertTrue(index.delete("n1"));
    index.refresh();
    assertFalse(index.get("n1").isPresent());
    assertFalse(index.delete("n1"));
  }

  private String leaderUrl(String collection, String shard) {
    try {
      var state = admin.getClusterStateProvider().getCollection(collection);
      var leader = state == null ? null : state.getSlice(shard).getLeader();
      return leader == null || !admin.getClusterStateProvider().getLiveNodes().contains(leader.getNodeName())
          ? null : leader.getBaseUrl();
    } catch (RuntimeException | IOException e) {
      return null; // the state is being rewritten while the node goes away
    }
  }

  private Article byId(String id) {
    return articles.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
  }

  /** A facet computed from the articles themselves: largest count first, ties by value; months newest first. */
  private List<FacetCount> expectedFacet(Set<String> ids, Facet facet) {
    Map<String, Long> counts = new TreeMap<>();
    for (Article x : articles) {
      if (!ids.contains(x.id())) {
        continue;
      }
      Set<String> values = switch (facet) {
        case SOURCE -> x.source() == null ? Set.of() : Set.of(x.source());
        case ENTITY -> x.entities().stream().map(Entity::name).collect(Collectors.toSet());
        case ENTITY_TYPE -> x.entities().stream().map(en -> en.type().name()).collect(Collectors.toSet());
        case MONTH -> x.published() == null ? Set.of() : Set.of(SolrFields.month(x));
        case AUTHOR -> Set.copyOf(x.authors());
        // the language preparation gives the article: its own as a code, or the detected one
        case LANGUAGE -> Set.of(dev.lede.prepare.LanguageStep.defaults().apply(dev.lede.prepare.PreparedArticle.of(x)).article().language());
      };
      values.forEach(v -> counts.merge(v, 1L, Long::sum));
    }
    Comparator<Map.Entry<String, Long>> order = facet == Facet.MONTH
        ? Map.Entry.<String, Long>comparingByKey().reversed()
        : Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
    return counts.entrySet().stream()
        .sorted(order)
        .map(e -> new FacetCount(e.getKey(), e.getValue())).toList();
  }
}
