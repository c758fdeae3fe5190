package dev.lede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.NewsIndex;
import dev.lede.article.Article;
import dev.lede.cli.LedeCliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lede check}: plain words, exit 0 or 3, and a repair only when confirmed. */
class CheckCommandTest {
  @TempDir Path tmp;

  /** Two segments: 30 articles in _0, 20 in _1. */
  static Path twoSegments(Path dir) {
    try (NewsIndex index = NewsIndex.open(dir)) {
      for (int i = 0; i < 50; i++) {
        index.upsert(Article.builder().id("a" + i).headline("Report " + i + " number " + Integer.toString(i * 7919, 36))
            .body("Distinct body " + Integer.toString(i * 104729, 36) + " " + Integer.toString(i * 1299709, 36)).build());
        if (i == 29) {
          index.commit();
        }
      }
    }
    return dir;
  }

  static void damage(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    for (int k = bytes.length / 3; k < bytes.length / 3 + 16; k++) {
      bytes[k] ^= 0x55;
    }
    Files.write(file, bytes);
  }

  static Run check(Path dir, String... args) {
    String[] full = new String[args.length + 3];
    full[0] = "--index";
    full[1] = dir.toString();
    full[2] = "check";
    System.arraycopy(args, 0, full, 3, args.length);
    return LedeCliTest.run(full);
  }

  @Test
  void cleanIndexExitsZeroAndListsSegments() {
    Path dir = twoSegments(tmp.resolve("idx"));
    Run r = check(dir);
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("segments: 2, 50 articles"), r.out());
    assertTrue(r.out().contains("(Lede schema v" + dev.lede.index.Schema.VERSION + ")"), r.out());
    assertTrue(r.out().endsWith("result:   clean" + System.lineSeparator()), r.out());
    assertEquals("", r.err());
  }

  @Test
  void damagedSegmentExitsThreeAndRepairNeedsConfirmation() throws Exception {
    Path dir = twoSegments(tmp.resolve("idx"));
    damage(dir.resolve("_1.cfs"));

    Run r = check(dir);
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, r.code());
    assertTrue(r.out().contains("DAMAGED: _1.cfs is corrupt ("), r.out());
    assertTrue(r.out().contains("result:   damaged: 20 of 50 articles are in damaged segments"), r.out());

    Run dry = check(dir, "--repair");
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, dry.code());
    assertTrue(dry.out().contains("repair:   would drop segment _1 (20 articles); nothing else changes. Run again with --repair --confirm"),
        dry.out());
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, check(dir).code(), "a repair without --confirm changes nothing");

    Run json = check(dir, "--repair", "--confirm", "--format", "json");
    assertEquals(ExitCodes.OK, json.code(), json.out() + json.err());
    JsonNode o = LedeCliTest.JSON.readTree(json.out());
    assertFalse(o.get("clean").asBoolean());
    assertEquals(20, o.get("articles_in_damaged_segments").asInt());
    assertEquals("_1", o.get("repair").get("drops").get(0).get("segment").asText());
    assertEquals(20, o.get("repair").get("drops").get(0).get("articles").asInt());
    assertTrue(o.get("repair").get("after").get("clean").asBoolean());
    assertEquals(30, o.get("repair").get("after").get("articles").asInt());

    Run after = check(dir);
    assertEquals(ExitCodes.OK, after.code(), after.out());
    Run search = LedeCliTest.run("--index", dir.toString(), "show", "a0");
    assertEquals(ExitCodes.OK, search.code(), search.err());
  }

  @Test
  void confirmWithoutRepairIsMisuse() {
    Path dir = twoSegments(tmp.resolve("idx"));
    Run r = check(dir, "--confirm");
    assertEquals(ExitCodes.USAGE, r.code());
    assertEquals("lede: --confirm only goes with --repair" + System.lineSeparator(), r.err());
  }
}
