package dev.lede;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.index.Generations;
import dev.lede.read.ArticleSource;
import dev.lede.search.Hit;
import dev.lede.search.NewsQuery;
import dev.lede.search.SearchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reindex into generations: switching, rollback, schema upgrade, searches during a reindex, crashes. */
class ReindexTest {
  private static final IngestOptions TWO = IngestOptions.defaults().withThreads(2);

  /** A flat index, as {@code lede index} writes it, holding {@code n} articles marked "alpha". */
  private static Path flatIndex(Path dir, int n) {
    Path idx = dir.resolve("idx");
    try (NewsIndex index = NewsIndex.open(idx)) {
      index.ingest(ArticleSource.of(IngestTest.articles("old", "alpha", n)), TWO, null);
    }
    return idx;
  }

  private static long count(Path idx, String word) {
    try (NewsIndex index = NewsIndex.openExisting(idx, IndexOptions.defaults().withReadOnly(true))) {
      return index.search(NewsQuery.builder(word).limit(1).collapse(false).build()).total();
    }
  }

  @Test
  void reindexFromStoredOriginalsMigratesAFlatIndexAndKeepsItForRollback(@TempDir Path dir) {
    Path idx = flatIndex(dir, 25);
    ReindexReport r = NewsIndex.reindex(idx);
    assertEquals(".", r.from());
    assertEquals("gen-000001", r.to());
    assertEquals(25, r.ingest().added());
    assertEquals(new Generations.Pointer(idx, "gen-000001", "."), Generations.resolve(idx));
    assertEquals(25, count(idx, "alpha"));
    try (NewsIndex index = NewsIndex.openExisting(idx, IndexOptions.defaults().withReadOnly(true))) {
      assertEquals("gen-000001", index.stats().generation());
      assertEquals("alpha report old3", index.get("old3").orElseThrow().headline());
    }

    // the second reindex removes the flat files, keeping the generation it replaces
    ReindexReport r2 = NewsIndex.reindex(idx);
    assertEquals("gen-000002", r2.to());
    assertEquals(List.of("."), r2.removed());
    assertEquals(List.of("gen-000001", "gen-000002"), Generations.generations(idx));
    assertFalse(Files.exists(idx.resolve("write.lock")) && hasSegments(idx), "flat index files left behind");
    assertEquals(25, count(idx, "alpha"));
  }

  @Test
  void rollbackReturnsToThePreviousGenerationAndBackAgain(@TempDir Path dir) throws Exception {
    Path idx = flatIndex(dir, 10);
    NewsIndex.reindex(idx);
    Path feed = dir.resolve("new.jsonl");
    Files.writeString(feed, "{\"id\":\"n1\",\"headline\":\"Omega arrives\",\"body\":\"omega\"}\n");
    ReindexReport fromFile = NewsIndex.reindex(idx, ArticleSource.files(List.of(feed), dev.lede.read.InputFormat.AUTO),
        IndexOptions.defaults(), TWO, null);
    assertEquals("gen-000002", fromFile.to());
    assertEquals(0, count(idx, "alpha"));
    assertEquals(1, count(idx, "omega"));

    ReindexReport back = NewsIndex.rollback(idx);
    assertEquals("gen-000002", back.from());
    assertEquals("gen-000001", back.to());
    assertEquals(10, count(idx, "alpha"));

    NewsIndex.rollback(idx);
    assertEquals(1, count(idx, "omega"));
  }

  @Test
  void rollbackOfAnIndexNeverReindexedSaysSo(@TempDir Path dir) {
    Path idx = flatIndex(dir, 3);
    LedeException e = assertThrows(LedeException.class, () -> NewsIndex.rollback(idx));
    assertEquals("index " + idx + " has no previous generation to roll back to (it has never been reindexed)", e.getMessage());
  }

