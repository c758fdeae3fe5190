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
 */
record Token(int start, int end, String text, boolean word, boolean possessive, boolean sentenceStart) {

  /** Starts with a capital, e.g. {@code Korea}, {@code U.S.}, {@code al-Assad}. */
  boolean capitalised() {
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

  boolean allUpper() {
    return word && NameKey.isAllUpper(text);
  }

  boolean is(String s) {
    return text.equals(s);
  }
}
