package dev.lede.prepare.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import dev.lede.article.NfkcLower;
import java.lang.management.ManagementFactory;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoryTextTest {
  /** The words as they were made before the one-pass scan: the whole text normalised, then split. */
  private static List<String> reference(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      boolean apostrophe = c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\uFF07';
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
      } else if (apostrophe && !word.isEmpty() && i + 1 < n.length() && Character.isLetter(n.charAt(i + 1))) {
        // joined
      } else if (!word.isEmpty()) {
        out.add(word.toString());
        word.setLength(0);
      }
    }
    if (!word.isEmpty()) {
      out.add(word.toString());
    }
    return out;
  }

  /** Random text from the characters news has, and the ones that leave the fast path. */
  private static String randomText(Random r) {
    String common = "abcXYZ  09.,;:!?'\"-\n\u2019\u2018\u201C\u201D\u2013\u2014\u00E9\u00C9\u00FC\u00DF\u00F1\u0142\u0141";
    String rare = "\u0301\u0308\uFB01\u00A0\u2026\u0130\u03A3\u03C3\u00BD\u2126\uFF21\u02BC\uFF07\u1E9E\u0418\u0306\uAC00\u1161";
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(40);
    boolean slow = r.nextInt(3) == 0;
    for (int i = 0; i < n; i++) {
      String from = slow && r.nextInt(5) == 0 ? rare : common;
      b.append(from.charAt(r.nextInt(from.length())));
    }
    return b.toString();
  }

  @Test
  void theOnePassScanGivesTheWordsOfTheWholeTextNormalised() {
    Random r = new Random(14);
    for (int i = 0; i < 20_000; i++) {
      String text = randomText(r);
      List<String> expected = reference(text);
      assertEquals(expected, StoryText.words(text), text);
      assertEquals(!expected.isEmpty(), StoryText.hasWords(text), text);
      String joined = String.join(" ", expected);
      long fnv = Hash64.FNV_OFFSET;
      for (int k = 0; k < joined.length(); k++) {
        fnv = (fnv ^ joined.charAt(k)) * Hash64.FNV_PRIME;
      }
      assertEquals(fnv, StoryText.joinedHash(text), text);
      long[] hashes = StoryText.wordHashes(text);
      assertEquals(expected.size(), hashes.length);
      for (int k = 0; k < hashes.length; k++) {
        assertEquals(Hash64.of(expected.get(k)), hashes[k]);
      }
      assertEquals(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT), NfkcLower.of(text), text);
    }
  }

  private static Article article(String lead, String body) {
    return Article.builder().headline("Rail strike called off").lead(lead).body(body).source("example.com").build();
  }

  @Test
  void withGroupingOffTheContentHashAndWordCountAreTheSameAsWithGroupingOn() {
    StorySigner on = new StorySigner(StoryOptions.defaults());
    StorySigner off = new StorySigner(StoryOptions.defaults().withGrouping(false));
    for (Article a : List.of(article("", "More to follow."), article("Short lead.", ""),
        article("The union \u201Ccalled off\u201D the strike on Monday.", "Talks went on late into the night. ".repeat(20)),
        article("Caf\u00E9 owners\u0301 say \uFB01ne.", "Na\u00EFve \u0130stanbul \u03A3\u039F\u03A3 ".repeat(12)))) {
      StoryEntry grouped = on.sign(a);
      StoryEntry alone = off.sign(a);
      assertEquals(grouped.contentHash(), alone.contentHash(), a.text());
      assertEquals(formerContentHash(a, StoryOptions.defaults().minWords()), grouped.contentHash(), a.text());
      org.junit.jupiter.api.Assertions.assertArrayEquals(
          new MinHash(128, 64, StoryOptions.defaults().seed()).signature(Shingles.of(reference(a.text()), 4)), grouped.signature());
      assertEquals(grouped.words(), alone.words());
      assertEquals(0, alone.signature().length);
    }
  }

  /** The content hash as it was made before the one-pass scan: from the list of word strings. */
  private static String formerContentHash(Article article, int minWords) {
    List<String> words = new ArrayList<>(reference(article.text()));
    if (words.size() < minWords) {
      words.add("\u0000");
      words.addAll(reference(article.headline()));
    }
    long a = 0x243F6A8885A308D3L;
    long b = 0x13198A2E03707344L;
    for (String w : words) {
      long h = Hash64.of(w);
      a = Hash64.mix(a * 0x9E3779B97F4A7C15L + h);
      b = Hash64.mix(b ^ (h + 0x632BE59BD9B4E019L));
    }
    return java.util.HexFormat.of().toHexDigits(a) + java.util.HexFormat.of().toHexDigits(b ^ words.size());
  }

  @Test
  void withGroupingOffSigningMakesNoWordsAndNoSignature() {
    // Grouping off must cost nothing beyond the content hash that finds exact copies: no word
    // strings, no normalised copy of the text, no shingles. Measured as what the signing thread
    // allocates for a 100,000-character article (about a megabyte when words were kept).
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    StorySigner off = new StorySigner(StoryOptions.defaults().withGrouping(false));
    Article a = article("The union called off the strike on Monday.", "Talks went on late into the night, it\u2019s said. ".repeat(2_000));
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long before = threads.getCurrentThreadAllocatedBytes();
      off.sign(a);
      least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
    }
    assertTrue(least < 4_096, "signing with grouping off allocated " + least + " bytes");
  }
}
