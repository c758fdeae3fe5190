package dev.lede.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Emits each word twice, as {@link KeywordRepeatFilter} followed by {@link AsWrittenFilter} would:
 * first its form as written, marked ({@code =strikes}) and flagged as a keyword so that the stemmer
 * after this filter leaves it alone, then the word itself at the same position (increment 0) for
 * the stemmer to stem.
 *
 * <p>Unlike {@link KeywordRepeatFilter} it does not capture and restore every attribute between
 * the two copies: it keeps the word's chars in a buffer of its own and changes only the term, the
 * position increment and the keyword flag, the three attributes that differ. It must therefore be
 * followed only by filters that change nothing else of a keyword token (a stemmer), which is how
 * {@link NewsAnalyzers} uses it. The saved state's clone showed in ingest profiles.
 */
public final class AsWrittenRepeatFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private char[] word = new char[32];
  private int length = -1; // -1: no word waiting for its second copy

  public AsWrittenRepeatFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (length >= 0) {
      term.copyBuffer(word, 0, length);
      increment.setPositionIncrement(0);
      keyword.setKeyword(false);
      length = -1;
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    int n = term.length();
    if (word.length < n) {
      word = new char[Math.max(n, word.length * 2)];
    }
    char[] buf = term.buffer();
    System.arraycopy(buf, 0, word, 0, n);
    length = n;
    buf = term.resizeBuffer(n + 1);
    System.arraycopy(buf, 0, buf, 1, n);
    buf[0] = AsWrittenFilter.MARK;
    term.setLength(n + 1);
    keyword.setKeyword(true);
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    length = -1;
  }
}
