package dev.lede.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.NewsIndex;
import dev.lede.UpsertOutcome;
import dev.lede.article.Article;
import dev.lede.search.Hit;
import dev.lede.search.IndexStats;
import dev.lede.search.NewsQuery;
import dev.lede.search.SearchResult;
import dev.lede.search.Syntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the harness drives Lede's API, checked against a scripted index that records what it was asked. */
class LedeSystemTest {
  /** Holds 2,500 hits with descending scores and serves them a page at a time by cursor. */
  static final class ScriptedIndex implements NewsIndex {
    final List<Article> upserted = new ArrayList<>();
    final List<NewsQuery> queries = new ArrayList<>();
    boolean refreshed;
    static final int TOTAL = 2500;

    @Override
    public UpsertOutcome upsert(Article article) {
      upserted.add(article);
      return UpsertOutcome.ADDED;
    }

    @Override
    public SearchResult search(NewsQuery query) {
      queries.add(query);
      int from = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
      int to = Math.min(TOTAL, from + Math.min(query.limit(), 400));
      List<Hit> hits = new ArrayList<>();
      for (int i = from; i < to; i++) {
        hits.add(new Hit("d" + i, TOTAL - i, "", null, null, null, null, null, null, null, null, null, 0));
      }
      return new SearchResult(query.text(), TOTAL, hits, null, to < TOTAL ? String.valueOf(to) : null, null);
    }

    @Override
    public void refresh() {
      refreshed = true;
    }

    @Override
    public boolean delete(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Article> get(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void commit() {}

    @Override
    public SearchResult similar(String id, NewsQuery constraints) {
      throw new UnsupportedOperationException();
    }

    @Override
    public IndexStats stats() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  @Test
  void indexesTitleAsHeadlineAndTextAsBodySkippingEmptyDocuments() {
    ScriptedIndex index = new ScriptedIndex();
    try (LedeSystem lede = new LedeSystem("lede", () -> index)) {
      lede.index(List.of(new EvalDocument("1", "Title", "Body text."), new EvalDocument("2", "", ""),
          new EvalDocument("3", "", "Only a body.")));
      assertEquals(1, lede.skipped());
    }
    assertEquals(2, index.upserted.size());
    Article first = index.upserted.getFirst();
    assertEquals("1", first.id());
    assertEquals("Title", first.headline());
    assertEquals("Body text.", first.body());
    assertEquals("Only a body.", index.upserted.get(1).body());
    assertTrue(index.refreshed, "hits must be visible before the first query");
  }

  @Test
  void pagesByCursorUntilTheDepthWithoutDuplicates() {
    ScriptedIndex index = new ScriptedIndex();
    try (LedeSystem lede = new LedeSystem("lede", () -> index)) {
      lede.index(List.of(new EvalDocument("1", "t", "x")));
      List<ScoredDoc> ranking = lede.search(new EvalQuery("q", "RUSSIA OR A FOUR-POWER \"SUMMIT"), 1000);
      assertEquals(1000, ranking.size());
      assertEquals("d0", ranking.getFirst().docId());
      assertEquals("d999", ranking.getLast().docId());
      assertEquals(1000, ranking.stream().map(ScoredDoc::docId).distinct().count());
    }
    // The scripted index gives at most 400 a page: three requests, the query text passed untouched.
    assertEquals(3, index.queries.size());
    NewsQuery q = index.queries.getFirst();
    assertEquals("RUSSIA OR A FOUR-POWER \"SUMMIT", q.text());
    assertEquals(Syntax.SIMPLE, q.syntax());
    assertFalse(q.collapse(), "syndicated-copy collapsing would drop judged documents");
    assertFalse(q.highlight());
  }

  @Test
  void stopsWhenTheIndexHasNoMoreHits() {
    ScriptedIndex index = new ScriptedIndex();
    try (LedeSystem lede = new LedeSystem("lede", () -> index)) {
      lede.index(List.of(new EvalDocument("1", "t", "x")));
      assertEquals(ScriptedIndex.TOTAL, lede.search(new EvalQuery("q", "x"), 5000).size());
    }
  }
}
