package dev.lede;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.IndexUnavailableException.Reason;
import dev.lede.search.NewsQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code NewsIndex.check} reports in plain words, and a repair drops exactly the damaged segments it named. */
class IndexCheckTest {
  @TempDir Path tmp;

  /** Two commits, two segments: articles 0..59 in _0, 60..99 in _1. */
  static Path twoSegments(Path dir) {
    try (NewsIndex index = NewsIndex.open(dir)) {
      for (int i = 0; i < 100; i++) {
        index.upsert(DamagedIndexTest.article(i));
        if (i == 59) {
          index.commit();
        }
      }
    }
    return dir;
  }

  static void flipBytes(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    for (int k = bytes.length / 3; k < bytes.length / 3 + 16; k++) {
      bytes[k] ^= 0x55;
    }
    Files.write(file, bytes);
  }

  @Test
  void cleanIndexReportsSegmentsAndArticles() {
    Path dir = twoSegments(tmp.resolve("idx"));
    IndexCheck check = NewsIndex.check(dir);
    assertTrue(check.clean(), check.problems().toString());
    assertEquals(100, check.articles());
    assertEquals(List.of("_0", "_1"), check.segments().stream().map(IndexCheck.Segment::name).toList());
    assertEquals(List.of(60L, 40L), check.segments().stream().map(IndexCheck.Segment::articles).toList());
    assertEquals(dev.lede.index.Schema.VERSION, check.schemaVersion());
    assertTrue(check.commit().startsWith("segments_"), check.commit());
    assertTrue(check.damaged().isEmpty());
  }

  @Test
  void damagedSegmentIsNamedWithItsArticlesAndRepairDropsExactlyIt() throws IOException {
    Path dir = twoSegments(tmp.resolve("idx"));
    flipBytes(dir.resolve("_1.cfs"));
    IndexCheck check = NewsIndex.check(dir);
    assertFalse(check.clean());
    assertEquals(List.of("_1"), check.damaged().stream().map(IndexCheck.Segment::name).toList());
    assertEquals(40, check.articlesInDamagedSegments());
    assertTrue(check.repairable());
    assertEquals(1, check.problems().size(), check.problems().toString());
    assertTrue(check.problems().get(0).startsWith("segment _1 (40 articles) is damaged: _1.cfs is corrupt ("), check.problems().get(0));
    assertNull(check.segments().get(0).problem());

    IndexCheck after = NewsIndex.repair(dir, check);
    assertTrue(after.clean(), after.problems().toString());
    assertEquals(60, after.articles());
    try (NewsIndex index = NewsIndex.openExisting(dir, IndexOptions.defaults().withReadOnly(true))) {
      assertEquals(60, index.stats().articles());
      assertTrue(index.get("a59").isPresent(), "the sound segment is kept");
      assertFalse(index.get("a60").isPresent(), "the damaged segment's articles are gone");
    }
  }

  @Test
  void repairRefusesWhenTheIndexIsNotWhatWasConfirmed() throws IOException {
    Path dir = twoSegments(tmp.resolve("idx"));
    IndexCheck clean = NewsIndex.check(dir);
    flipBytes(dir.resolve("_0.cfs"));
    LedeException e = assertThrows(LedeException.class, () -> NewsIndex.repair(dir, clean));
    assertEquals("index " + dir + " changed since it was checked (damaged segments now [_0], confirmed []): nothing dropped; check it again",
        e.getMessage());
    assertEquals(List.of("_0"), NewsIndex.check(dir).damaged().stream().map(IndexCheck.Segment::name).toList());
  }

  @Test
  void checkBesideAWriterIsRefusedAsLocked() {
    Path dir = twoSegments(tmp.resolve("idx"));
    try (NewsIndex writer = NewsIndex.open(dir)) {
      IndexUnavailableException e = assertThrows(IndexUnavailableException.class, () -> NewsIndex.check(dir));
      assertEquals(Reason.LOCKED, e.reason());
    }
  }

  @Test
  void foreignCommitIsAProblemButNotRepairable() throws IOException {
    Path dir = tmp.resolve("lucene");
    try (var d = org.apache.lucene.store.FSDirectory.open(dir);
         var w = new org.apache.lucene.index.IndexWriter(d, new org.apache.lucene.index.IndexWriterConfig())) {
      w.commit();
    }
    IndexCheck check = NewsIndex.check(dir);
    assertEquals(List.of("the commit was not written by Lede (no schema version in its commit data)"), check.problems());
    assertFalse(check.repairable());
  }
}
