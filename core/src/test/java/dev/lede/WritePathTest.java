package dev.lede;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.prepare.Preparer;
import dev.lede.prepare.story.StoryIndexTestTexts;
import dev.lede.prepare.story.StoryOptions;
import dev.lede.read.ArticleSource;
import dev.lede.search.NewsQuery;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The defects of issue 14 on the write path, each with the test that failed before its fix. */
class WritePathTest {
  static final String WIRE = StoryIndexTestTexts.WIRE;

  @TempDir Path tmp;

  static Article wire(String id, String source, String published, String body) {
    return Article.builder().id(id).headline("Floods close the valley road " + id).body(body).source(source)
        .published(Instant.parse(published)).build();
  }

  // issue 14, defect 1: a re-fed article with the same text but a corrected date and byline was "unchanged"
  @Test
  void aCorrectedDateAndBylineAreWritten() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      Article first = wire("a", "wire.example", "2024-05-01T08:00:00Z", WIRE);
      index.upsert(first);
      Article corrected = first.toBuilder().published(Instant.parse("2024-05-02T08:00:00Z")).authors(List.of("Ana Ruiz")).build();
      assertEquals(UpsertOutcome.REPLACED, index.upsert(corrected));
      index.commit();
      Article stored = index.get("a").orElseThrow();
      assertEquals(Instant.parse("2024-05-02T08:00:00Z"), stored.published());
      assertEquals(List.of("Ana Ruiz"), stored.authors());
      assertEquals(UpsertOutcome.UNCHANGED, index.upsert(corrected));
    }
  }

  // issue 14, defect 2: with grouping off, entries had no signature and reading them back failed
  @Test
  void groupingOffSurvivesCommitsAndReopening() {
    IndexOptions options = IndexOptions.defaults().withStories(StoryOptions.defaults().withGrouping(false));
    Path dir = tmp.resolve("idx");
    try (NewsIndex index = NewsIndex.open(dir, options)) {
      index.upsert(wire("a", "one.example", "2024-05-01T08:00:00Z", WIRE));
      index.commit();
      index.upsert(wire("b", "two.example", "2024-05-01T09:00:00Z", WIRE + "\n\nMore later."));
      index.commit();
    }
    try (NewsIndex index = NewsIndex.open(dir, options)) {
      index.upsert(wire("c", "three.example", "2024-05-01T10:00:00Z", WIRE));
      index.commit();
      assertEquals(3, index.stats().articles());
      assertEquals("c", index.story("c").orElseThrow().id(), "grouping off: every article is a story of its own");
    }
  }

  // issue 14, defect 3: story() read the writer's story state without the writers' lock
  @Test
  void storiesCanBeReadWhileArticlesAreWritten() throws Exception {
    try (NewsIndex index = NewsIndex.inMemory()) {
      index.upsert(wire("w0", "s0.example", "2024-05-01T08:00:00Z", WIRE));
      AtomicReference<Throwable> failed = new AtomicReference<>();
      Thread reader = new Thread(() -> {
        try {
          for (int i = 0; i < 300; i++) {
            index.story("w0");
          }
        } catch (Throwable t) {
          failed.set(t);
        }
      });
      reader.start();
      for (int i = 1; i < 300; i++) {
        index.upsert(wire("w" + i, "s" + (i % 7) + ".example", "2024-05-01T08:00:00Z", WIRE + "\n\nUpdate " + i + "."));
      }
      reader.join();
      assertEquals(null, failed.get());
      assertTrue(index.story("w0").orElseThrow().members().size() > 1);
    }
  }

  // issue 14, defect 4: a commit did not wait for a write in flight, and could hold a later copy without its story's first
  @Test
  void aCommitWaitsForTheWritesInFlight() throws Exception {
    Path dir = tmp.resolve("idx");
    try (LuceneNewsIndex index = (LuceneNewsIndex) NewsIndex.open(dir)) {
      dev.lede.write.LuceneWrites writes = index.writes();
      dev.lede.write.LuceneWrites.Assigned a = writes.place(writes.prepare(wire("a", "one.example", "2024-05-01T08:00:00Z", WIRE)));
      Thread committer = new Thread(index::commit);
      committer.start();
      committer.join(300);
      assertTrue(committer.isAlive(), "the commit must wait for the assigned write");
      writes.store(List.of(a));
      committer.join();
      try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
        assertEquals(1, new IndexSearcher(r).count(new TermQuery(new Term("id", "a"))));
      }
    }
  }

  // issue 14, defect 5: a write the IndexWriter refused left the fingerprint, story and boilerplate counts behind
  @Test
  void aRefusedWriteLeavesNothingBehind() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      index.upsert(wire("a", "wire.example", "2024-05-01T08:00:00Z", WIRE));
      ((LuceneNewsIndex) index).writes().refuse = id -> id.equals("b");
      Article b = wire("b", "wire.example", "2024-05-01T09:00:00Z", WIRE + "\n\nMore later.");
      assertThrows(IllegalArgumentException.class, () -> index.upsert(b));
      ((LuceneNewsIndex) index).writes().refuse = null;
      assertEquals(UpsertOutcome.ADDED, index.upsert(b), "the refused article was never written, so it is new");
      index.commit();
      assertEquals(2, index.stats().articles());
      assertEquals(List.of("a", "b"), index.story("a").orElseThrow().members().stream().map(m -> m.id()).toList());
    }
  }

  // issue 14, defect 6: the stored original was the prepared article, so reindex brought extracted entities back as input
  @Test
  void reindexStartsFromTheArticleAsRead() {
    Path dir = tmp.resolve("idx");
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.upsert(Article.builder().id("m").headline("Angela Merkel meets Emmanuel Macron in Paris")
          .body("Angela Merkel met Emmanuel Macron in Paris on Monday. Merkel said the talks went well.").source("wire.example").build());
      index.commit();
      assertFalse(index.get("m").orElseThrow().entities().isEmpty(), "entities were extracted");
    }
    // the same extractor: carried over
    NewsIndex.reindex(dir, null, IndexOptions.defaults(), IngestOptions.defaults(), null);
    List<Entity> carried;
    try (NewsIndex index = NewsIndex.openExisting(dir)) {
      carried = index.get("m").orElseThrow().entities();
      assertFalse(carried.isEmpty());
    }
    // no extractor: the article as read has no entities, and none come back
    IndexOptions none = IndexOptions.defaults().withPreparer(Preparer.builder().withoutEntities().build());
    NewsIndex.reindex(dir, null, none, IngestOptions.defaults(), null);
    try (NewsIndex index = NewsIndex.openExisting(dir, none)) {
      assertEquals(List.of(), index.get("m").orElseThrow().entities());
    }
  }

  // a reindex carries story ids over only when every story option is unchanged, and groups again otherwise
  @Test
  void reindexKeepsStoryIdsOnlyWithTheSameStoryOptions() {
    Path dir = tmp.resolve("idx");
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.upsert(wire("a", "one.example", "2024-05-01T08:00:00Z", WIRE));
      index.upsert(wire("b", "two.example", "2024-05-01T09:00:00Z", WIRE + "\n\nMore later on the valley road."));
      index.upsert(wire("c", "three.example", "2024-05-01T10:00:00Z", WIRE));
      index.commit();
      assertEquals("a", index.story("b").orElseThrow().id());
    }
    ReindexReport same = NewsIndex.reindex(dir, null, IndexOptions.defaults(), IngestOptions.defaults(), null);
    assertEquals(1, same.ingest().exactDuplicates(), "c is an exact copy of a, also when its story is carried over");
    try (NewsIndex index = NewsIndex.openExisting(dir)) {
      assertEquals("a", index.story("b").orElseThrow().id());
      assertEquals("a", index.story("c").orElseThrow().id());
    }
    IndexOptions strict = IndexOptions.defaults().withStories(StoryOptions.defaults().withThreshold(1.0));
    NewsIndex.reindex(dir, null, strict, IngestOptions.defaults(), null);
    try (NewsIndex index = NewsIndex.openExisting(dir, strict)) {
      assertEquals("b", index.story("b").orElseThrow().id(), "another threshold: b is placed again, alone");
      assertEquals("a", index.story("c").orElseThrow().id(), "an exact copy still joins");
    }
  }

  // the dry run of --prune writes nothing, so a read-only index answers it
  @Test
  void aPruneDryRunWorksOnAReadOnlyIndex() {
    Path dir = tmp.resolve("idx");
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.upsert(wire("a", "one.example", "2024-05-01T08:00:00Z", WIRE));
      index.upsert(wire("b", "two.example", "2024-05-01T09:00:00Z", "Something else entirely."));
      index.commit();
    }
    try (NewsIndex index = NewsIndex.openExisting(dir, IndexOptions.defaults().withReadOnly(true))) {
      PrunePreview p = index.previewPrune(ArticleSource.of(List.of(wire("a", "one.example", "2024-05-01T08:00:00Z", WIRE))), null);
      assertEquals(List.of("b"), p.wouldDelete());
    }
  }

  // issue 14, defect 7: which thread reached the lock first decided the stories
  @Test
  void theSameInputGivesTheSameStories() {
    List<Article> input = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String body = i % 3 == 0 ? WIRE : i % 3 == 1 ? WIRE + "\n\nCopy " + i + "." : StoryIndexTestTexts.SAME_TOPIC_OTHER_STORY + " " + i;
      input.add(wire("x" + i, "s" + (i % 5) + ".example", "2024-05-01T08:00:00Z", body));
    }
    Map<String, String> first = null;
    for (int run = 0; run < 4; run++) {
      try (NewsIndex index = NewsIndex.inMemory()) {
        index.ingest(ArticleSource.of(input), IngestOptions.defaults().withThreads(4), null);
        Map<String, String> stories = new TreeMap<>();
        for (Article a : input) {
          stories.put(a.id(), index.story(a.id()).orElseThrow().id());
        }
        if (first == null) {
          first = stories;
        } else {
          assertEquals(first, stories, "run " + run);
        }
      }
    }
  }

  // issue 14, defect 8: boilerplate learned during a run stayed in the articles written before it was learned
  @Test
  void boilerplateLearnedLateLeavesTheFirstArticlesToo() {
    String footer = "Subscribe to the Valley Ledger newsletter for zephyrine updates.";
    List<Article> input = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      input.add(Article.builder().id("v" + i).headline("Valley council meets " + i).source("ledger.example")
          .body("The council met on day " + i + " to discuss item " + (i * 7) + ".\n\n" + footer).build());
    }
    try (NewsIndex index = NewsIndex.inMemory()) {
      index.ingest(ArticleSource.of(input), IngestOptions.defaults().withThreads(2), null);
      assertFalse(index.boilerplate().getOrDefault("ledger.example", List.of()).isEmpty(), "the footer was learned");
      assertEquals(0, index.search(NewsQuery.builder("zephyrine").build()).total());
      assertEquals(12, index.search(NewsQuery.builder("council").limit(20).build()).total());
    }
  }

  // issue 15, item 3: of two records with one id in a run, the last read wins, and the run says so
  @Test
  void aRepeatedIdIsReportedAndTheLastWins() {
    List<String> warnings = new ArrayList<>();
    List<Article> input = List.of(
        wire("d", "one.example", "2024-05-01T08:00:00Z", "First version of the report. " + WIRE),
        wire("e", "one.example", "2024-05-01T08:00:00Z", StoryIndexTestTexts.SAME_TOPIC_OTHER_STORY),
        wire("d", "one.example", "2024-05-01T08:00:00Z", "Second version of the report. " + WIRE));
    try (NewsIndex index = NewsIndex.inMemory()) {
      index.ingest(ArticleSource.of(input), IngestOptions.defaults().withThreads(3), new IngestListener() {
        @Override
        public void warning(String message) {
          warnings.add(message);
        }
      });
      assertTrue(index.get("d").orElseThrow().body().startsWith("Second version"));
      assertTrue(warnings.stream().anyMatch(w -> w.contains("'d'") && w.contains("last record read is kept")), warnings.toString());
    }
  }

  // issue 15, item 14: indexing a folder took an ArticleSource, options and a listener
  @Test
  void aFolderIsIndexedWithOneCall() throws Exception {
    Path feeds = java.nio.file.Files.createDirectories(tmp.resolve("feeds"));
    java.nio.file.Files.writeString(feeds.resolve("a.jsonl"),
        "{\"id\":\"f1\",\"headline\":\"Ferry service resumes\",\"body\":\"The ferry runs again.\"}\n"
            + "{\"id\":\"f2\",\"headline\":\"Bridge reopens\",\"body\":\"Cars cross again.\"}\n"
            + "{\"id\":\"f3\"}\n");
    try (NewsIndex index = NewsIndex.open(tmp.resolve("idx"))) {
      IngestReport report = index.ingest(feeds);
      assertEquals(2, report.added());
      assertEquals(1, report.rejected());
      assertEquals(1, index.search(NewsQuery.builder("ferry").build()).total());
    }
  }
}
