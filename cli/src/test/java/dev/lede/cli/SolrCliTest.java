package dev.lede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.solr.LocalSolrCloud;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The command line against a real SolrCloud (one node in its own JVM, a 2-shard collection, so that
 * routing by story matters), the same commands as on the embedded index, and the same answers on
 * the sample corpus. The cluster is started by lede-solr's {@link LocalSolrCloud} from the
 * lede-solr-dev launcher that a full build makes first; a build of this module alone skips it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCliTest {
  private static final Path CORPUS = Path.of("..", "sample-corpus");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Queries whose hits must agree between the backends (as sets: scores differ in the last digits per shard). */
  private static final List<String> QUERIES = List.of("north korea", "rail strike", "heatwave", "\"interest rates\"", "election");

  private Path base;
  private LocalSolrCloud cluster;
  private Map<String, String> solrEnv;
  private Path embedded;

  record Run(int code, String out, String err) {}

  private static Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = LedeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env,
        new ByteArrayInputStream(new byte[0])).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Run solr(String... args) {
    return run(solrEnv, args);
  }

  private Run local(String... args) {
    List<String> full = new ArrayList<>(List.of("--index", embedded.toString()));
    full.addAll(List.of(args));
    return run(Map.of(), full.toArray(String[]::new));
  }

  private static JsonNode json(Run r) throws IOException {
    return JSON.readTree(r.out());
  }

  @BeforeAll
  void startClusterAndIndexBothBackends() throws IOException {
    String classpathFile = System.getProperty("lede.solr.dev.classpath");
    String classes = System.getProperty("lede.solr.dev.classes");
    Assumptions.assumeTrue(classpathFile != null && Files.exists(Path.of(classpathFile)) && Files.isDirectory(Path.of(classes)),
        "the local SolrCloud launcher is not built (a full ./mvnw verify builds solr-dev first)");
    base = Path.of("target", "solr-cli-" + ProcessHandle.current().pid()).toAbsolutePath();
    embedded = base.resolve("embedded-index");
    cluster = LocalSolrCloud.start(LocalSolrCloud.classpath(Path.of(classpathFile), Path.of(classes)), base.resolve("cluster"), 1, 120);
    solrEnv = new HashMap<>(Map.of("LEDE_SOLR", cluster.solrUrls(), "LEDE_COLLECTION", "news"));
    Run init = solr("solr", "init", "--shards", "2", "--replicas", "1");
    assertEquals(ExitCodes.OK, init.code(), init.err());
    assertTrue(init.out().matches("created collection news_\\d{8}T\\d{9} \\(2 shards x 1 replicas\\) behind alias news\\s*"), init.out());
    Run local = local("-q", "index", CORPUS.toString(), "--threads", "2");
    assertEquals(ExitCodes.REJECTED, local.code(), local.err());
  }

  @AfterAll
  void stopClusterAndCleanUp() throws IOException {
    if (cluster != null) {
      cluster.close();
    }
    if (base != null && Files.exists(base)) {
      try (Stream<Path> all = Files.walk(base)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      assertFalse(Files.exists(base), base + " is left behind");
    }
  }

  @Test
  @Order(1)
  void indexOnSolrReportsTheSameCountsAndRejectsAsTheEmbeddedIndex() throws IOException {
    Run r = solr("index", CORPUS.toString(), "--output", "json", "--threads", "2");
    assertEquals(ExitCodes.REJECTED, r.code(), r.err());
    assertTrue(r.err().contains("broken.jsonl line 3: 'published' is not a date: \"yesterday\""), r.err());
    JsonNode o = json(r);
    assertEquals("solr:news at " + cluster.solrUrls(), o.get("index").asText());
    assertEquals(67, o.get("added").asInt(), r.out());
    assertEquals(5, o.get("rejected").asInt(), r.out());
    // The same input again changes nothing: fingerprints are compared on Solr too.
    JsonNode again = json(solr("index", CORPUS.toString(), "--output", "json"));
    assertEquals(67, again.get("unchanged").asInt(), again.toString());
  }

  @Test
  @Order(2)
  void searchFindsWhatTheEmbeddedIndexFinds() throws IOException {
    for (String q : QUERIES) {
      JsonNode s = json(solr("search", q, "--format", "json", "--limit", "50", "--facets"));
      JsonNode e = json(local("search", q, "--format", "json", "--limit", "50", "--facets"));
      assertEquals(e.get("total").asLong(), s.get("total").asLong(), "total for '" + q + "'");
      assertEquals(ids(e), ids(s), "hits for '" + q + "'");
      // Facets count matching articles: exactly equal, whatever the shards.
      assertEquals(e.get("facets").get("source"), s.get("facets").get("source"), "source facet for '" + q + "'");
      assertEquals(e.get("facets").get("month"), s.get("facets").get("month"), "month facet for '" + q + "'");
    }
  }

  @Test
  @Order(3)
  void storiesAreGroupedAsInTheEmbeddedIndex() throws IOException {
    // One hit per story by default: the same stories on both backends (story ids are the earliest member's id).
    JsonNode s = json(solr("search", "", "--format", "json", "--limit", "100"));
    JsonNode e = json(local("search", "", "--format", "json", "--limit", "100"));
    assertEquals(e.get("total").asLong(), s.get("total").asLong());
    assertEquals(stories(e), stories(s));
    assertTrue(stories(s).size() < 67, "syndicated copies collapse into stories: " + stories(s).size());
    JsonNode all = json(solr("search", "", "--all-copies", "--format", "json", "--limit", "100"));
    assertEquals(67, all.get("total").asLong());
  }

  @Test
  @Order(4)
  void showSimilarAndStoryWorkByArticleId() throws IOException {
    String id = json(local("search", "north korea", "--format", "json")).get("hits").get(0).get("id").asText();
    assertEquals(json(local("show", id, "--format", "json")), json(solr("show", id, "--format", "json")));
    Run similar = solr("similar", id, "--format", "json");
    assertEquals(ExitCodes.OK, similar.code(), similar.err());
    assertFalse(ids(json(similar)).contains(id), "an article is not similar to itself");
    Run story = solr("story", id);
    assertEquals(ExitCodes.OK, story.code(), story.err());
    assertEquals(ExitCodes.NOTHING_FOUND, solr("show", "no-such-id").code());
  }

  @Test
  @Order(5)
  void statsAndEntitiesCountTheSameAndBoilerplateIsRefused() throws IOException {
    JsonNode s = json(solr("stats", "--format", "json"));
    JsonNode e = json(local("stats", "--format", "json"));
    for (String f : List.of("articles", "sources", "oldest", "newest")) {
      assertEquals(e.get(f), s.get(f), f);
    }
    // Solr does not learn boilerplate, so an entity named only in a site's learned template line
    // ("Follow BBC News ...") is still counted there; the embedded index drops it.
    String learned = local("stats", "--boilerplate").out();
    java.util.Map<String, Integer> embedded = new java.util.TreeMap<>();
    json(local("entities", "--format", "json", "--limit", "1000")).get("entities")
        .forEach(n -> embedded.put(n.get("name").asText(), n.get("articles").asInt()));
    java.util.Map<String, Integer> onSolr = new java.util.TreeMap<>();
    json(solr("entities", "--format", "json", "--limit", "1000")).get("entities")
        .forEach(n -> onSolr.put(n.get("name").asText(), n.get("articles").asInt()));
    for (String name : new java.util.ArrayList<>(onSolr.keySet())) {
      if (learned.contains(name)) {
        assertTrue(onSolr.get(name) >= embedded.getOrDefault(name, 0), name);
        onSolr.remove(name);
        embedded.remove(name);
      }
    }
    assertEquals(embedded, onSolr);
    Run b = solr("stats", "--boilerplate");
    assertEquals(ExitCodes.USAGE, b.code());
    assertTrue(b.err().startsWith("lede: stats --boilerplate") && b.err().contains("not on Solr"), b.err());
    Run t = solr("trending");
    assertEquals(ExitCodes.USAGE, t.code());
  }

  @Test
  @Order(6)
  void reindexBuildsANewCollectionSwitchesTheAliasAndRollsBack() throws IOException {
    JsonNode before = json(solr("search", "rail strike", "--format", "json", "--limit", "50"));
    Run r = solr("reindex", "--output", "json");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    JsonNode o = json(r);
    assertEquals(67, o.get("added").asLong(), r.out());
    String from = o.get("from").asText();
    String to = o.get("to").asText();
    assertNotEquals(from, to);
    assertTrue(to.startsWith("news_") && to.compareTo(from) > 0, r.out());
    JsonNode after = json(solr("search", "rail strike", "--format", "json", "--limit", "50"));
    assertEquals(ids(before), ids(after));
    assertEquals(before.get("total"), after.get("total"));
    // Rollback points the alias at the collection it replaced; a second one goes forward again.
    JsonNode back = json(solr("reindex", "--rollback", "--output", "json"));
    assertEquals(to, back.get("from").asText());
    assertEquals(from, back.get("to").asText());
    assertEquals(to, json(solr("reindex", "--rollback", "--output", "json")).get("to").asText());
    // Prune is the embedded index's: refused on Solr with exit code 2.
    assertEquals(ExitCodes.USAGE, solr("index", "--prune", CORPUS.toString()).code());
  }

  @Test
  @Order(7)
  void deleteRemovesFromTheCluster() throws IOException {
    String id = json(solr("search", "heatwave", "--format", "json")).get("hits").get(0).get("id").asText();
    Run d = solr("delete", id, "--format", "json");
    assertEquals(ExitCodes.OK, d.code(), d.err());
    assertEquals(id, json(d).get("deleted").get(0).asText());
    assertEquals(ExitCodes.NOTHING_FOUND, solr("show", id).code());
    assertEquals(66, json(solr("stats", "--format", "json")).get("articles").asLong());
  }

  @Test
  @Order(8)
  void aMissingCollectionOrClusterIsExitThreeWithWhatToDo() {
    Run missing = run(Map.of("LEDE_SOLR", cluster.solrUrls()), "--collection", "nope", "search", "x");
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, missing.code());
    assertTrue(missing.err().contains("no Solr collection or alias 'nope'") && missing.err().contains("lede solr init"), missing.err());
    Run init = run(Map.of(), "solr", "init");
    assertEquals(ExitCodes.USAGE, init.code());
    assertTrue(init.err().contains("needs a SolrCloud cluster: give --solr URL"), init.err());
  }

  private static Set<String> ids(JsonNode result) {
    Set<String> ids = new TreeSet<>();
    result.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  private static Set<String> stories(JsonNode result) {
    Set<String> ids = new TreeSet<>();
    result.get("hits").forEach(h -> ids.add(h.get("story").asText()));
    return ids;
  }
}
