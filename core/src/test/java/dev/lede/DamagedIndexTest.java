package dev.lede;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.IndexUnavailableException.Reason;
import dev.lede.article.Article;
import dev.lede.search.NewsQuery;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/** Damaged, foreign and unreadable index directories each give their own one-line, actionable error. */
class DamagedIndexTest {
  @TempDir Path tmp;

  static final IndexOptions READ_ONLY = IndexOptions.defaults().withReadOnly(true);

  private static final String[] WORDS = ("rail strike union pay deal talks minister budget storm flood court ruling election vote "
      + "market shares bank rates energy prices school teachers hospital doctors police inquiry football final museum art "
      + "climate summit border troops ceasefire harvest drought airline airport festival film").split(" ");

  /** Article i: distinct words drawn from a seeded list, so that no two articles form a story. */
  static Article article(int i) {
    Random random = new Random(i);
    StringBuilder body = new StringBuilder();
    for (int k = 0; k < 40 + i % 40; k++) {
      body.append(WORDS[random.nextInt(WORDS.length)]).append(k % 9 == 8 ? ". " : " ");
    }
    return Article.builder().id("a" + i).headline("Rail strike day " + i + " " + WORDS[i % WORDS.length])
        .lead("Report number " + i + " on " + WORDS[(i * 7) % WORDS.length] + ".").body(body.toString())
        .source("example.com").url("https://example.com/" + i).published(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i * 3600L))
        .build();
  }

  static Path build(Path dir, int n) {
    try (NewsIndex index = NewsIndex.open(dir)) {
      for (int i = 0; i < n; i++) {
        index.upsert(article(i));
      }
      index.commit();
    }
    return dir;
  }

  static Path onlyFile(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
      assertEquals(1, found.size(), "files ending " + suffix + " in " + dir);
      return found.get(0);
    }
  }

  /** Opens both ways (for writing, and read-only) and reads everything; returns the failure both times. */
  static IndexUnavailableException failsBothWays(Path dir, Reason reason) {
    IndexUnavailableException forReading = assertThrows(IndexUnavailableException.class, readEverything(dir, READ_ONLY));
    IndexUnavailableException forWriting = assertThrows(IndexUnavailableException.class, readEverything(dir, IndexOptions.defaults()));
    for (IndexUnavailableException e : List.of(forReading, forWriting)) {
      assertEquals(reason, e.reason(), e.getMessage());
      assertEquals(dir, e.directory());
      assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
      assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }
    assertEquals(forReading.getMessage(), forWriting.getMessage());
    return forReading;
  }

  static Executable readEverything(Path dir, IndexOptions options) {
    return () -> {
      try (NewsIndex index = NewsIndex.openExisting(dir, options)) {
        index.search(NewsQuery.builder("rail strike").limit(1000).build());
        index.search(NewsQuery.builder("").limit(1000).build()).hits().forEach(h -> index.get(h.id()).orElseThrow());
      }
    };
  }

  @Test
  void truncatedSegmentFileNamesTheFileAndPointsToCheck() throws IOException {
    Path dir = build(tmp.resolve("idx"), 60);
    Path cfs = onlyFile(dir, ".cfs");
    try (FileChannel ch = FileChannel.open(cfs, StandardOpenOption.WRITE)) {
      ch.truncate(Files.size(cfs) / 2);
    }
    IndexUnavailableException e = failsBothWays(dir, Reason.CORRUPT);
    assertTrue(e.getMessage().startsWith("index " + dir + " is damaged: _0.cfs is corrupt ("), e.getMessage());
    assertTrue(e.getMessage().endsWith("run `lede check` to see what is lost, then restore a copy or index the source files into a new directory"),
        e.getMessage());
  }

  @Test
  void overwrittenSegmentHeaderIsDamage() throws IOException {
    Path dir = build(tmp.resolve("idx"), 20);
    Path si = onlyFile(dir, ".si");
    byte[] bytes = Files.readAllBytes(si);
    bytes[0] ^= 0x7f;
    Files.write(si, bytes);
    IndexUnavailableException e = failsBothWays(dir, Reason.CORRUPT);
    assertTrue(e.getMessage().contains("is damaged: segments_2 is corrupt (segment info file: _0.si cannot be read"), e.getMessage());
  }

  // Flipped bytes inside a large file may go unnoticed at open (Lucene checks whole-file checksums
  // only in CheckIndex); whatever reads them first must report damage, never fail otherwise.
  @Test
  void flippedBytesInsideASegmentAreDamageWhenNoticed() throws IOException {
    int noticed = 0;
    for (int seed = 0; seed < Integer.getInteger("lede.damage.seeds", 5); seed++) {
      Path dir = build(tmp.resolve("idx" + seed), 100);
      Path cfs = onlyFile(dir, ".cfs");
      byte[] bytes = Files.readAllBytes(cfs);
      Random random = new Random(seed);
      for (int k = 0; k < 20; k++) {
        bytes[64 + random.nextInt(bytes.length - 128)] ^= (byte) (1 + random.nextInt(255));
      }
      Files.write(cfs, bytes);
      try {
        readEverything(dir, READ_ONLY).execute();
      } catch (IndexUnavailableException e) {
        assertEquals(Reason.CORRUPT, e.reason(), e.getMessage());
        assertTrue(e.getMessage().startsWith("index " + dir + " is damaged: "), e.getMessage());
        noticed++;
      } catch (Throwable t) {
        throw new AssertionError("seed " + seed + ": damage surfaced as " + t, t);
      }
    }
    assertTrue(noticed > 0, "20 flipped bytes in 5 indexes went unnoticed by every read");
  }

  @Test
  void missingSegmentFileIsNamed() throws IOException {
    Path dir = build(tmp.resolve("idx"), 20);
    Files.delete(onlyFile(dir, ".cfe"));
    IndexUnavailableException e = failsBothWays(dir, Reason.CORRUPT);
    assertTrue(e.getMessage().contains("is damaged: _0.cfe, named by the last commit, is missing"), e.getMessage());
  }

  @Test
  void missingCommitSaysTheCommitIsGone() throws IOException {
    Path dir = build(tmp.resolve("idx"), 20);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
        Files.delete(p);
      }
    }
    IndexUnavailableException e = failsBothWays(dir, Reason.CORRUPT);
    assertEquals("index " + dir + " has segment files but no commit (its segments_N file is gone): it cannot be opened; "
        + "restore it from a copy, or index the source files into a new directory", e.getMessage());
  }

  @Test
  void directoryOfOtherFilesIsNotALedeIndexAndIsLeftAlone() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(dir.resolve("notes.txt"), "not an index");
    IndexUnavailableException e = failsBothWays(dir, Reason.NOT_A_LEDE_INDEX);
    assertEquals(dir + " is not a Lede index: it holds other files (notes.txt); choose an empty or new directory", e.getMessage());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("notes.txt")), files.toList(), "nothing written into a foreign directory");
    }
  }

  @Test
  void luceneIndexWithoutLedeCommitDataIsNotALedeIndex() throws IOException {
    Path dir = tmp.resolve("lucene");
    try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
      w.commit();
    }
    IndexUnavailableException e = failsBothWays(dir, Reason.NOT_A_LEDE_INDEX);
    assertEquals(dir + " holds a Lucene index that Lede did not write: choose another directory", e.getMessage());
  }

  @Test
  void otherSchemaVersionSaysWhichAndWhatToRun() throws IOException {
    Path dir = tmp.resolve("old");
    try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
      w.setLiveCommitData(Map.of("lede.schema", "0").entrySet());
      w.commit();
    }
    IndexUnavailableException e = failsBothWays(dir, Reason.SCHEMA_MISMATCH);
    assertTrue(e.getMessage().startsWith("index " + dir + " was written by Lede schema v0, this Lede uses v"), e.getMessage());
    assertTrue(e.getMessage().endsWith("run `lede reindex`"), e.getMessage());
  }

  @Test
  void directoryLeftByAKillBeforeTheFirstCommitIsStartedAfresh() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("fresh"));
    Files.createFile(dir.resolve("write.lock"));
    Files.writeString(dir.resolve("pending_segments_1"), "half");
    assertEquals(Reason.MISSING, assertThrows(IndexUnavailableException.class, readEverything(dir, READ_ONLY)).reason());
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.upsert(article(1));
    }
    try (NewsIndex index = NewsIndex.openExisting(dir, READ_ONLY)) {
      assertEquals(1, index.stats().articles());
    }
  }

  @Test
  void unreadableDirectorySaysPermissionDenied() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeFalse(isRoot(), "running as root: permissions are not enforced");
    Path dir = build(tmp.resolve("idx"), 5);
    Files.setPosixFilePermissions(dir, java.util.Set.of());
    try {
      IndexUnavailableException e = failsBothWays(dir, Reason.UNREADABLE);
      assertEquals("cannot read index " + dir + ": permission denied on the directory", e.getMessage());
    } finally {
      Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
