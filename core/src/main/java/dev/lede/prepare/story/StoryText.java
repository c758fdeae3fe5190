package dev.lede.prepare.story;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words two copies of a story are compared on: NFKC, lower case, apostrophes dropped inside
 * words ({@code don’t} and {@code don't} both become {@code dont}), every other character that is
 * not a letter or digit a word break. Typographic quotes, dashes and punctuation therefore never
 * tell two copies apart.
 */
public final class StoryText {
  private StoryText() {}

  /** The normalised words of a text, in order; empty for null or blank input. */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
      } else if (isApostrophe(c) && !word.isEmpty() && i + 1 < n.length() && Character.isLetter(n.charAt(i + 1))) {
        // an apostrophe inside a word joins it: "it's" and "it’s" are one word, the same word
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

  /** The normalised text as one string of words separated by single spaces. */
  public static String normalize(String text) {
    return String.join(" ", words(text));
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\uFF07';
  }
}
