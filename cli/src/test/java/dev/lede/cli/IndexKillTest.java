package dev.lede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.IndexOptions;
import dev.lede.NewsIndex;
import dev.lede.search.NewsQuery;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.MultiBits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lede index} killed with SIGKILL at seeded moments, again and again, into the same index:
 * after every kill the index opens, holds every article of every commit seen so far, each once and
 * searchable; a last, uninterrupted run then completes with every article exactly once.
 *
 * <p>CI runs {@value #DEFAULT_KILLS} kills. The full form:
 * {@code ./mvnw -B -o -pl cli -am test -Dtest=IndexKillTest -Dsurefire.failIfNoSpecifiedTests=false -Dlede.kills=20}
 * ({@code -Dlede.seed=N} for other moments).
 */
class IndexKillTest {
  static final int DEFAULT_KILLS = 5;
  static final int KILLS = Integer.getInteger("lede.kills", DEFAULT_KILLS);
  static final long SEED = Long.getLong("lede.seed", 8_2027L);
  static final int COMMIT_EVERY = 50;
  /** Enough input that most kills land before a run finishes. */
  static final int ARTICLES = 500 + 200 * KILLS;

  @TempDir Path tmp;

  @Test
  void killedIndexingLosesNoCommittedArticleAndARerunCompletesIt() throws Exception {
    Path input = tmp.resolve("input.jsonl");
    Set<String> allIds = writeInput(input, ARTICLES);
    Path index = tmp.resolve("idx");
    Random random = new Random(SEED);
    Set<String> committed = new HashSet<>();
    int killed = 0;
    int finishedFirst = 0;
    for (int round = 0; round < KILLS; round++) {
      Process child = startIndexing(index, input);
      String when;
      boolean done;
      if (random.nextInt(4) == 0) {
        long delay = random.nextInt(2500);
        done = child.waitFor(delay, TimeUnit.MILLISECONDS);
        when = delay + " ms after start";
      } else {
        int commits = 1 + random.nextInt(4);
        done = waitForCommits(child, index, commits);
        long extra = random.nextInt(80);
        done = done || child.waitFor(extra, TimeUnit.MILLISECONDS);
        when = commits + " commits + " + extra + " ms";
      }
      if (done) {
        finishedFirst++;
      } else {
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close, no last commit
        killed++;
      }
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the killed process ends");
      String what = "seed " + SEED + " round " + round + " (" + (done ? "finished before the kill" : "killed " + when) + ")";
      if (!Files.exists(index.resolve("write.lock")) && !hasCommit(index)) {
        continue; // killed before the index directory was made
      }
      Set<String> ids = checkIndex(index, allIds, what);
      assertTrue(ids.containsAll(committed), what + ": articles of an earlier commit were lost");
      committed = ids;
    }
    Process last = startIndexing(index, input);
    assertTrue(last.waitFor(600, TimeUnit.SECONDS), "a last run completes");
    assertEquals(ExitCodes.OK, last.exitValue());
    Set<String> ids = checkIndex(index, allIds, "after the last run");
    assertEquals(allIds, ids, "every article exactly once");
    assertTrue(NewsIndex.check(index).clean(), "Lucene's checker finds nothing wrong");
    assertEquals(KILLS, killed + finishedFirst);
    assertTrue(killed >= KILLS / 2, "most rounds should be killed mid-run, not finish first: " + killed + " of " + KILLS);
    System.out.println("index kill test, seed " + SEED + ": " + killed + " kills survived of " + KILLS + " rounds ("
        + finishedFirst + " finished before the kill), " + ARTICLES + " articles");
  }

  static Set<String> writeInput(Path file, int n) throws IOException {
    Set<String> ids = new HashSet<>();
    Random random = new Random(1);
    String[] words = ("harbour council vote budget storm rail union strike court ruling bank market school hospital police "
        + "election summit border festival museum drought harvest airline energy prices climate football final inquiry").split(" ");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        StringBuilder body = new StringBuilder();
        for (int k = 0; k < 60; k++) {
          body.append(words[random.nextInt(words.length)]).append(' ');
        }
        String id = "k" + i;
        ids.add(id);
        w.write("{\"id\":\"" + id + "\",\"headline\":\"Item " + i + " " + words[i % words.length] + " " + Integer.toString(i * 7919, 36)
            + "\",\"body\":\"" + body + Integer.toString(i * 104729, 36) + "\",\"source\":\"s" + (i % 7) + ".example\","
            + "\"published\":\"2025-0" + (1 + i % 9) + "-1" + (i % 10) + "\"}\n");
      }
    }
    return ids;
  }

  static Process startIndexing(Path index, Path input) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "--index", index.toString(), "-q", "index", input.toString(), "--commit-every", Integer.toString(COMMIT_EVERY), "--threads", "2"));
    return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** Waits until the index has {@code commits} more commits than when called; true when the process ended first. */
  static boolean waitForCommits(Process child, Path index, int commits) throws Exception {
    long start = generation(index);
    while (generation(index) < start + commits) {
      if (child.waitFor(5, TimeUnit.MILLISECONDS)) {
        return true;
      }
    }
    return false;
  }

  static long generation(Path index) throws IOException {
    if (!Files.isDirectory(index)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(index)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("segments_"))
          .mapToLong(n -> Long.parseLong(n.substring("segments_".length()), Character.MAX_RADIX)).max().orElse(0);
    } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
      return 0; // a file went away while listed: ask again
    }
  }

  static boolean hasCommit(Path index) throws IOException {
    return generation(index) > 0;
  }

  /** Opens the index as a user would, and reads every id from Lucene: each once, each from the input, a sample searchable. */
  static Set<String> checkIndex(Path index, Set<String> allIds, String what) throws IOException {
    Set<String> ids = new HashSet<>();
    try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      Bits live = MultiBits.getLiveDocs(reader);
      StoredFields stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        if (live == null || live.get(doc)) {
          String id = stored.document(doc, Set.of("id")).get("id");
          assertTrue(ids.add(id), what + ": article " + id + " is there twice");
          assertTrue(allIds.contains(id), what + ": unknown article " + id);
        }
      }
    }
    try (NewsIndex opened = NewsIndex.openExisting(index, IndexOptions.defaults().withReadOnly(true))) {
      assertEquals(ids.size(), opened.stats().articles(), what);
      List<String> sample = new ArrayList<>(ids).subList(0, Math.min(10, ids.size()));
      for (String id : sample) {
        assertEquals(1, opened.search(NewsQuery.builder("id:" + id).build()).total(), what + ": " + id + " is not searchable");
      }
    }
    return ids;
  }
}
