package dev.lede.article;

import java.text.Normalizer;
import java.util.Locale;

/**
 * NFKC, then lower case ({@link Locale#ROOT}): the normalisation that fingerprints, story words and
 * boilerplate line keys all start from, with a fast path that gives the same string.
 *
 * <p>Most news text is made of characters that NFKC leaves as they are and whose lower case is one
 * character: Latin letters with or without accents, digits, punctuation, typographic quotes and
 * dashes. A text made only of those is lower-cased character by character, without the JDK's
 * normaliser (which copies the text and checks it against its tables). Any other character (a
 * combining accent, a ligature, a non-breaking space, a full-width letter, {@code İ}) sends the
 * whole text through {@link Normalizer} and {@link String#toLowerCase(Locale)}, as before.
 */
public final class NfkcLower {
  private NfkcLower() {}

  /**
   * The characters of the fast path: those of Latin, Latin-1, Latin Extended-A/B, IPA, spacing
   * modifiers, Cyrillic and General Punctuation that NFKC keeps as they are, whose lower case is
   * one character, and that never combine with the character before them. Computed from the JDK's
   * own tables, so the fast path cannot disagree with them.
   */
  private static final boolean[] FAST = fastTable();

  private static boolean[] fastTable() {
    boolean[] fast = new boolean[0x2070];
    for (int c = 0; c < fast.length; c++) {
      if (c >= 0x300 && c < 0x400 || c >= 0x530 && c < 0x2000) {
        continue; // combining marks, Greek (final sigma), and scripts not looked at
      }
      String s = String.valueOf((char) c);
      fast[c] = c != 0x130 // İ lower-cases to two characters
          && Normalizer.normalize(s, Normalizer.Form.NFKC).equals(s)
          && s.toLowerCase(Locale.ROOT).equals(String.valueOf(Character.toLowerCase((char) c)));
    }
    return fast;
  }

  /** Whether the fast path gives this character's normalised form. */
  public static boolean fast(char c) {
    return c < FAST.length && FAST[c];
  }

  /** Whether every character of a text is on the fast path: then its normal form is {@link Character#toLowerCase(char)} of each. */
  public static boolean fast(CharSequence s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c >= FAST.length || !FAST[c]) {
        return false;
      }
    }
    return true;
  }

  /** {@code Normalizer.normalize(s, NFKC).toLowerCase(Locale.ROOT)}; the text itself when that changes nothing. */
  public static String of(String s) {
    if (!fast(s)) {
      return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
    int n = s.length();
    int i = 0;
    while (i < n && Character.toLowerCase(s.charAt(i)) == s.charAt(i)) {
      i++;
    }
    if (i == n) {
      return s;
    }
    char[] out = new char[n];
    s.getChars(0, i, out, 0);
    for (; i < n; i++) {
      out[i] = Character.toLowerCase(s.charAt(i));
    }
    return new String(out);
  }
}
