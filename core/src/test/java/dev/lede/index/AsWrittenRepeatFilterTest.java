package dev.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

/** The index chain makes the very tokens it made with Lucene's {@link KeywordRepeatFilter}, every attribute alike. */
class AsWrittenRepeatFilterTest {
  /** The index chain as it was: Lucene's repeat filter, the stemmer, then the marking of the keyword copy. */
  private static final Analyzer BEFORE = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream ts = new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)));
      ts = new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      ts = new AsWrittenFilter(new PorterStemFilter(new KeywordRepeatFilter(ts)), false);
      return new TokenStreamComponents(source, ts);
    }
  };

  private static final Analyzer NOW = NewsAnalyzers.indexed(NewsAnalyzers.Stemmer.PORTER);

  private static List<String> attributes(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(Schema.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      KeywordAttribute keyword = ts.addAttribute(KeywordAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + "/" + inc.getPositionIncrement() + "/" + len.getPositionLength() + "/" + offset.startOffset() + "-"
            + offset.endOffset() + "/" + type.type() + "/" + keyword.isKeyword());
      }
      ts.end();
      out.add("end/" + inc.getPositionIncrement() + "/" + offset.endOffset());
    }
    return out;
  }

  @Test
  void theSampleCorpusGivesTheSameTokens() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("..", "sample-corpus"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        assertEquals(attributes(BEFORE, text), attributes(NOW, text), f.toString());
      }
    }
  }

  @Test
  void randomTextGivesTheSameTokens() throws IOException {
    Random random = new Random(14);
    String alphabet = "aeiou strkSTRK'’.-é中1 \n\u00e9\u0301";
    for (int i = 0; i < 500; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(i < 10 ? 600 : 60);
      for (int k = 0; k < n; k++) {
        sb.append(random.nextInt(50) == 0 ? "x".repeat(random.nextInt(300)) : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
      }
      String text = sb.toString();
      assertEquals(attributes(BEFORE, text), attributes(NOW, text), text);
    }
  }

  @Test
  void aReusedStreamForgetsAWordLeftHalfEmitted() throws IOException {
    try (TokenStream ts = NOW.tokenStream(Schema.BODY, "strikes")) {
      ts.reset();
      ts.incrementToken(); // the marked copy; the stem is still to come when the stream is closed
    }
    assertEquals(attributes(BEFORE, "rail"), attributes(NOW, "rail"));
  }
}