  @Test
  void reindexUpgradesAnIndexOfAnOlderSchemaVersion(@TempDir Path dir) throws IOException {
    Path idx = flatIndex(dir, 12);
    try (FSDirectory d = FSDirectory.open(idx);
         IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Map<String, String> data = new HashMap<>(SegmentInfos.readLatestCommit(d).getUserData());
      data.put("lede.schema", "0");
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
    IndexUnavailableException old = assertThrows(IndexUnavailableException.class,
        () -> NewsIndex.openExisting(idx, IndexOptions.defaults().withReadOnly(true)));
    assertEquals(IndexUnavailableException.Reason.SCHEMA_MISMATCH, old.reason());
    assertTrue(old.getMessage().endsWith("was written by Lede schema v0, this Lede uses v" + dev.lede.index.Schema.VERSION + ": run `lede reindex`"), old.getMessage());

    ReindexReport r = NewsIndex.reindex(idx);
    assertEquals(12, r.ingest().added());
    assertEquals(12, count(idx, "alpha"));
  }

  /**
   * An index in schema v2's layout, written the way v2 wrote its text: the {@code text} catch-all,
   * {@code exact} and {@code headline_exact} beside {@code headline}, {@code lead} and {@code body},
   * and v2's commit data. This version refuses it with a clear message, and a reindex rebuilds it.
   */
  @Test
  void reindexUpgradesAVersion2IndexWithItsCatchAllAndExactFields(@TempDir Path dir) throws IOException {
    Path idx = dir.resolve("idx");
    org.apache.lucene.analysis.Analyzer text = dev.lede.index.NewsAnalyzers.text(dev.lede.index.NewsAnalyzers.Stemmer.PORTER);
    org.apache.lucene.analysis.Analyzer exact = dev.lede.index.NewsAnalyzers.exact();
    org.apache.lucene.analysis.Analyzer v2 = new org.apache.lucene.analysis.DelegatingAnalyzerWrapper(
        org.apache.lucene.analysis.Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected org.apache.lucene.analysis.Analyzer getWrappedAnalyzer(String field) {
        return field.equals("exact") || field.equals("headline_exact") ? exact : text;
      }
    };
    try (FSDirectory d = FSDirectory.open(idx); IndexWriter w = new IndexWriter(d, new IndexWriterConfig(v2))) {
      for (int i = 0; i < 3; i++) {
        dev.lede.article.Article a = dev.lede.article.Article.builder().id("v2-" + i).headline("Ferry crews strikes on day " + i)
            .body(List.of("Crossings were cancelled while the strikes went on.", "Shops ran short as the strikes went into a second week.",
                "Talks resumed, and the strikes went on regardless.").get(i)).source("example.org").build();
        org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
        doc.add(new org.apache.lucene.document.StringField("id", a.id(), org.apache.lucene.document.Field.Store.YES));
        doc.add(new org.apache.lucene.document.SortedDocValuesField("id", new org.apache.lucene.util.BytesRef(a.id())));
        for (String field : List.of("headline", "text", "headline_exact", "exact")) {
          doc.add(new org.apache.lucene.document.TextField(field, a.headline(), org.apache.lucene.document.Field.Store.NO));
        }
        for (String field : List.of("body", "text", "exact")) {
          doc.add(new org.apache.lucene.document.TextField(field, a.body(), org.apache.lucene.document.Field.Store.NO));
        }
        doc.add(new org.apache.lucene.document.StringField("story", a.id(), org.apache.lucene.document.Field.Store.YES));
        doc.add(new org.apache.lucene.document.SortedDocValuesField("story", new org.apache.lucene.util.BytesRef(a.id())));
        doc.add(new org.apache.lucene.document.StoredField("original",
            new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(dev.lede.index.StoredArticles.toJson(a))));
        w.addDocument(doc);
      }
      Map<String, String> data = new HashMap<>();
      data.put("lede.schema", "2");
      data.put("lede.analysis.text", text.toString());
      data.put("lede.analysis.exact", exact.toString());
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
    IndexUnavailableException old = assertThrows(IndexUnavailableException.class,
        () -> NewsIndex.openExisting(idx, IndexOptions.defaults().withReadOnly(true)));
    assertEquals(IndexUnavailableException.Reason.SCHEMA_MISMATCH, old.reason());
    assertTrue(old.getMessage().endsWith("was written by Lede schema v2, this Lede uses v" + dev.lede.index.Schema.VERSION + ": run `lede reindex`"), old.getMessage());

    ReindexReport r = NewsIndex.reindex(idx);
    assertEquals(3, r.ingest().added(), r.toString());
    assertEquals(3, count(idx, "strike"));
    assertEquals(3, count(idx, "\"strikes went\""));
    assertEquals(0, count(idx, "\"striking\""));
    try (FSDirectory d = FSDirectory.open(Generations.resolve(idx).liveDir())) {
      assertEquals(Integer.toString(dev.lede.index.Schema.VERSION), SegmentInfos.readLatestCommit(d).getUserData().get("lede.schema"));
    }
  }

  @Test
  void reindexFailsAtOnceWhileAWriterHoldsTheIndex(@TempDir Path dir) {
    Path idx = flatIndex(dir, 3);
    try (NewsIndex writer = NewsIndex.open(idx)) {
      IndexUnavailableException e = assertThrows(IndexUnavailableException.class, () -> NewsIndex.reindex(idx));
      assertEquals(IndexUnavailableException.Reason.LOCKED, e.reason());
    }
    NewsIndex.reindex(idx);
    // and the other way round, on the generation now live
    try (NewsIndex writer = NewsIndex.open(idx)) {
      assertEquals("gen-000001", writer.stats().generation());
      assertThrows(IndexUnavailableException.class, () -> NewsIndex.reindex(idx));
    }
  }

  @Test
  void searchesDuringAReindexSeeOneWholeGenerationAndNeverFail(@TempDir Path dir) throws Exception {
    // Guards the switch: every search answers from all-old (40 "alpha") or all-new (55 "omega").
    Path idx = flatIndex(dir, 40);
    List<dev.lede.article.Article> replacement = IngestTest.articles("new", "omega", 55);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicLong searches = new AtomicLong();
    AtomicLong sawNew = new AtomicLong();
    try (NewsIndex reader = NewsIndex.openExisting(idx, IndexOptions.defaults().withReadOnly(true))) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        Thread th = new Thread(() -> {
          try {
            while (!stop.get()) {
              SearchResult r = reader.search(NewsQuery.builder("alpha OR omega").limit(100).collapse(false).build());
              boolean old = r.total() == 40 && r.hits().stream().allMatch(h -> h.id().startsWith("old"));
              boolean neu = r.total() == 55 && r.hits().stream().allMatch(h -> h.id().startsWith("new"));
              if (!old && !neu) {
                throw new AssertionError("mixed or partial result: total " + r.total() + ", ids "
                    + r.hits().stream().map(Hit::id).limit(5).toList());
              }
              if (neu) {
                sawNew.incrementAndGet();
              }
              searches.incrementAndGet();
              reader.refresh();
            }
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          }
        });
        th.start();
        threads.add(th);
      }
      NewsIndex.reindex(idx, ArticleSource.of(replacement), IndexOptions.defaults(), TWO, null);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (sawNew.get() < 10 && failure.get() == null && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      // a second switch, back, with the searches still running
      NewsIndex.rollback(idx);
      Thread.sleep(200);
      stop.set(true);
      for (Thread th : threads) {
        th.join();
      }
      if (failure.get() != null) {
        throw new AssertionError("a search failed during the reindex", failure.get());
      }
      assertTrue(sawNew.get() >= 10, "searches never saw the new generation");
      assertTrue(searches.get() > sawNew.get(), "searches never saw the old generation");
      assertEquals(40, reader.search(NewsQuery.builder("alpha").limit(1).build()).total());
    }
  }

  @Test
  void refreshesRacingAGenerationSwitchNeverFail(@TempDir Path dir) throws Exception {
    // A refresh that read the generation just before another thread's refresh switched and closed
    // it must not fail: the newer generation's searchers are fresh already.
    Path idx = flatIndex(dir, 10);
    List<dev.lede.article.Article> replacement = IngestTest.articles("new", "omega", 12);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try (NewsIndex reader = NewsIndex.openExisting(idx, IndexOptions.defaults().withReadOnly(true))) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread th = new Thread(() -> {
          try {
            while (!stop.get()) {
              reader.refresh();
            }
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          }
        });
        th.start();
        threads.add(th);
      }
      for (int round = 0; round < 6 && failure.get() == null; round++) {
        NewsIndex.reindex(idx, ArticleSource.of(replacement), IndexOptions.defaults(), TWO, null);
        Thread.sleep(50);
        NewsIndex.rollback(idx);
        Thread.sleep(50);
      }
      stop.set(true);
      for (Thread th : threads) {
        th.join();
      }
      if (failure.get() != null) {
        throw new AssertionError("a refresh failed during generation switches", failure.get());
      }
      reader.refresh();
      assertEquals(10, reader.search(NewsQuery.builder("alpha").limit(1).build()).total());
    }
  }

  @Test
  void killedReindexLeavesTheLiveGenerationServing(@TempDir Path dir) throws Exception {
    // More kills: -Dlede.reindex.kills=50 (and -Dlede.reindex.seed=N to vary the moments).
    int kills = Integer.getInteger("lede.reindex.kills", 3);
    Random random = new Random(Long.getLong("lede.reindex.seed", 7));
    Path idx = flatIndex(dir, 60);
    String java = ProcessHandle.current().info().command().orElse("java");
    for (int k = 0; k < kills; k++) {
      Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ReindexChild.class.getName(), idx.toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
      Thread.sleep(300 + random.nextInt(2500));
      child.destroyForcibly(); // SIGKILL on Linux and macOS
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      assertEquals(60, count(idx, "alpha"), "after kill " + (k + 1));
    }
    ReindexReport r = NewsIndex.reindex(idx);
    assertEquals(60, r.ingest().added());
    assertEquals(60, count(idx, "alpha"));
    Generations.Pointer p = Generations.resolve(idx);
    List<String> expected = new ArrayList<>(List.of(p.live()));
    if (!p.previous().equals(".")) {
      expected.add(0, p.previous());
    }
    assertEquals(expected, Generations.generations(idx), "leftovers of killed reindexes were not removed");
  }

  private static boolean hasSegments(Path dir) {
    try (var files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("segments_"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aWriterOpenedOnAGenerationIndexWritesToTheLiveGeneration(@TempDir Path dir) {
    Path idx = flatIndex(dir, 4);
    NewsIndex.reindex(idx);
    try (NewsIndex index = NewsIndex.open(idx)) {
      index.upsert(IngestTest.article("later", "alpha", 99));
    }
    assertTrue(Files.exists(idx.resolve("gen-000001").resolve("boilerplate.json")));
    assertEquals(5, count(idx, "alpha"));
  }
}
