package dev.lede.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {
  private static final LanguageDetector DETECTOR = new LanguageDetector();

  /** The labelled set of docs/languages.md: language, kind, text. */
  static List<String[]> labelled() throws IOException {
    List<String[]> out = new ArrayList<>();
    try (var in = LanguageDetectorTest.class.getResourceAsStream("/languages/labelled-news.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.split("\t", 3));
        }
      }
    }
    return out;
  }

  // Guards the figures of docs/languages.md: a paragraph is never given a wrong language, and
  // headlines mostly get theirs. A change of detector, profiles or threshold shows here first.
  @Test
  void paragraphsAreRightAndHeadlinesMostly() throws IOException {
    int paragraphs = 0;
    int paragraphsRight = 0;
    int headlines = 0;
    int headlinesRight = 0;
    for (String[] l : labelled()) {
      String found = DETECTOR.detection(l[2]).sure() ? DETECTOR.detection(l[2]).code() : null;
      if (l[1].equals("paragraph")) {
        paragraphs++;
        paragraphsRight += l[0].equals(found) ? 1 : 0;
        assertTrue(found == null || found.equals(l[0]), "paragraph in " + l[0] + " taken for " + found + ": " + l[2]);
      } else {
        headlines++;
        headlinesRight += l[0].equals(found) ? 1 : 0;
      }
    }
    assertEquals(56, paragraphs);
    assertTrue(paragraphsRight >= 55, paragraphsRight + " of " + paragraphs + " paragraphs right");
    assertTrue(headlinesRight >= 64, headlinesRight + " of " + headlines + " headlines right");
  }

  @Test
  void looksOnlyAtTheStartOfAnArticle() {
    String body = "Die Kinder spielen im Garten. ".repeat(100);
    String sample = LanguageDetector.sample("Schule beginnt", "Heute ist der erste Tag.", body);
    assertTrue(sample.length() <= LanguageDetector.SAMPLE_CHARS, sample.length() + " chars");
    assertTrue(sample.startsWith("Schule beginnt\nHeute ist der erste Tag.\nDie Kinder"), sample);
    assertEquals("de", DETECTOR.detect("Schule beginnt", "Heute ist der erste Tag.", body));
  }

  // Short English full of names reads as Dutch to n-grams (Merkel, met), and sure of it.
  @Test
  void englishFunctionWordsOutweighNgrams() {
    assertEquals("en", DETECTOR.detect("Angela Merkel meets Emmanuel Macron in Paris", "",
        "Angela Merkel met Emmanuel Macron in Paris on Monday. Merkel said the talks went well."));
    assertTrue(LanguageDetector.plainlyEnglish("The minister said that the talks had gone well and that a deal was close."));
    assertTrue(!LanguageDetector.plainlyEnglish("Le ministre a dit que les négociations avaient bien avancé et qu'un accord était proche."));
  }

  @Test
  void aTextWithNoLettersHasNoLanguage() {
    assertNull(DETECTOR.detect("2025", "", "12.4 / 13.9 / 7.1"));
  }

  @Test
  void stepKeepsABroughtLanguageAndDetectsAMissingOne() {
    LanguageStep step = LanguageStep.defaults();
    Article brought = Article.builder().id("a").headline("Rail strike ends").body("Trains run again.").language("de-AT").build();
    assertEquals("de", step.apply(PreparedArticle.of(brought)).article().language());
    Article strange = brought.withLanguage("Klingon");
    assertEquals("und", step.apply(PreparedArticle.of(strange)).article().language());
    Article none = Article.builder().id("b").headline("Les écoles rouvrent lundi")
        .body("Les élèves retrouvent leurs classes après deux semaines de fermeture, a annoncé le ministère.").build();
    assertEquals("fr", step.apply(PreparedArticle.of(none)).article().language());
    // too little to tell: the fallback, English
    Article tiny = Article.builder().id("c").headline("Q3 2025").build();
    assertEquals("en", step.apply(PreparedArticle.of(tiny)).article().language());
    assertEquals("und", new LanguageStep(new LanguageDetector(), "und").apply(PreparedArticle.of(tiny)).article().language());
  }

  @Test
  void shortAgencyItemsAreEnglishWithoutTheNgrams() {
    // possessives and "U.S." are no stop words of another language, and a one-sentence summary
    // has three or four function words: these skipped the shortcut before, at about 80 µs each
    assertTrue(LanguageDetector.plainlyEnglish(LanguageDetector.sample("India's rupee hits five-year high",
        "India's rupee has hit a five-year high after Standard & Poor's raised the country's rating.", "")));
    assertTrue(LanguageDetector.plainlyEnglish(LanguageDetector.sample("Feds question vaccine data",
        "Results from a U.S. trial may have used outdated information, U.S. officials said.", "")));
    assertTrue(LanguageDetector.plainlyEnglish("Short-sellers, Wall Street's dwindling band of ultra-cynics, are seeing green again."));
    // and text in another language still is not, however many English-looking words it has
    assertTrue(!LanguageDetector.plainlyEnglish("Der Minister sagte in Berlin, dass die Gespräche über den Plan gut verlaufen seien."));
    assertTrue(!LanguageDetector.plainlyEnglish("Minister stapt op na ophef over declaraties"));
    assertTrue(!LanguageDetector.plainlyEnglish("Il governo ha detto che il piano per la rete è pronto da mesi."));
  }
}
