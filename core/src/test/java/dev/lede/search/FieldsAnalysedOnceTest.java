package dev.lede.search;

import static dev.lede.search.NewsIndexTest.article;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lede.NewsIndex;
import dev.lede.article.Article;
import dev.lede.index.NewsAnalyzers;
import dev.lede.index.Schema;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Headline, lead and body are analysed once: stems for word queries and forms as written for
 * phrases and prefixes live in the same field (schema v4). Made-up text.
 */
class FieldsAnalysedOnceTest {
  private static final List<Article> ARTICLES = List.of(
      article("strikes", "Dock strikes spread", "Crews at Marlow Sound stopped work.", "The strikes of Zurich dockers went on.", "example.org",
          "2025-06-02"),
      article("striking", "A striking view of the harbour", "Painters came to Marlow Sound.", "The light was remarkable.", "example.net",
          "2025-06-03"),
      article("strike", "Union calls a strike", "Members voted on Monday.", "The strike starts next week at the docks.", "example.com",
          "2025-06-04"));

  private static Set<String> ids(NewsIndex index, String text, Syntax syntax) {
    return index.search(NewsQuery.builder(text).syntax(syntax).collapse(false).build()).hits().stream().map(Hit::id)
        .collect(Collectors.toSet());
  }

  @Test
  void aWordMatchesItsStemAQuotedWordOnlyAsWritten() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      index.upsertAll(ARTICLES);
      index.commit();
      for (Syntax syntax : Syntax.values()) {
        // Porter gives "strike" for all three words
        assertEquals(Set.of("strikes", "striking", "strike"), ids(index, "strikes", syntax), syntax.toString());
        assertEquals(Set.of("strikes"), ids(index, "\"strikes\"", syntax), syntax.toString());
        assertEquals(Set.of("striking"), ids(index, "\"striking\"", syntax), syntax.toString());
        // a phrase as written, with stop words as gaps, in any of the three fields
        assertEquals(Set.of("strikes"), ids(index, "\"strikes of zurich\"", syntax), syntax.toString());
        assertEquals(Set.of("strikes", "striking"), ids(index, "\"marlow sound\"", syntax), syntax.toString());
        // a prefix walks the words as written only: "strik" is no one's word, but "strike" is a stem
        assertEquals(Set.of("strikes", "striking", "strike"), ids(index, "strik*", syntax), syntax.toString());
        assertEquals(Set.of("strikes"), ids(index, "headline:\"dock strikes\"", syntax), syntax.toString());
      }
      // only stop words: the index keeps none, so nothing matches (not everything)
      assertEquals(Set.of(), ids(index, "to be or not to be", Syntax.SIMPLE));
    }
  }

  /**
   * BM25 divides a field's length by its average, which Lucene takes from the total term count:
   * the stacked forms as written count in both, so that each article keeps the ratio it had with
   * one stemmed token a word (counted in the length only, they would make every article look half
   * as long as the average).
   */
  @Test
  void theFieldLengthIsTwiceTheStemmedLengthLikeItsAverage() throws Exception {
    String text = "The strikes of Zurich dockers went on and on";
    long[] norms = new long[2];
    int i = 0;
    for (var analyzer : List.of(NewsAnalyzers.indexed(NewsAnalyzers.Stemmer.PORTER), NewsAnalyzers.text(NewsAnalyzers.Stemmer.PORTER))) {
      try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(Schema.similarity(1.2f, 0.75f)))) {
          Document d = new Document();
          d.add(new TextField(Schema.BODY, text, Field.Store.NO));
          w.addDocument(d);
        }
        try (DirectoryReader r = DirectoryReader.open(dir)) {
          LeafReader leaf = r.leaves().get(0).reader();
          NumericDocValues n = leaf.getNormValues(Schema.BODY);
          n.advanceExact(0);
          norms[i++] = org.apache.lucene.util.SmallFloat.byte4ToInt((byte) n.longValue());
          assertEquals(norms[i - 1], leaf.getSumTotalTermFreq(Schema.BODY), "length and total count the same tokens");
        }
      }
    }
    assertEquals(4, norms[1], "strike zurich docker went: the, of, on and and are stop words");
    assertEquals(2 * norms[1], norms[0], "each word's stem and its form as written");
  }

  @Test
  void didYouMeanSuggestsAWordAsWritten() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      index.upsertAll(ARTICLES);
      index.commit();
      SearchResult r = index.search(NewsQuery.builder("dockrs").build());
      assertEquals("dockers", r.didYouMean());
    }
  }
}
