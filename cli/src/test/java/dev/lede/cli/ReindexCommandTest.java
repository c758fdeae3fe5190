package dev.lede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.cli.LedeCliTest.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lede reindex}, {@code --rollback} and {@code lede index --prune}, through the real command line. */
class ReindexCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String THREE = """
      {"id":"r1","headline":"Harbour bridge closes","body":"The harbour bridge closes for repairs."}
      {"id":"r2","headline":"Tunnel opens","body":"A new tunnel opens under the river."}
      {"id":"r3","headline":"Budget vote","body":"The council votes on the budget."}
      """;

  private static JsonNode parse(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + s, e);
    }
  }

  @Test
  void reindexSwitchesToANewGenerationThatStatsShowsAndRollbackReturns(@TempDir Path dir) {
    String idx = dir.resolve("idx").toString();
    assertEquals(ExitCodes.OK, LedeCliTest.runWithInput(THREE, "--index", idx, "index", "-").code());

    Run r = LedeCliTest.run("--index", idx, "reindex", "--threads", "2", "--output", "json");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    JsonNode o = parse(r.out());
    assertEquals(".", o.get("from").asText());
    assertEquals("gen-000001", o.get("to").asText());
    assertEquals(3, o.get("read").asInt());
    assertEquals(3, o.get("added").asInt());

    JsonNode stats = parse(LedeCliTest.run("--index", idx, "stats", "--format", "json").out());
    assertEquals("gen-000001", stats.get("generation").asText());
    assertEquals(3, stats.get("articles").asInt());
    assertEquals(ExitCodes.OK, LedeCliTest.run("--index", idx, "search", "tunnel").code());

    Run back = LedeCliTest.run("--index", idx, "reindex", "--rollback");
    assertEquals(ExitCodes.OK, back.code(), back.err());
    assertEquals("rolled back " + idx + " from generation gen-000001 to .", back.out().strip());
    // Not "never reindexed" (issue 15): the flat generation is live again, and gen-000001 is kept.
    String stats2 = LedeCliTest.run("--index", idx, "stats").out();
    assertTrue(stats2.contains("generation: flat (the first build, live again after a rollback); gen-000001 is kept for --rollback"), stats2);
    // issue 15: a second rollback goes forward again, and says so
    Run forward = LedeCliTest.run("--index", idx, "reindex", "--rollback");
    assertEquals("rolled forward " + idx + " from generation . to gen-000001", forward.out().strip());
  }

  @Test
  void reindexOfAMissingIndexExits3(@TempDir Path dir) {
    Run r = LedeCliTest.run("--index", dir.resolve("none").toString(), "reindex");
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, r.code());
    assertEquals("lede: no index at " + dir.resolve("none") + ": run `lede index <files>` first", r.err().strip());
  }

  @Test
  void prunedArticlesAreCountedAndGone(@TempDir Path dir) {
    String idx = dir.resolve("idx").toString();
    LedeCliTest.runWithInput(THREE, "--index", idx, "index", "-");
    String two = THREE.lines().limit(2).reduce("", (a, b) -> a + b + "\n");
    Run r = LedeCliTest.runWithInput(two, "--index", idx, "index", "-", "--prune", "--output", "json");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    JsonNode o = parse(r.out());
    assertEquals(2, o.get("unchanged").asInt());
    assertEquals(1, o.get("pruned").asInt());
    assertEquals(ExitCodes.NOTHING_FOUND, LedeCliTest.run("--index", idx, "show", "r3").code());
  }

  @Test
  void pruneIsRefusedWithTheReasonWhenARecordIsRejected(@TempDir Path dir) {
    String idx = dir.resolve("idx").toString();
    LedeCliTest.runWithInput(THREE, "--index", idx, "index", "-");
    Run r = LedeCliTest.runWithInput(THREE.lines().findFirst().orElseThrow() + "\n{\"id\":\"r9\",\"headline\":\n",
        "--index", idx, "index", "-", "--prune");
    assertEquals(ExitCodes.REJECTED, r.code());
    assertTrue(r.err().contains("lede: not pruning: 1 record could not be read, so the input is not complete: nothing was pruned"), r.err());
    assertEquals(ExitCodes.OK, LedeCliTest.run("--index", idx, "show", "r3").code());
  }
}
