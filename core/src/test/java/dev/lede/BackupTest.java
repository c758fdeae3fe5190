package dev.lede;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.index.Generations;
import dev.lede.index.SynonymFile;
import dev.lede.search.NewsQuery;
import dev.lede.search.SynonymList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupTest {
  @TempDir Path tmp;

  private static void fill(NewsIndex index, int batches) {
    for (int b = 0; b < batches; b++) {
      for (int k = 0; k < ConcurrentSearchTest.BATCH; k++) {
        index.upsert(ConcurrentSearchTest.article(b, k));
      }
      index.commit();
    }
  }

  private static long maxOf(Set<Long> counts) {
    return counts.stream().mapToLong(Long::longValue).max().orElse(0);
  }

  private static NewsIndex reader(Path dir) {
    return NewsIndex.openExisting(dir, IndexOptions.defaults().withReadOnly(true));
  }

  // Issue 18: a backup taken while another writer commits and merges is one whole commit of it.
  @Test
  void backupBesideACommittingWriterIsOneWholeCommit() throws Exception {
    Path dir = tmp.resolve("idx");
    // two segments per tier: the writer merges (and deletes files) nearly every commit
    IndexOptions merging = IndexOptions.defaults().withMergePolicy(new IndexOptions.Merging(2, 5 * 1024));
    Set<Long> committed = ConcurrentHashMap.newKeySet();
    committed.add(0L);
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    List<BackupReport> reports = new ArrayList<>();
    try (NewsIndex writer = NewsIndex.open(dir, merging)) {
      writer.commit();
      Future<?> writes = pool.submit(() -> {
        for (int b = 0; writing.get() && b < 400; b++) {
          for (int k = 0; k < ConcurrentSearchTest.BATCH; k++) {
            writer.upsert(ConcurrentSearchTest.article(b, k));
          }
          writer.commit();
          committed.add((long) (b + 1) * ConcurrentSearchTest.BATCH);
        }
        return null;
      });
      try (NewsIndex reader = reader(dir)) {
        long last = 0;
        for (int i = 0; i < 6; i++) {
          // each backup starts after the writer has committed again since the one before
          while (maxOf(committed) <= last && !writes.isDone()) {
            Thread.sleep(2);
          }
          BackupReport r = reader.backup(tmp.resolve("backup-" + i));
          assertTrue(r.articles() > last || writes.isDone(), "backup " + i + " holds an older commit than the one before it");
          last = r.articles();
          reports.add(r);
        }
      } finally {
        writing.set(false);
        writes.get();
        pool.shutdown();
      }
    }
    assertEquals(6, reports.stream().map(BackupReport::articles).distinct().count(), "six backups of six commits");
    for (BackupReport r : reports) {
      assertTrue(committed.contains(r.articles()), "backup holds " + r.articles() + " articles, not a commit's count");
      assertFalse(Files.exists(r.destination().resolve("lede-backup-incomplete")));
      try (NewsIndex copy = reader(r.destination())) {
        assertEquals(r.articles(), copy.stats().articles());
        // every batch in the copy is whole
        for (int b = 0; b < r.articles() / ConcurrentSearchTest.BATCH; b += 7) {
          assertEquals(ConcurrentSearchTest.BATCH,
              copy.search(NewsQuery.builder(ConcurrentSearchTest.marker(b)).collapse(false).limit(50).build()).total());
        }
      }
      IndexCheck check = NewsIndex.check(r.destination());
      assertTrue(check.clean(), String.valueOf(check.problems()));
      assertEquals(r.articles(), check.articles());
    }
  }

  // The file of a commit that a writer merges away and deletes during the copy: the copy starts over from the newer commit.
  @Test
  void fileDeletedByAWriterDuringTheCopyStartsItOver() {
    Path dir = tmp.resolve("idx");
    IndexOptions merging = IndexOptions.defaults().withMergePolicy(new IndexOptions.Merging(2, 5 * 1024));
    try (NewsIndex writer = NewsIndex.open(dir, merging); NewsIndex reader = reader(dir)) {
      fill(writer, 3);
      int[] calls = {0};
      Backup.afterCommitRead = () -> {
        if (calls[0]++ == 0) {
          for (int b = 3; b < 12; b++) {
            for (int k = 0; k < ConcurrentSearchTest.BATCH; k++) {
              writer.upsert(ConcurrentSearchTest.article(b, k));
            }
            writer.commit();
          }
        }
      };
      BackupReport r;
      try {
        r = reader.backup(tmp.resolve("copy"), true);
      } finally {
        Backup.afterCommitRead = () -> {};
      }
      assertEquals(1, r.retries());
      assertEquals(120, r.articles());
      assertTrue(NewsIndex.check(r.destination()).clean());
    }
  }

  @Test
  void backupOfAReindexedIndexKeepsLayoutSynonymsAndBoilerplate() {
    Path dir = tmp.resolve("idx");
    SynonymList list = SynonymList.parse("t", ConcurrentSearchTest.marker(0) + ", storm");
    try (NewsIndex index = NewsIndex.open(dir)) {
      fill(index, 3);
      index.setSynonyms(list);
    }
    NewsIndex.reindex(dir);
    Path dest = tmp.resolve("copy");
    BackupReport report;
    try (NewsIndex index = reader(dir)) {
      report = index.backup(dest, true);
    }
    assertEquals(30, report.articles());
    assertEquals(0, report.linked(), "--copy links nothing");
    String live = Generations.resolve(dir).live();
    assertEquals(live, report.generation());
    assertEquals(live, Generations.resolve(dest).live());
    assertTrue(Files.exists(dest.resolve(SynonymFile.NAME)));
    assertTrue(Files.exists(dest.resolve(live).resolve("boilerplate.json")));
    try (NewsIndex copy = reader(dest)) {
      assertEquals(list, copy.synonyms());
      assertEquals(30, copy.stats().articles());
      assertEquals(ConcurrentSearchTest.BATCH, copy.search(NewsQuery.builder("storm").collapse(false).limit(50).build()).total());
    }
  }

  @Test
  void destinationThatExistsOrCannotBeWrittenIsRefused() throws Exception {
    Path dir = tmp.resolve("idx");
    try (NewsIndex index = NewsIndex.open(dir)) {
      fill(index, 1);
    }
    Path full = Files.createDirectories(tmp.resolve("full"));
    Files.writeString(full.resolve("notes.txt"), "keep me");
    Path file = Files.writeString(tmp.resolve("file"), "x");
    try (NewsIndex index = reader(dir)) {
      BadInputException notEmpty = assertThrows(BadInputException.class, () -> index.backup(full));
      assertTrue(notEmpty.getMessage().contains("exists and is not empty"), notEmpty.getMessage());
      assertEquals(Set.of("notes.txt"), Set.of(full.toFile().list()));
      BadInputException aFile = assertThrows(BadInputException.class, () -> index.backup(file));
      assertTrue(aFile.getMessage().contains("it is a file"), aFile.getMessage());
      BadInputException under = assertThrows(BadInputException.class, () -> index.backup(file.resolve("sub")));
      assertTrue(under.getMessage().startsWith("cannot back up to " + file.resolve("sub") + ": "), under.getMessage());
      BadInputException inside = assertThrows(BadInputException.class, () -> index.backup(dir.resolve("b")));
      assertTrue(inside.getMessage().contains("one is inside the other"), inside.getMessage());
      // an empty directory is fine
      Path empty = Files.createDirectories(tmp.resolve("empty"));
      assertEquals(10, index.backup(empty).articles());
    }
  }

  // A crash mid-backup leaves the marker: the copy must never pass for a whole index.
  @Test
  void unfinishedBackupIsRefusedByOpenAndCheck() throws Exception {
    Path dir = tmp.resolve("idx");
    try (NewsIndex index = NewsIndex.open(dir)) {
      fill(index, 1);
    }
    Path dest = tmp.resolve("copy");
    try (NewsIndex index = reader(dir)) {
      index.backup(dest);
    }
    Files.writeString(dest.resolve("lede-backup-incomplete"), "killed");
    IndexUnavailableException open = assertThrows(IndexUnavailableException.class, () -> reader(dest));
    assertTrue(open.getMessage().contains("is an incomplete backup"), open.getMessage());
    IndexUnavailableException check = assertThrows(IndexUnavailableException.class, () -> NewsIndex.check(dest));
    assertTrue(check.getMessage().contains("is an incomplete backup"), check.getMessage());
    assertThrows(IndexUnavailableException.class, () -> NewsIndex.open(dest));
  }
}
