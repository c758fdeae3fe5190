package dev.lede;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.IndexUnavailableException.Reason;
import dev.lede.article.Article;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second writer is refused at once, by name of directory, and the first writer's lock survives. */
class SecondWriterTest {
  @TempDir Path tmp;

  static final Duration NO_WAITING = Duration.ofSeconds(30); // guards against a hang, not a timing assertion

  static void assertRefused(Path dir) {
    IndexUnavailableException e = assertTimeoutPreemptively(NO_WAITING,
        () -> assertThrows(IndexUnavailableException.class, () -> NewsIndex.open(dir)));
    assertEquals(Reason.LOCKED, e.reason());
    assertEquals("index " + dir + " is locked: another Lede process is writing to it (wait for it to finish; searches still work)",
        e.getMessage());
  }

  @Test
  void secondWriterInTheSameProcessIsRefusedAndTheFirstKeepsWriting() {
    Path dir = tmp.resolve("idx");
    try (NewsIndex first = NewsIndex.open(dir)) {
      assertRefused(dir);
      assertRefused(dir); // a refusal leaves nothing behind that changes the next answer
      first.upsert(Article.builder().id("a").headline("Still writing").body("The lock held.").build());
      first.commit();
      try (NewsIndex reader = NewsIndex.openExisting(dir, IndexOptions.defaults().withReadOnly(true))) {
        assertEquals(1, reader.stats().articles());
      }
    }
    try (NewsIndex after = NewsIndex.open(dir)) {
      assertEquals(1, after.stats().articles(), "the lock is free once the first writer closed");
    }
  }

  @Test
  void secondWriterInAnotherProcessIsRefusedAndTheFirstCommitsAfter() throws Exception {
    Path dir = tmp.resolve("idx");
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), HoldIndexOpen.class.getName(), dir.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("open", assertTimeoutPreemptively(Duration.ofSeconds(60), out::readLine));
      assertRefused(dir);
      assertTrue(Files.exists(dir.resolve("write.lock")), "the lock file is never removed by the refused writer");
      holder.getOutputStream().close();
      assertEquals("committed", assertTimeoutPreemptively(Duration.ofSeconds(60), out::readLine));
      assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, holder.exitValue());
    } finally {
      holder.destroyForcibly();
    }
    try (NewsIndex reader = NewsIndex.openExisting(dir, IndexOptions.defaults().withReadOnly(true))) {
      assertTrue(reader.get("from-holder").isPresent(), "the first writer's article is there");
    }
  }
}
