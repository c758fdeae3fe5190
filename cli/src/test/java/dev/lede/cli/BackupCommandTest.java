package dev.lede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.cli.LedeCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lede backup}: a copy that opens and checks as it is, taken while another process indexes (issue 18). */
class BackupCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void backupWhileAnotherProcessIndexesIsOneCommitAndChecksClean() throws Exception {
    Path index = tmp.resolve("idx");
    Path input = tmp.resolve("in.jsonl");
    IndexKillTest.writeInput(input, 1500);
    Process child = IndexKillTest.startIndexing(index, input);
    try {
      IndexKillTest.waitForCommits(child, index, 3);
      Run backup = LedeCliTest.run("--index", index.toString(), "backup", tmp.resolve("b1").toString(), "--format", "json");
      assertEquals(ExitCodes.OK, backup.code(), backup.err());
      JsonNode report = JSON.readTree(backup.out());
      long articles = report.get("articles").asLong();
      // the child commits every 50 articles: a count between commits would be a torn copy
      assertEquals(0, articles % IndexKillTest.COMMIT_EVERY, "backup of " + articles + " articles");
      assertTrue(articles > 0, backup.out());
      Run check = LedeCliTest.run("--index", tmp.resolve("b1").toString(), "check", "--format", "json");
      assertEquals(ExitCodes.OK, check.code(), check.out() + check.err());
      assertEquals(articles, JSON.readTree(check.out()).get("articles").asLong());
      Run stats = LedeCliTest.run("--index", tmp.resolve("b1").toString(), "stats", "--format", "json");
      assertEquals(articles, JSON.readTree(stats.out()).get("articles").asLong(), stats.out());
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void textOutputSaysWhatWasCopied() {
    Path index = CheckCommandTest.twoSegments(tmp.resolve("idx"));
    Run r = LedeCliTest.run("--index", index.toString(), "backup", tmp.resolve("copy").toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().startsWith("backed up " + index + " (commit "), r.out());
    assertTrue(r.out().contains("to " + tmp.resolve("copy") + ": 50 articles, "), r.out());
  }

  @Test
  void destinationThatExistsOrIsAFileIsRefusedWithExitTwo() throws Exception {
    Path index = CheckCommandTest.twoSegments(tmp.resolve("idx"));
    Path full = Files.createDirectories(tmp.resolve("full"));
    Files.writeString(full.resolve("keep.txt"), "mine");
    Run r = LedeCliTest.run("--index", index.toString(), "backup", full.toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertEquals("lede: cannot back up to " + full + ": it exists and is not empty; choose a new or empty directory", r.err().strip());
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Run under = LedeCliTest.run("--index", index.toString(), "backup", file.resolve("sub").toString());
    assertEquals(ExitCodes.USAGE, under.code());
    assertTrue(under.err().startsWith("lede: cannot back up to " + file.resolve("sub") + ": "), under.err());
  }

  @Test
  void incompleteBackupIsReportedByCheckAndSearch() throws Exception {
    Path index = CheckCommandTest.twoSegments(tmp.resolve("idx"));
    Path copy = tmp.resolve("copy");
    assertEquals(ExitCodes.OK, LedeCliTest.run("--index", index.toString(), "backup", copy.toString()).code());
    Files.writeString(copy.resolve("lede-backup-incomplete"), "as a killed backup leaves it");
    Run check = LedeCliTest.run("--index", copy.toString(), "check");
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, check.code());
    assertTrue(check.err().contains("is an incomplete backup"), check.err());
    Run search = LedeCliTest.run("--index", copy.toString(), "search", "report");
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, search.code());
    assertTrue(search.err().contains("is an incomplete backup"), search.err());
  }

  @Test
  void missingIndexExitsThreeAndSolrExitsTwo() {
    Run missing = LedeCliTest.run("--index", tmp.resolve("none").toString(), "backup", tmp.resolve("copy").toString());
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, missing.code(), missing.err());
    assertTrue(Files.notExists(tmp.resolve("copy")), "nothing is made for an index that is not there");
    Run solr = LedeCliTest.run("--solr", "http://127.0.0.1:9/solr", "backup", tmp.resolve("copy").toString());
    assertEquals(ExitCodes.USAGE, solr.code());
    assertTrue(solr.err().contains("embedded index only"), solr.err());
  }
}
