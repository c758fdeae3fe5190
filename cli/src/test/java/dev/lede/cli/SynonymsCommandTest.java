package dev.lede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.cli.LedeCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lede synonyms}: set, show and clear, and searches that use the list (issue 18). */
class SynonymsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Path index;

  private Run lede(String... args) {
    return LedeCliTest.runOn(index, args);
  }

  @BeforeEach
  void indexStorms() throws Exception {
    index = tmp.resolve("idx");
    Path input = Files.writeString(tmp.resolve("storms.jsonl"), """
        {"id":"s1","headline":"Hurricane makes landfall","body":"The hurricane brought floods to the coast.","source":"example.org"}
        {"id":"s2","headline":"Power returns after the storm","body":"Crews repaired lines the hurricane had cut.","source":"example.org"}
        {"id":"r1","headline":"Rail strike ends","body":"Train drivers accepted the offer.","source":"example.org"}
        """);
    assertEquals(ExitCodes.OK, lede("-q", "index", input.toString()).code());
  }

  // The example of issue 18: no article says "cyclone"; after `synonyms set`, `search cyclone` finds the hurricane articles.
  @Test
  void searchFindsArticlesThroughAListSetWithoutReindexing() throws Exception {
    assertEquals(ExitCodes.NOTHING_FOUND, lede("search", "cyclone").code());
    Path file = Files.writeString(tmp.resolve("synonyms.txt"), "# storms\ncyclone, hurricane\n");
    Run set = lede("synonyms", "set", file.toString());
    assertEquals(ExitCodes.OK, set.code(), set.err());
    assertTrue(set.out().startsWith("1 synonym rule set for index " + index), set.out());
    Run found = lede("search", "cyclone", "--format", "json");
    assertEquals(ExitCodes.OK, found.code(), found.err());
    JsonNode result = JSON.readTree(found.out());
    assertEquals(2, result.get("total").asInt());
    for (JsonNode hit : result.get("hits")) {
      assertTrue(hit.get("headline_matches").size() + hit.get("snippet_matches").size() > 0, hit.toString());
    }
  }

  @Test
  void badLineExitsTwoNamingFileAndLineAndKeepsTheOldList() throws Exception {
    Path good = Files.writeString(tmp.resolve("good.txt"), "cyclone, hurricane\n");
    assertEquals(ExitCodes.OK, lede("synonyms", "set", good.toString()).code());
    Path bad = Files.writeString(tmp.resolve("bad.txt"), "# ok so far\ntyphoon, hurricane\nimf => => fund\n");
    Run r = lede("synonyms", "set", bad.toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertEquals("lede: " + bad + " line 3: more than one \"=>\" on a line: \"imf => => fund\"", r.err().strip());
    assertEquals("cyclone, hurricane\n", lede("synonyms", "show").out());
  }

  @Test
  void unreadableFileExitsTwoWithTheReason() {
    Run r = lede("synonyms", "set", tmp.resolve("missing.txt").toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertEquals("lede: cannot read synonyms " + tmp.resolve("missing.txt") + ": no such file", r.err().strip());
    Run dir = lede("synonyms", "set", tmp.toString());
    assertEquals(ExitCodes.USAGE, dir.code());
    assertTrue(dir.err().startsWith("lede: cannot read synonyms " + tmp + ": "), dir.err());
  }

  @Test
  void showAndClearRoundTrip() throws Exception {
    Path file = Files.writeString(tmp.resolve("s.txt"), "cyclone,hurricane ,typhoon\n\n# acronyms\nimf => international monetary fund\n");
    assertEquals(ExitCodes.OK, lede("synonyms", "set", file.toString()).code());
    Run show = lede("synonyms", "show");
    assertEquals("cyclone, hurricane, typhoon\nimf => international monetary fund\n", show.out());
    // what show prints, set reads back to the same list
    Path again = Files.writeString(tmp.resolve("again.txt"), show.out());
    assertEquals(ExitCodes.OK, lede("synonyms", "set", again.toString()).code());
    assertEquals(show.out(), lede("synonyms", "show").out());
    JsonNode json = JSON.readTree(lede("synonyms", "show", "--format", "json").out());
    assertEquals(2, json.get("synonyms").size());
    assertEquals("equivalent", json.get("synonyms").get(0).get("kind").asText());
    assertEquals("one_way", json.get("synonyms").get(1).get("kind").asText());
    assertEquals("international monetary fund", json.get("synonyms").get(1).get("to").get(0).asText());
    Run clear = lede("synonyms", "clear", "--format", "json");
    assertEquals(ExitCodes.OK, clear.code());
    assertEquals(0, JSON.readTree(clear.out()).get("rules").asInt());
    Run empty = lede("synonyms", "show");
    assertEquals("", empty.out());
    assertTrue(empty.err().contains("has no synonyms"), empty.err());
    assertEquals(ExitCodes.NOTHING_FOUND, lede("search", "cyclone").code());
  }

  @Test
  void missingIndexExitsThreeAndSolrExitsTwo() throws Exception {
    Path file = Files.writeString(tmp.resolve("s.txt"), "cyclone, hurricane\n");
    Run missing = LedeCliTest.run("--index", tmp.resolve("none").toString(), "synonyms", "set", file.toString());
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, missing.code(), missing.err());
    Run solr = LedeCliTest.run("--solr", "http://127.0.0.1:9/solr", "synonyms", "show");
    assertEquals(ExitCodes.USAGE, solr.code());
    assertTrue(solr.err().contains("embedded index only"), solr.err());
  }
}
