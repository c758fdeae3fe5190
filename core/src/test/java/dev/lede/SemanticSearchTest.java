package dev.lede;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import dev.lede.search.Facet;
import dev.lede.search.FacetCount;
import dev.lede.search.Hit;
import dev.lede.search.NewsQuery;
import dev.lede.search.SearchMode;
import dev.lede.search.SearchResult;
import dev.lede.vector.WordHashEmbedder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Semantic and hybrid search through the index, with a stand-in model (WordHashEmbedder): no model file is loaded. */
class SemanticSearchTest {
  @TempDir Path dir;

  private static Article article(String id, String source, String headline, String body) {
    return Article.builder().id(id).source(source).headline(headline).body(body).published(Instant.parse("2025-01-01T00:00:00Z"))
        .build();
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  private static void fill(NewsIndex index) {
    index.upsert(article("car", "a.com", "Car sales rise in March", "Dealers sold more cars than last year."));
    index.upsert(article("auto", "b.com", "Automobile makers cut prices", "The motorcar industry faces a price war."));
    index.upsert(article("rain", "a.com", "Rain floods the valley", "Rivers burst their banks after a week of storms."));
    index.upsert(article("vote", "b.com", "Parliament votes on the budget", "Members debated until midnight."));
    index.commit();
  }

  @Test
  void hybridFindsByMeaningWithinFiltersAndCountsLexicalPlusNearest() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      index.enableSemantic(1, null);
      fill(index);
      assertEquals(WordHashEmbedder.ID, index.semanticModel());
      NewsQuery lexical = NewsQuery.builder("car").mode(SearchMode.LEXICAL).collapse(false).build();
      assertEquals(List.of("car"), ids(index.search(lexical)));
      // the default on an index with vectors is hybrid: the automobile article is found by meaning
      SearchResult hybrid = index.search(NewsQuery.builder("car").collapse(false).facet(Facet.SOURCE).build());
      assertEquals("car", hybrid.hits().get(0).id(), "the lexical and vector match first");
      assertTrue(ids(hybrid).contains("auto"), ids(hybrid).toString());
      // totals and facets count the lexical matches plus the k nearest: with 4 articles and k = 100, all of them
      assertEquals(4, hybrid.total());
      long counted = hybrid.facets().get(Facet.SOURCE).stream().mapToLong(FacetCount::count).sum();
      assertEquals(hybrid.total(), counted);
      // filters hold in every mode
      SearchResult filtered = index.search(NewsQuery.builder("car").source("b.com").mode(SearchMode.SEMANTIC).collapse(false).build());
      assertEquals("auto", filtered.hits().get(0).id());
      assertTrue(filtered.hits().stream().allMatch(h -> h.source().equals("b.com")));
    }
  }

  @Test
  void cursorsPageThroughAHybridResultAsOneLongPage() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      index.enableSemantic(1, null);
      for (int i = 0; i < 30; i++) {
        index.upsert(article("a" + i, "s" + (i % 3) + ".com", "Car report " + i, "cars ".repeat(i % 7 + 1) + "and trucks " + i));
      }
      index.commit();
      NewsQuery q = NewsQuery.builder("car trucks").mode(SearchMode.HYBRID).collapse(false).limit(30).build();
      List<String> whole = ids(index.search(q));
      List<String> paged = new ArrayList<>();
      NewsQuery page = q.toBuilder().limit(7).build();
      while (true) {
        SearchResult r = index.search(page);
        paged.addAll(ids(r));
        if (r.next() == null) {
          break;
        }
        page = page.toBuilder().after(r.next()).build();
      }
      assertEquals(whole, paged);
    }
  }

  @Test
  void blankTextGetsNoVectorAndABlankQueryFallsBackToLexical() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      index.enableSemantic(1, null);
      index.upsert(article("dots", "a.com", "...", "— — —"));
      index.upsert(article("car", "a.com", "Car sales rise", "Dealers sold more cars."));
      index.commit();
      assertEquals(2, index.search(NewsQuery.builder("").mode(SearchMode.HYBRID).build()).total());
      assertEquals(List.of("car"), ids(index.search(NewsQuery.builder("car ...").mode(SearchMode.LEXICAL).build())));
      SearchResult r = index.search(NewsQuery.builder("!!!").mode(SearchMode.SEMANTIC).collapse(false).build());
      assertEquals(ids(index.search(NewsQuery.builder("!!!").mode(SearchMode.LEXICAL).collapse(false).build())), ids(r),
          "a query without words has no vector: it runs as lexical");
    }
  }

  @Test
  void anOldArticleWithoutVectorsIsStillFoundAndHasRelatedArticles() {
    Path idx = dir.resolve("idx");
    try (NewsIndex index = NewsIndex.open(idx)) {
      fill(index); // semantic off: no vectors
    }
    try (LuceneNewsIndex index = (LuceneNewsIndex) NewsIndex.open(idx)) {
      assertNull(index.semanticModel());
      index.useVectors(WordHashEmbedder.ID); // on, without vectorising what is there
      index.upsert(article("new", "c.com", "Cars and automobiles", "A new vehicle for the city."));
      index.commit();
      SearchResult r = index.search(NewsQuery.builder("car").mode(SearchMode.HYBRID).collapse(false).build());
      assertTrue(ids(r).contains("car"), "found lexically: " + ids(r));
      assertTrue(ids(r).contains("new"), "found both ways: " + ids(r));
      // related articles: more-like-this while no other article has vectors
      List<String> related = ids(index.similar("new", NewsQuery.builder("").build()));
      assertFalse(related.contains("new"));
      assertTrue(related.contains("car"), related.toString());
      index.upsert(article("new2", "c.com", "The automobile show", "Every new car of the year on show."));
      index.commit();
      assertEquals("new2", ids(index.similar("new", NewsQuery.builder("").build())).get(0), "then the nearest vectors");
    }
    try (NewsIndex index = NewsIndex.openExisting(idx)) {
      assertEquals(WordHashEmbedder.ID, index.semanticModel(), "recorded in the commit");
    }
  }

  @Test
  void aReaderBesideTheWriterFollowsEnableAndDisable() {
    Path idx = dir.resolve("idx");
    try (NewsIndex writer = NewsIndex.open(idx)) {
      fill(writer);
      try (NewsIndex reader = NewsIndex.openExisting(idx, IndexOptions.defaults().withReadOnly(true))) {
        assertEquals(List.of("car"), ids(reader.search(NewsQuery.builder("car").collapse(false).build())));
        writer.enableSemantic(1, null);
        reader.refresh();
        assertEquals(WordHashEmbedder.ID, reader.semanticModel());
        assertTrue(ids(reader.search(NewsQuery.builder("car").collapse(false).build())).contains("auto"), "hybrid now");
        writer.disableSemantic();
        reader.refresh();
        assertNull(reader.semanticModel());
        assertEquals(List.of("car"), ids(reader.search(NewsQuery.builder("car").collapse(false).build())));
      }
    }
  }

  @Test
  void copiesOfOneTextAreReadByTheModelOnceAndShareItsVectors() throws Exception {
    Path idx = dir.resolve("idx");
    String body = "Dealers sold more cars than last year, and the trade expects as many next spring when prices fall.";
    try (NewsIndex index = NewsIndex.open(idx)) {
      index.enableSemantic(1, null);
      long before = WordHashEmbedder.DOCUMENTS.get();
      List<Article> wire = List.of(article("wire-1", "a.com", "Car sales rise", body), article("wire-2", "b.com", "Car sales rise", body),
          article("rain", "a.com", "Rain floods the valley", "Rivers burst their banks after a week of storms."));
      index.ingest(dev.lede.read.ArticleSource.of(wire), IngestOptions.defaults().withThreads(2), null);
      assertEquals(before + 2, WordHashEmbedder.DOCUMENTS.get(), "two texts, two model runs (the copy waits for or reuses the first)");
    }
    try (NewsIndex index = NewsIndex.open(idx)) {
      long before = WordHashEmbedder.DOCUMENTS.get();
      index.upsert(article("wire-3", "c.com", "Car sales rise", body)); // a later run: nothing remembered, found in the index
      index.commit();
      assertEquals(before, WordHashEmbedder.DOCUMENTS.get(), "a copy of an indexed text costs no model run");
    }
    try (var reader = org.apache.lucene.index.DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(idx))) {
      var s = new org.apache.lucene.search.IndexSearcher(reader);
      List<dev.lede.vector.ArticleVectors> vs = new ArrayList<>();
      for (String id : List.of("wire-1", "wire-2", "wire-3")) {
        var top = s.search(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(dev.lede.index.Schema.ID, id)), 1);
        assertEquals(1, top.scoreDocs.length, id);
        vs.add(dev.lede.index.IndexedVectors.read(reader, top.scoreDocs[0].doc));
      }
      for (dev.lede.vector.ArticleVectors v : vs) {
        assertEquals(vs.get(0).key(), v.key());
        assertEquals(vs.get(0).chunks().size(), v.chunks().size());
        assertFalse(v.chunks().isEmpty());
        for (int i = 0; i < v.chunks().size(); i++) {
          assertTrue(java.util.Arrays.equals(vs.get(0).chunks().get(i), v.chunks().get(i)));
        }
      }
    }
  }

  @Test
  void enableReadsEachDistinctTextOnce() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      String body = "The central bank held its rate and said prices would ease before the summer ends.";
      for (int i = 0; i < 6; i++) {
        index.upsert(article("copy-" + i, "s" + i + ".com", "Rates held", body));
      }
      index.upsert(article("rain", "a.com", "Rain floods the valley", "Rivers burst their banks after a week of storms."));
      index.commit();
      long before = WordHashEmbedder.DOCUMENTS.get();
      assertEquals(7, index.enableSemantic(2, null).vectorized());
      assertEquals(before + 2, WordHashEmbedder.DOCUMENTS.get(), "seven articles, two texts");
    }
  }

  @Test
  void lexicalIndexRefusesSemanticModeAndReindexCarriesVectorsOver() {
    Path idx = dir.resolve("idx");
    try (NewsIndex index = NewsIndex.open(idx)) {
      fill(index);
      assertThrows(BadInputException.class, () -> index.search(NewsQuery.builder("car").mode(SearchMode.SEMANTIC).build()));
      SemanticReport r = index.enableSemantic(2, null);
      assertEquals(4, r.vectorized());
    }
    long made = WordHashEmbedder.DOCUMENTS.get();
    NewsIndex.reindex(idx);
    assertEquals(made, WordHashEmbedder.DOCUMENTS.get(), "same text, same model: no vector made again");
    try (NewsIndex index = NewsIndex.open(idx)) {
      assertEquals(WordHashEmbedder.ID, index.semanticModel());
      assertTrue(ids(index.search(NewsQuery.builder("car").mode(SearchMode.SEMANTIC).collapse(false).build())).contains("auto"));
      // an unchanged article re-fed costs nothing; a changed one gets new vectors
      index.upsert(article("car", "a.com", "Car sales rise in March", "Dealers sold more cars than last year."));
      index.upsert(article("vote", "b.com", "Parliament votes on the budget", "Members debated until dawn."));
      index.commit();
      assertEquals(made + 1, WordHashEmbedder.DOCUMENTS.get());
      assertEquals(0, index.enableSemantic(1, null).vectorized(), "every article has vectors already");
    }
  }

  @Test
  void killedEnableKeepsWhatItCommittedAndARunAgainFinishes() throws Exception {
    Path idx = dir.resolve("idx");
    try (NewsIndex index = NewsIndex.open(idx)) {
      for (int i = 0; i < 600; i++) {
        index.upsert(article("a" + i, "a.com", "Report number " + i, "Words about cars and rain " + i));
      }
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-Dlede.test.embedDelay=3", "-cp", System.getProperty("java.class.path"),
        SemanticEnableChild.class.getName(), idx.toString()).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      // wait for the first commit that did something, then kill
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("progress ") && !line.startsWith("progress 0 ")) {
          break;
        }
        assertFalse(line.equals("finished"), "the child finished before it could be killed");
      }
      child.destroyForcibly(); // SIGKILL on Linux and macOS
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
    try (NewsIndex index = NewsIndex.open(idx)) {
      assertEquals(600, index.stats().articles(), "nothing lost");
      SemanticReport r = index.enableSemantic(2, null);
      assertTrue(r.already() >= LuceneNewsIndex.ENABLE_BATCH, "the killed run's commits kept: " + r);
      assertEquals(600, r.already() + r.vectorized());
      assertEquals(600, index.search(NewsQuery.builder("cars").mode(SearchMode.HYBRID).collapse(false).build()).total());
    }
  }
}
