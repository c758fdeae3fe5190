package dev.lede.prepare;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import dev.lede.article.Languages;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Tells the language of a news text from its character n-grams, with the profiles of {@link
 * #LANGUAGES 43 languages} that the optimaize language-detector ships (Apache-2.0; docs/languages.md says why this one and
 * how well it does on news).
 *
 * <p>Only the start of an article is looked at: its headline, its lead and the first {@link
 * #SAMPLE_CHARS} characters in all. The language of a news article does not change half-way, and
 * the cost of detection grows with the text, so reading the whole body would spend ingest time on
 * nothing. A text the detector is not sure of (too short, mixed, a list of names) gets no answer:
 * the caller decides what such an article is.
 *
 * <p>Thread-safe. The profiles load once per JVM, on first use (0.4-0.5 s of CPU, 34 MB of heap), so
 * a run whose articles all bring their language, or are plainly English, never loads them.
 */
public final class LanguageDetector {
  /** The most characters of an article that are looked at. */
  public static final int SAMPLE_CHARS = 300;

  /**
   * The languages the detector chooses among: the twelve Lede analyses with chains of their own,
   * and the other languages of much of the world's news, so that their text is not taken for one
   * of those. The detector's 28 other profiles are left out: they are mostly minority languages
   * close to a major one (Asturian to Spanish, Afrikaans to Dutch), and on short news texts they
   * took more right answers away than they gave (docs/languages.md); each profile also adds to
   * the cost of every detection.
   */
  public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "nl", "pt", "sv", "da", "no", "fi", "ru",
      "pl", "cs", "sk", "hu", "ro", "tr", "el", "bg", "uk", "hr", "sl", "lt", "lv", "et", "ca", "eu", "gl", "ar", "fa", "he",
      "hi", "bn", "ur", "zh-CN", "zh-TW", "ja", "ko", "th", "vi", "id", "ms");

  /**
   * The probability the detector must give its best language before Lede takes it. Chosen on the
   * labelled set in the tests (docs/languages.md): below it, wrong answers on headlines outnumber right ones.
   */
  public static final double MIN_CONFIDENCE = 0.90;

  private static final class Holder {
    static final com.optimaize.langdetect.LanguageDetector DETECTOR;

    static {
      try {
        DETECTOR = LanguageDetectorBuilder.create(NgramExtractors.standard())
            .withProfiles(new LanguageProfileReader().readBuiltIn(LANGUAGES.stream().map(LdLocale::fromString).toList()))
            .build();
      } catch (IOException e) {
        throw new UncheckedIOException("language profiles cannot be read from the detector's jar", e);
      }
    }
  }

  private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingOnLargeText();

  /** The detector with the built-in profiles. */
  public LanguageDetector() {}

  /** The detector's best language (null: none at all) and its probability. */
  public record Detection(String code, double confidence) {
    /** Whether the detector is sure enough for Lede to take its answer. */
    public boolean sure() {
      return code != null && confidence >= MIN_CONFIDENCE;
    }
  }

  /** The language of an article's start, or null when the detector is not sure. */
  public String detect(String headline, String lead, String body) {
    Detection d = detection(headline, lead, body);
    return d.sure() ? d.code() : null;
  }

  /** The detector's best language for an article's start and how sure it is. */
  public Detection detection(String headline, String lead, String body) {
    return detection(sample(headline, lead, body));
  }

  /** The detector's best language for a text (the whole of it) and how sure it is. */
  public Detection detection(String text) {
    if (plainlyEnglish(text)) {
      return new Detection("en", 1.0);
    }
    List<DetectedLanguage> found = Holder.DETECTOR.getProbabilities(texts.forText(text));
    if (found.isEmpty()) {
      return new Detection(null, 0);
    }
    DetectedLanguage best = found.get(0);
    String code = Languages.code(best.getLocale().getLanguage());
    if (!"en".equals(code) && readsAsEnglish(text, code)) {
      return new Detection("en", best.getProbability());
    }
    return new Detection(code, best.getProbability());
  }

  /**
   * A text whose English function words outnumber the other languages' stop words is English,
   * without asking the n-grams: at least four of them and over three times as many as the others,
   * or at least three and none of the others. Most news in an index is English, and this check
   * costs a microsecond or two where the n-grams cost about a hundred (docs/languages.md). A
   * headline alone rarely has three; an English paragraph has ten, and the one-sentence summaries
   * of agency feeds ("Short-sellers, Wall Street's dwindling band of ultra-cynics, are seeing green
   * again.") have three or four once the list holds the adverbs and prepositions of news.
   */
  static boolean plainlyEnglish(String text) {
    int[] counts = count(text, OTHER_STOP_WORDS);
    int english = counts[0];
    int other = counts[1];
    return english >= 4 && english > 3 * other || english >= 3 && other == 0;
  }

  /**
   * The words of a text (runs of letters) that are English function words, and those in {@code
   * other} that are not: one pass over the characters, no string made (both sets ignore case).
   */
  private static int[] count(String text, CharArraySet other) {
    int english = 0;
    int theirs = 0;
    char[] chars = text.toCharArray();
    int n = chars.length;
    int i = 0;
    while (i < n) {
      int cp = Character.codePointAt(chars, i);
      if (!Character.isLetter(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < n && Character.isLetter(cp = Character.codePointAt(chars, i))) {
        i += Character.charCount(cp);
      }
      if (start > 1 && isApostrophe(chars[start - 1]) && Character.isLetter(chars[start - 2])
          && isClitic(chars, start, i - start)) {
        continue; // the s of "India's" is no word of its own (and a Czech stop word)
      }
      boolean isEnglish = ENGLISH_WORDS.contains(chars, start, i - start);
      boolean isTheirs = other.contains(chars, start, i - start);
      if (isEnglish && !isTheirs) {
        english++;
      } else if (isTheirs && !isEnglish && i - start > 1) {
        theirs++; // not a letter alone: the S of "U.S.", the s of "Kim #39;s", an initial
      }
    }
    return new int[] {english, theirs};
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019';
  }

  /** The endings English writes after an apostrophe: 's, 't, 'd, 'm, 'll, 're, 've. */
  private static boolean isClitic(char[] chars, int start, int length) {
    return CLITICS.contains(chars, start, length);
  }

  private static final CharArraySet CLITICS = new CharArraySet(List.of("s", "t", "d", "m", "ll", "re", "ve"), true);

  /**
   * English function words that the text has more of than the detected language's own stop words
   * (each list less the words the two share): then it is English, whatever the n-grams said. Short
   * English news full of names is where n-grams go wrong, and sure of it: "Angela Merkel met
   * Emmanuel Macron in Paris on Monday" reads as Dutch to them (Merkel, met) at a probability of
   * 0.99999, but "on" and "the" are English, and "met" is the only Dutch stop word.
   */
  static boolean readsAsEnglish(String text, String detected) {
    int[] counts = count(text, STOP_WORDS.getOrDefault(detected, CharArraySet.EMPTY_SET));
    return counts[0] >= 2 && counts[0] > counts[1];
  }

  /** The stop words of the languages that n-grams most often find in English text, from Lucene's analyzers. */
  private static final java.util.Map<String, CharArraySet> STOP_WORDS = java.util.Map.ofEntries(
      java.util.Map.entry("de", GermanAnalyzer.getDefaultStopSet()), java.util.Map.entry("fr", FrenchAnalyzer.getDefaultStopSet()),
      java.util.Map.entry("es", SpanishAnalyzer.getDefaultStopSet()), java.util.Map.entry("it", ItalianAnalyzer.getDefaultStopSet()),
      java.util.Map.entry("nl", DutchAnalyzer.getDefaultStopSet()), java.util.Map.entry("pt", PortugueseAnalyzer.getDefaultStopSet()),
      java.util.Map.entry("sv", SwedishAnalyzer.getDefaultStopSet()), java.util.Map.entry("da", DanishAnalyzer.getDefaultStopSet()),
      java.util.Map.entry("no", NorwegianAnalyzer.getDefaultStopSet()), java.util.Map.entry("fi", FinnishAnalyzer.getDefaultStopSet()),
      java.util.Map.entry("ro", RomanianAnalyzer.getDefaultStopSet()), java.util.Map.entry("ca", CatalanAnalyzer.getDefaultStopSet()),
      java.util.Map.entry("gl", GalicianAnalyzer.getDefaultStopSet()), java.util.Map.entry("id", IndonesianAnalyzer.getDefaultStopSet()),
      java.util.Map.entry("hu", HungarianAnalyzer.getDefaultStopSet()), java.util.Map.entry("tr", TurkishAnalyzer.getDefaultStopSet()),
      java.util.Map.entry("cs", CzechAnalyzer.getDefaultStopSet()), java.util.Map.entry("eu", BasqueAnalyzer.getDefaultStopSet()));

  /**
   * Lucene's English stop words and the commonest other English function words of news (pronouns,
   * auxiliaries, prepositions, adverbs, days); of the words added for the shortcut, none that is a
   * stop word of {@link #STOP_WORDS}' languages (an English word that is one of theirs would take
   * their short texts for English).
   */
  private static final CharArraySet ENGLISH_WORDS = englishWords();

  private static CharArraySet englishWords() {
    CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    words.addAll(List.of("said", "says", "has", "have", "had", "were", "been", "would", "which", "who", "from", "after", "its", "his",
        "she", "he", "we", "our", "you", "than", "about", "also", "over", "more", "new"));
    // added for the one-sentence items of agency feeds; each only if no other language's stop word
    for (String w : List.of("her", "him", "them", "your", "what", "when", "where", "why", "how", "can", "could", "should",
        "may", "might", "must", "does", "did", "being", "up", "out", "off", "down", "against", "between", "through",
        "during", "before", "while", "because", "just", "only", "some", "any", "other", "first", "last", "again", "still",
        "back", "into", "amid", "across", "despite", "since", "year", "years", "week", "people", "one", "two", "three",
        "now", "get", "gets", "got", "make", "makes", "made", "take", "takes", "took", "us", "way", "those", "whose",
        "whom", "each", "every", "both", "very", "much", "many", "most", "own", "same", "too", "ever", "never", "yet",
        "next", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "government", "officials", "company", "calls", "without", "within", "around", "near", "toward", "towards",
        "according", "including", "following", "whether", "although", "though", "however", "here", "there", "these",
        "their", "they", "this", "that", "then", "will", "with", "was", "are")) {
      if (!otherLanguagesStopWord(w)) {
        words.add(w);
      }
    }
    return words;
  }

  private static boolean otherLanguagesStopWord(String w) {
    for (CharArraySet set : STOP_WORDS.values()) {
      if (set.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** The start of an article that detection reads: headline, lead, body, up to {@link #SAMPLE_CHARS} characters, cut at a space. */
  static String sample(String headline, String lead, String body) {
    StringBuilder b = new StringBuilder(SAMPLE_CHARS + 16);
    for (String part : new String[] {headline, lead, body}) {
      if (part == null || part.isEmpty()) {
        continue;
      }
      if (b.length() > 0) {
        b.append('\n');
      }
      int room = SAMPLE_CHARS - b.length();
      if (room <= 0) {
        break;
      }
      if (part.length() <= room) {
        b.append(part);
      } else {
        int cut = part.lastIndexOf(' ', room);
        b.append(part, 0, cut > room / 2 ? cut : room);
        break;
      }
    }
    return b.toString();
  }

  /** The stop words of {@link #STOP_WORDS}' languages that are not English words. */
  private static final CharArraySet OTHER_STOP_WORDS = otherStopWords();

  private static CharArraySet otherStopWords() {
    CharArraySet all = new CharArraySet(2048, true);
    for (CharArraySet set : STOP_WORDS.values()) {
      for (Object word : set) {
        char[] w = (char[]) word;
        if (!ENGLISH_WORDS.contains(w, 0, w.length)) {
          all.add(w);
        }
      }
    }
    return all;
  }
}
