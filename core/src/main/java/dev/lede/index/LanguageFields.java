package dev.lede.index;

import dev.lede.article.Languages;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;

/**
 * Where the text of an article in another language than English is indexed: fields of its own
 * language, {@code text_de} (headline, lead and body, three values) and {@code headline_de}, each
 * analysed with that language's chain ({@link LanguageAnalyzers}). English articles keep the
 * fields of {@link Schema}.
 *
 * <p>Why fields per language rather than one field for all: each field has its own statistics
 * (document count, average length, document frequencies), so a German word's rarity is measured
 * among German articles. In one shared field, a corpus of 95 % English would make every German
 * word look rare (and every German article short or long by English standards), and a word that
 * is common in one language and rare in another would be scored by the mixture. A search analyses
 * its text once per language the index holds and each language's query scores only that
 * language's articles (docs/languages.md).
 */
public final class LanguageFields {
  private LanguageFields() {}

  private static final String TEXT = "text_";
  private static final String HEADLINE = "headline_";
  private static final Pattern FIELD = Pattern.compile("(?:text|headline)_([a-z]{2,3})");

  /** Headline, lead and body of the articles in a language. */
  public static String text(String code) {
    return TEXT + code;
  }

  /** Headline of the articles in a language, again: the strongest evidence of what an article is about. */
  public static String headline(String code) {
    return HEADLINE + code;
  }

  /** The language of a per-language field, or null when the field is none. */
  public static String languageOf(String field) {
    if (!field.startsWith(TEXT) && !field.startsWith(HEADLINE)) {
      return null; // the English fields, asked for per field of every document written: no matcher for them
    }
    Matcher m = FIELD.matcher(field);
    return m.matches() ? m.group(1) : null;
  }

  /** The analyzer of a per-language field, or null when the field is none. */
  public static Analyzer analyzer(String field) {
    String code = languageOf(field);
    return code == null ? null : LanguageAnalyzers.forLanguage(code);
  }

  /**
   * The language whose analysis an article gets: the code of its language; {@code en} for an
   * article with none (what every article was before languages); {@code und}, neutral analysis,
   * for one whose language names none Lede knows.
   */
  public static String analysisLanguage(String language) {
    if (language == null) {
      return "en";
    }
    String code = Languages.code(language);
    return code == null ? Languages.UNDETERMINED : code;
  }

  /** Whether an article in this language is indexed in the English fields of {@link Schema}. */
  public static boolean isEnglish(String analysisLanguage) {
    return analysisLanguage.equals("en");
  }

  /** The English text fields that an article in another language leaves for its own. */
  private static final List<String> ENGLISH_TEXT =
      Schema.ARTICLE_FIELDS;

  /**
   * Moves an article's text from the English fields to its language's, unless it is English.
   * Names (entities, authors) stay where they are: a name is written the same in every language.
   */
  static void relocate(Document doc, String language, String headline, String lead, String body) {
    String code = analysisLanguage(language);
    if (isEnglish(code)) {
      return;
    }
    for (String field : ENGLISH_TEXT) {
      doc.removeFields(field);
    }
    doc.add(new TextField(headline(code), headline, Field.Store.NO));
    doc.add(new TextField(text(code), headline, Field.Store.NO));
    doc.add(new TextField(text(code), lead, Field.Store.NO));
    doc.add(new TextField(text(code), body, Field.Store.NO));
  }

  /** The languages other than English whose articles a reader holds, read from its field infos (no postings are read). */
  public static SortedSet<String> languagesIn(IndexReader reader) {
    SortedSet<String> codes = new TreeSet<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      for (FieldInfo fi : leaf.reader().getFieldInfos()) {
        if (fi.name.startsWith(TEXT)) {
          String code = languageOf(fi.name);
          if (code != null) {
            codes.add(code);
          }
        }
      }
    }
    return codes;
  }
}
