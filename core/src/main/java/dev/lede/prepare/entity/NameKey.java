package dev.lede.prepare.entity;

import java.text.Normalizer;

/**
 * The spelling-insensitive key under which names are looked up: {@code "Kim Jong Un"}, {@code
 * "Kim Jong-un"} and {@code "kim jong-un"} share one key, and so do {@code "U.S."} and {@code "US"}.
 */
final class NameKey {
  private NameKey() {}

  /**
   * Folds case, accents, typographic apostrophes and dashes; hyphens become spaces, dots vanish
   * ({@code "U.S."} -> {@code "us"}), white space collapses to one space. A trailing possessive is
   * removed.
   */
  static String of(String name) {
    String s = stripPossessive(name);
    boolean ascii = true;
    for (int i = 0; i < s.length() && ascii; i++) {
      ascii = s.charAt(i) < 128;
    }
    if (!ascii) {
      s = Normalizer.normalize(s, Normalizer.Form.NFKD);
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean space = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK || c == '.') {
        continue;
      }
      if (c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2013' || c == '\u2014' || Character.isWhitespace(c)
          || Character.isSpaceChar(c)) {
        if (!space) {
          out.append(' ');
          space = true;
        }
        continue;
      }
      if (c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '`') {
        c = '\'';
      }
      out.append(Character.toLowerCase(c));
      space = false;
    }
    int n = out.length();
    if (n > 0 && out.charAt(n - 1) == ' ') {
      out.setLength(n - 1);
    }
    return out.toString();
  }

  /** Removes a trailing {@code 's} or {@code s'}, straight or curly: {@code "Putin’s"} -> {@code "Putin"}. */
  static String stripPossessive(String s) {
    int n = s.length();
    if (n > 2 && (s.charAt(n - 1) == 's' || s.charAt(n - 1) == 'S') && isApostrophe(s.charAt(n - 2))) {
      return s.substring(0, n - 2);
    }
    if (n > 2 && isApostrophe(s.charAt(n - 1)) && (s.charAt(n - 2) == 's' || s.charAt(n - 2) == 'S')) {
      return s.substring(0, n - 1);
    }
    return s;
  }

  static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u02BC' || c == '\uFF07';
  }

  /** True when the letters of {@code s} are all upper case (dots and digits aside), e.g. {@code "U.S."}, {@code "G7"}. */
  static boolean isAllUpper(String s) {
    boolean letter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) {
          return false;
        }
        letter = true;
      }
    }
    return letter;
  }
}
