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

/** {@code lede semantic} and {@code lede search --mode} (issue 20), with the real model on three articles. */
class SemanticCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Path index;

  private Run lede(String... args) {
    return LedeCliTest.runOn(index, args);
  }

  @BeforeEach
  void indexThree() throws Exception {
    index = tmp.resolve("idx");
    Path input = Files.writeString(tmp.resolve("news.jsonl"), """
        {"id":"s1","headline":"Hurricane makes landfall","body":"The storm brought floods to the coast.","source":"example.org"}
        {"id":"f1","headline":"Central bank lifts rates","body":"Borrowing costs rose for the third time this year.","source":"example.com"}
        {"id":"r1","headline":"Rail strike ends","body":"Train drivers accepted the offer.","source":"example.org"}
        """);
    assertEquals(ExitCodes.OK, lede("-q", "index", input.toString()).code());
  }

  @Test
  void enableThenSearchByMeaningWithFilters() throws Exception {
    Run off = lede("search", "cyclone", "--mode", "hybrid");
    assertEquals(ExitCodes.USAGE, off.code());
    assertTrue(off.err().contains("lede semantic enable"), off.err());
    assertEquals("semantic search off\n", lede("semantic", "status").out());

    Run on = lede("semantic", "enable", "--format", "json");
    assertEquals(ExitCodes.OK, on.code(), on.err());
    assertEquals("", on.err(), "no warning printed");
    JsonNode r = JSON.readTree(on.out());
    assertEquals(3, r.get("vectorized").asInt());
    assertTrue(r.get("semantic").asBoolean());

    // no article says "cyclone" or "interest": found by meaning, in the default (hybrid) mode and in semantic mode
    Run found = lede("search", "cyclone", "--limit", "1", "--format", "json");
    assertEquals(ExitCodes.OK, found.code(), found.err());
    assertEquals("s1", JSON.readTree(found.out()).get("hits").get(0).get("id").asText());
    Run filtered = lede("search", "interest rates", "--mode", "semantic", "--source", "example.com", "--format", "json");
    JsonNode hits = JSON.readTree(filtered.out()).get("hits");
    assertEquals(1, hits.size());
    assertEquals("f1", hits.get(0).get("id").asText());
    assertEquals(ExitCodes.NOTHING_FOUND, lede("search", "cyclone", "--mode", "lexical").code());

    assertEquals(ExitCodes.OK, lede("semantic", "disable").code());
    assertEquals(ExitCodes.NOTHING_FOUND, lede("search", "cyclone").code(), "lexical again by default");
  }

  @Test
  void solrIsRefusedWithExitTwo() {
    Run r = LedeCliTest.run("--solr", "http://127.0.0.1:1/solr", "semantic", "enable");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("embedded-only"), r.err());
  }
}
