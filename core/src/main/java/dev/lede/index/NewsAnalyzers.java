package dev.lede.index;

import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * English news analysis, assembled from Lucene's own components.
 *
 * <p>Both chains: standard tokenizer (Unicode word breaks), possessives stripped ({@code Kim's},
 * {@code Kim’s} and {@code Kim＇s} all give {@code kim}: {@link EnglishPossessiveFilter} knows the
 * curly and full-width apostrophes), lower case, ASCII folding ({@code Zürich} matches {@code
 * zurich}). The {@link #text} chain then drops English stop words and stems; the {@link #exact}
 * chain does neither, so that quoted phrases and names match as written.
 *
 * <p>The {@link #indexed} chain is what the headline, lead and body are indexed with: the text chain
 * that also keeps each word's form as written beside its stem, at the same position, marked by
 * {@link AsWrittenFilter} ({@code =strikes} beside {@code strike}). One pass over the text serves
 * both ranked words and quoted phrases; the {@link #asWritten} chain makes a query's words as
 * written. Stop words have no form as written: a phrase keeps their positions as gaps.
 *
 * <p>For queries only, either chain can take a synonym map: Lucene's {@link SynonymGraphFilter}
 * then runs after the folding, before stop words and stemming, so that a rule is matched on the
 * words as a user types them and its replacements are stemmed like any query word. The filter makes
 * a token graph (a multi-word synonym spans the words it stands for), which Lucene's {@code
 * QueryBuilder} turns into phrases. Documents are never analysed with synonyms: changing the list
 * needs no reindex.
 */
public final class NewsAnalyzers {
  private NewsAnalyzers() {}

  /** The stemmers to choose from; chosen by measured quality (docs/evaluation.md). */
  public enum Stemmer {
    KSTEM,
    PORTER,
    MINIMAL,
    NONE;

    public static Stemmer parse(String name) {
      try {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown stemmer '" + name + "', expected one of kstem, porter, minimal, none");
      }
    }
  }

  /** The stemmed chain for ranked text fields, and for the stemmed words of a query. */
  public static Analyzer text(Stemmer stemmer) {
    return new Chain(stemmer, true, null);
  }

  /** The index chain of the headline, lead and body: each word's stem and its marked form as written. */
  public static Analyzer indexed(Stemmer stemmer) {
    return new Chain(stemmer, true, null, Marks.KEYWORDS);
  }

  /** A query's words as written, each marked, stop words left as gaps: phrases and prefixes on {@link #indexed} fields. */
  public static Analyzer asWritten() {
    return new Chain(Stemmer.NONE, true, null, Marks.EVERY);
  }

  /** {@link #asWritten()} with query-time synonyms (never for indexing). */
  public static Analyzer asWritten(SynonymMap synonyms) {
    return new Chain(Stemmer.NONE, true, synonyms, Marks.EVERY);
  }

  /** The stemmed chain with query-time synonyms (never for indexing). */
  public static Analyzer text(Stemmer stemmer, SynonymMap synonyms) {
    return new Chain(stemmer, true, synonyms);
  }

  /** The unstemmed chain with query-time synonyms (never for indexing). */
  public static Analyzer exact(SynonymMap synonyms) {
    return new Chain(Stemmer.NONE, false, synonyms);
  }

  /** The unstemmed chain, stop words kept, for exact phrases and names. */
  public static Analyzer exact() {
    return new Chain(Stemmer.NONE, false, null);
  }

  /** Which tokens a chain marks as written. */
  private enum Marks {
    NONE,
    /** Index: each word repeated, its unstemmed copy marked. */
    KEYWORDS,
    /** Query: every word, unstemmed. */
    EVERY
  }

  private static final class Chain extends Analyzer {
    private final Stemmer stemmer;
    private final boolean stopWords;
    private final SynonymMap synonyms; // null: none
    private final Marks marks;

    Chain(Stemmer stemmer, boolean stopWords, SynonymMap synonyms) {
      this(stemmer, stopWords, synonyms, Marks.NONE);
    }

    Chain(Stemmer stemmer, boolean stopWords, SynonymMap synonyms, Marks marks) {
      this.stemmer = stemmer;
      this.stopWords = stopWords;
      this.synonyms = synonyms;
      this.marks = marks;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream ts = new EnglishPossessiveFilter(source);
      ts = new LowerCaseFilter(ts);
      ts = new ASCIIFoldingFilter(ts);
      if (synonyms != null) {
        ts = new SynonymGraphFilter(ts, synonyms, true);
      }
      if (stopWords) {
        ts = new StopFilter(ts, STOP_WORDS);
      }
      if (marks == Marks.KEYWORDS) {
        ts = new AsWrittenRepeatFilter(ts); // the marked form as written, then the word for the stemmer
      }
      ts =
          switch (stemmer) {
            case KSTEM -> new KStemFilter(ts);
            case PORTER -> new PorterStemFilter(ts);
            case MINIMAL -> new EnglishMinimalStemFilter(ts);
            case NONE -> ts;
          };
      if (marks == Marks.EVERY) {
        ts = new AsWrittenFilter(ts, true);
      }
      return new TokenStreamComponents(source, ts);
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
      return 100; // a phrase never spans two values of a multi-valued field
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    @Override
    public String toString() {
      return "standard+possessive+lowercase+asciifolding" + (synonyms != null ? "+synonyms" : "") + (stopWords ? "+stop" : "")
          // "keywordrepeat": AsWrittenRepeatFilter makes the very tokens Lucene's KeywordRepeatFilter did; the name stays
          + (marks == Marks.KEYWORDS ? "+keywordrepeat" : "") + "+" + stemmer.name().toLowerCase(Locale.ROOT)
          + (marks != Marks.NONE ? "+aswritten" : "");
    }
  }

  private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
}
