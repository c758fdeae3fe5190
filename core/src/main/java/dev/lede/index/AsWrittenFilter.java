package dev.lede.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Marks a word's form as written with {@link #MARK} in front ({@code strikes} becomes {@code =strikes}),
 * so that one field holds both a word's stem and its form as written, at the same position.
 *
 * <p>In the index chain it follows Lucene's {@link KeywordRepeatFilter} and the stemmer: the repeat
 * emits each word twice, the keyword copy (which no stemmer touches) first, and this filter marks
 * that copy. The stem then sits at the same position with an increment of 0, which BM25's length
 * normalisation does not count, so a field's norm is its stemmed length. In a query chain with
 * {@code every} set, it marks every token: the words of a phrase as written.
 */
public final class AsWrittenFilter extends TokenFilter {
  /** What a term as written starts with; the standard tokenizer never starts a word with it. */
  public static final char MARK = '=';

  private final boolean every;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

  /** Marks the keyword tokens only ({@code every} false) or every token. */
  public AsWrittenFilter(TokenStream in, boolean every) {
    super(in);
    this.every = every;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (every || keyword.isKeyword()) {
      int n = term.length();
      char[] buf = term.resizeBuffer(n + 1);
      System.arraycopy(buf, 0, buf, 1, n);
      buf[0] = MARK;
      term.setLength(n + 1);
    }
    return true;
  }

  /** The term of a word's form as written: {@code =word}. */
  public static String mark(String word) {
    return MARK + word;
  }

  /** Whether a term is a form as written. */
  public static boolean isMarked(String term) {
    return !term.isEmpty() && term.charAt(0) == MARK;
  }
}
