package dev.lede.index;

import dev.lede.article.Languages;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.no.NorwegianLightStemFilter;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishLightStemFilter;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * The analysis of articles in languages other than English, one chain per language, assembled from
 * the components of Lucene's own language analyzers (lucene-analysis-common).
 *
 * <p>Every chain: standard tokenizer, elisions where the language has them ({@code l’armée} is
 * {@code armée}, with either apostrophe), lower case, the language's stop words, its <em>light</em>
 * stemmer, and ASCII folding last. Light stemmers take plural and gender endings off and leave
 * the rest: news is full of names, and an aggressive stemmer conflates them ({@code Kinder} and
 * {@code Kind} meet; {@code Berliner} and {@code Berlin} do not). Folding comes after the stemmer,
 * which needs the accents, so that a query typed without them ({@code armee}) still finds the
 * word. Dutch and Danish have no light stemmer in Lucene and take their Snowball stemmer.
 *
 * <p>A language with no chain here gets the {@link #neutral()} one: standard tokenizer, lower
 * case, ASCII folding; no stop words and no stemming, so exact words are always found.
 */
public final class LanguageAnalyzers {
  private LanguageAnalyzers() {}

  /** The languages analysed with a chain of their own; English is analysed by {@link NewsAnalyzers}. */
  public static final Set<String> SUPPORTED = Set.of("de", "fr", "es", "it", "nl", "pt", "sv", "da", "no", "fi", "ru");

  private static final CharArraySet ITALIAN_ARTICLES = new CharArraySet(Arrays.asList(
      "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d"), true);

  private static final Map<String, Analyzer> CACHE = new ConcurrentHashMap<>();

  /** The chain of a language code (any code: one without a chain of its own gets the neutral chain). */
  public static Analyzer forLanguage(String code) {
    String key = code.equals("nb") || code.equals("nn") ? "no" : code;
    return CACHE.computeIfAbsent(SUPPORTED.contains(key) ? key : Languages.UNDETERMINED, LanguageAnalyzers::build);
  }

  /** The neutral chain, for languages without one of their own. */
  public static Analyzer neutral() {
    return forLanguage(Languages.UNDETERMINED);
  }

  /** Each chain's description, for the commit's user data: a change of any of them asks for a reindex. */
  public static String describe() {
    Map<String, String> all = new TreeMap<>();
    for (String code : SUPPORTED) {
      all.put(code, forLanguage(code).toString());
    }
    all.put(Languages.UNDETERMINED, neutral().toString());
    return all.toString();
  }

  private static Analyzer build(String code) {
    return switch (code) {
      case "de" -> new Chain("de", null, GermanAnalyzer.getDefaultStopSet(),
          ts -> new GermanLightStemFilter(new GermanNormalizationFilter(ts)), "normalization+light");
      case "fr" -> new Chain("fr", FrenchAnalyzer.DEFAULT_ARTICLES, FrenchAnalyzer.getDefaultStopSet(), FrenchLightStemFilter::new, "light");
      case "es" -> new Chain("es", null, SpanishAnalyzer.getDefaultStopSet(), SpanishLightStemFilter::new, "light");
      case "it" -> new Chain("it", ITALIAN_ARTICLES, ItalianAnalyzer.getDefaultStopSet(), ItalianLightStemFilter::new, "light");
      case "nl" -> new Chain("nl", null, DutchAnalyzer.getDefaultStopSet(), ts -> new SnowballFilter(ts, new DutchStemmer()), "snowball");
      case "pt" -> new Chain("pt", null, PortugueseAnalyzer.getDefaultStopSet(), PortugueseLightStemFilter::new, "light");
      case "sv" -> new Chain("sv", null, SwedishAnalyzer.getDefaultStopSet(), SwedishLightStemFilter::new, "light");
      case "da" -> new Chain("da", null, DanishAnalyzer.getDefaultStopSet(), ts -> new SnowballFilter(ts, new DanishStemmer()), "snowball");
      case "no" -> new Chain("no", null, NorwegianAnalyzer.getDefaultStopSet(), NorwegianLightStemFilter::new, "light");
      case "fi" -> new Chain("fi", null, FinnishAnalyzer.getDefaultStopSet(), FinnishLightStemFilter::new, "light");
      case "ru" -> new Chain("ru", null, RussianAnalyzer.getDefaultStopSet(), RussianLightStemFilter::new, "light");
      default -> new Chain(Languages.UNDETERMINED, null, null, null, "none");
    };
  }

  private static final class Chain extends Analyzer {
    private final String code;
    private final CharArraySet elisions; // null: none
    private final CharArraySet stopWords; // null: none
    private final UnaryOperator<TokenStream> stemmer; // null: none
    private final String stemmerName;

    Chain(String code, CharArraySet elisions, CharArraySet stopWords, UnaryOperator<TokenStream> stemmer, String stemmerName) {
      this.code = code;
      this.elisions = elisions;
      this.stopWords = stopWords;
      this.stemmer = stemmer;
      this.stemmerName = stemmerName;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream ts = elisions == null ? source : new ElisionFilter(source, elisions);
      ts = new LowerCaseFilter(ts);
      if (stopWords != null) {
        ts = new StopFilter(ts, stopWords);
      }
      if (stemmer != null) {
        ts = stemmer.apply(ts);
      }
      ts = new ASCIIFoldingFilter(ts);
      return new TokenStreamComponents(source, ts);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      TokenStream ts = elisions == null ? in : new ElisionFilter(in, elisions);
      return new ASCIIFoldingFilter(new LowerCaseFilter(ts));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
      return 100; // a phrase never spans headline and lead
    }

    @Override
    public String toString() {
      return code + ":standard" + (elisions != null ? "+elision" : "") + "+lowercase" + (stopWords != null ? "+stop" : "")
          + "+" + stemmerName + "+asciifolding";
    }
  }
}
