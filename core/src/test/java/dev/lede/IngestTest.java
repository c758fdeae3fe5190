package dev.lede;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import dev.lede.read.ArticleSource;
import dev.lede.read.InputFormat;
import dev.lede.read.Rejection;
import dev.lede.search.NewsQuery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest pipeline: incremental counts, pruning and its refusal, many threads writing one index. */
class IngestTest {
  private static final String[] WORDS = ("harbour council bridge tunnel railway minister budget election storm river "
      + "festival hospital school strike court airport museum market farmers energy water police housing science")
      .split(" ");

  /** An article whose body is distinct enough that no two of them form a story. */
  static Article article(String id, String marker, long seed) {
    Random r = new Random(seed * 7919 + id.hashCode());
    StringBuilder body = new StringBuilder(marker).append(' ');
    for (int i = 0; i < 80; i++) {
      body.append(WORDS[r.nextInt(WORDS.length)]).append(r.nextInt(1000)).append(' ');
    }
    return Article.builder().id(id).source("wire.example").published(Instant.parse("2024-05-01T08:00:00Z").plusSeconds(seed * 60))
        .headline(marker + " report " + id).body(body.toString()).build();
  }

  static List<Article> articles(String prefix, String marker, int n) {
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(article(prefix + i, marker, i));
    }
    return out;
  }

  static IngestOptions threads(int n) {
    return IngestOptions.defaults().withThreads(n);
  }

  @Test
  void secondRunOfTheSameInputIsAllUnchangedAndChangesAreReplaced() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      List<Article> first = articles("a", "alpha", 30);
      IngestReport r1 = index.ingest(ArticleSource.of(first), threads(2), null);
      assertEquals(30, r1.read());
      assertEquals(30, r1.added());
      assertEquals(0, r1.replaced() + r1.unchanged());

      IngestReport r2 = index.ingest(ArticleSource.of(first), threads(2), null);
      assertEquals(30, r2.unchanged());
      assertEquals(0, r2.added() + r2.replaced());

      List<Article> third = new ArrayList<>(first);
      for (int i = 0; i < 3; i++) {
        third.set(i, article("a" + i, "alpha changed", 1000 + i));
      }
      third.add(article("new1", "alpha", 5000));
      IngestReport r3 = index.ingest(ArticleSource.of(third), threads(2), null);
      assertEquals(3, r3.replaced());
      assertEquals(27, r3.unchanged());
      assertEquals(1, r3.added());
      assertEquals(31, index.stats().articles());
      assertEquals(3, index.search(NewsQuery.builder("changed").limit(50).build()).total());
    }
  }

  @Test
  void manyThreadsIndexTheSameAsOne() {
    // Guards the narrowed lock: parallel writers must not lose, duplicate or mis-story an article.
    List<Article> input = new ArrayList<>(articles("p", "alpha", 120));
    Article original = article("dup-0", "alpha", 9000);
    input.add(original);
    input.add(Article.builder().id("dup-1").source("other.example").published(original.published().plusSeconds(60))
        .headline("A copy").body(original.body()).build());
    Collections.shuffle(input, new Random(42));
    try (NewsIndex one = NewsIndex.inMemory(); NewsIndex four = NewsIndex.inMemory()) {
      IngestReport r1 = one.ingest(ArticleSource.of(input), threads(1), null);
      IngestReport r4 = four.ingest(ArticleSource.of(input), threads(4), null);
      assertEquals(122, r4.added());
      assertEquals(r1.added(), r4.added());
      assertEquals(1, r4.exactDuplicates());
      assertEquals(122, four.stats().articles());
      assertEquals(one.story("dup-1").orElseThrow().id(), four.story("dup-1").orElseThrow().id());
      assertEquals("dup-0", four.story("dup-1").orElseThrow().id());
    }
  }

  @Test
  void aLaterCopyOfAnIdInTheSameInputWins() {
    List<Article> input = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < 20; i++) {
        input.add(article("s" + i, "round" + round, round * 100 + i));
      }
    }
    try (NewsIndex index = NewsIndex.inMemory()) {
      IngestReport r = index.ingest(ArticleSource.of(input), threads(4), null);
      assertEquals(20, r.added(), r.toString());
      assertEquals(80, r.replaced());
      assertEquals(20, index.search(NewsQuery.builder("round4").limit(50).build()).total());
      assertEquals(0, index.search(NewsQuery.builder("round3").limit(50).build()).total());
    }
  }

  @Test
  void pruneDeletesWhatTheInputNoLongerHas(@TempDir Path dir) {
    try (NewsIndex index = NewsIndex.open(dir.resolve("idx"))) {
      index.ingest(ArticleSource.of(articles("a", "alpha", 20)), threads(2), null);
      IngestReport r = index.ingest(ArticleSource.of(articles("a", "alpha", 15)), threads(2).withPrune(true), null);
      assertEquals(15, r.unchanged());
      assertEquals(5, r.pruned());
      assertNull(r.pruneRefused());
      assertEquals(15, index.stats().articles());
      assertTrue(index.get("a15").isEmpty());
      assertTrue(index.get("a14").isPresent());
    }
  }

  @Test
  void pruneIsRefusedWhenARecordCouldNotBeRead(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("feed.jsonl");
    Files.writeString(input, "{\"id\":\"k1\",\"headline\":\"Kept\",\"body\":\"one\"}\n{\"id\":\"k2\",\"headline\":\n",
        StandardCharsets.UTF_8);
    try (NewsIndex index = NewsIndex.open(dir.resolve("idx"))) {
      index.ingest(ArticleSource.of(articles("a", "alpha", 5)), threads(1), null);
      List<Rejection> heard = Collections.synchronizedList(new ArrayList<>());
      IngestReport r = index.ingest(ArticleSource.files(List.of(input), InputFormat.AUTO), threads(1).withPrune(true),
          new IngestListener() {
            @Override
            public void rejected(Rejection rejection) {
              heard.add(rejection);
            }
          });
      assertEquals(1, r.rejected());
      assertEquals(1, heard.size());
      assertTrue(heard.get(0).toString().startsWith(input + " line 2"), heard.get(0).toString());
      assertEquals(0, r.pruned());
      assertEquals("1 record could not be read, so the input is not complete: nothing was pruned", r.pruneRefused());
      assertEquals(6, index.stats().articles());
      assertFalse(index.get("a0").isEmpty());
    }
  }
}
