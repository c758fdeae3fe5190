package dev.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class AsWrittenFilterTest {
  /** term/increment/start-end of each token. */
  private static List<String> stream(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(Schema.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + "/" + inc.getPositionIncrement() + "/" + offset.startOffset() + "-" + offset.endOffset());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void theIndexChainKeepsEachStemAndItsMarkedFormAtOnePosition() throws IOException {
    // "The" and "of" are stop words: gaps of one position each, no form as written.
    assertEquals(List.of("=strikes/2/4-11", "strike/0/4-11", "=zurich/2/15-21", "zurich/0/15-21"),
        stream(NewsAnalyzers.indexed(NewsAnalyzers.Stemmer.PORTER), "The Strikes of Zürich"));
  }

  @Test
  void aWordWhoseStemIsItselfStillHasBothTerms() throws IOException {
    assertEquals(List.of("=rail/1/0-4", "rail/0/0-4"), stream(NewsAnalyzers.indexed(NewsAnalyzers.Stemmer.PORTER), "Rail"));
    assertEquals(List.of("=running/1/0-7", "running/0/0-7"), stream(NewsAnalyzers.indexed(NewsAnalyzers.Stemmer.NONE), "running"));
  }

  @Test
  void theQueryChainMarksEveryWordAndKeepsTheGaps() throws IOException {
    assertEquals(List.of("=strikes/2/4-11", "=zurich/2/15-21"), stream(NewsAnalyzers.asWritten(), "The Strikes of Zürich"));
  }

  @Test
  void markIsAddedToTermsOfAnyLength() throws IOException {
    String longWord = "a".repeat(300); // the standard tokenizer splits at 255
    List<String> tokens = Tokens.tokens(NewsAnalyzers.asWritten(), Schema.BODY, longWord + " é");
    assertEquals(List.of("=" + "a".repeat(255), "=" + "a".repeat(45), "=e"), tokens);
    assertEquals("=x", AsWrittenFilter.mark("x"));
    assertEquals(true, AsWrittenFilter.isMarked("=x"));
    assertEquals(false, AsWrittenFilter.isMarked("x"));
  }
}
