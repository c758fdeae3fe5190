package dev.lede.prepare.entity;

/**
 * A word or punctuation mark of the text, with what the recogniser needs to know about it.
 *
 * @param start offset of the first char in the text
 * @param end offset after the last char (a possessive included)
 * @param text the token as written, possessive stripped
 * @param word true for a word (letters or digits), false for punctuation
 * @param possessive the word ended in {@code 's}/{@code ’s}/{@code s'}
 * @param sentenceStart the first word of a sentence, paragraph or line
 * @param capitalised starts with a capital, e.g. {@code Korea}, {@code U.S.}, {@code al-Assad}
 * @param allUpper a word whose letters are all capitals ({@code U.S.}, {@code G7})
 */
record Token(int start, int end, String text, boolean word, boolean possessive, boolean sentenceStart, boolean capitalised,
    boolean allUpper) {

  /**
   * A token whose {@link #capitalised} and {@link #allUpper} are worked out once, here: the rules ask
   * both of most tokens several times, and reading the text's first char again each time showed in
   * profiles (memory reads of one String per token).
   */
  Token(int start, int end, String text, boolean word, boolean possessive, boolean sentenceStart) {
    this(start, end, text, word, possessive, sentenceStart, isCapitalised(word, text), word && NameKey.isAllUpper(text));
  }

  /** Starts with a capital, e.g. {@code Korea}, {@code U.S.}, {@code al-Assad}. */
  private static boolean isCapitalised(boolean word, String text) {
    if (!word || text.isEmpty()) {
      return false;
    }
    char c = text.charAt(0);
    if (Character.isUpperCase(c)) {
      return true;
    }
    // Arabic and Dutch particles glued with a hyphen: al-Assad, el-Sisi.
    // Only the first three chars can hold the particle's dash: no scan of a long lower-case word.
    int n = text.length();
    int dash = n > 1 && text.charAt(1) == '-' ? 1 : n > 2 && text.charAt(2) == '-' ? 2 : n > 3 && text.charAt(3) == '-' ? 3 : -1;
    return dash > 0 && dash + 1 < n && Character.isUpperCase(text.charAt(dash + 1));
  }

  boolean is(String s) {
    return text.equals(s);
  }
}
