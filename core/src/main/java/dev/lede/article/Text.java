package dev.lede.article;

/** Text normalisation shared by ids and fingerprints: NFKC, typographic quotes folded, lower case, one space. */
final class Text {
  private Text() {}

  static String normalize(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    normalize(s, out);
    return out.toString();
  }

  /** Appends {@link #normalize(String)} of a text (nothing for null), without making it first. */
  static void normalize(String s, StringBuilder out) {
    if (s == null) {
      return;
    }
    // on NfkcLower's fast path the text is its own normal form, a character at a time in lower case
    boolean fast = NfkcLower.fast(s);
    String n = fast ? s : NfkcLower.of(s);
    int begin = out.length();
    boolean space = true; // drops leading white space
    for (int i = 0; i < n.length(); i++) {
      char c = fast ? Character.toLowerCase(n.charAt(i)) : n.charAt(i);
      switch (c) {
        case '\u2018', '\u2019', '\u201B', '\u02BC' -> c = '\'';
        case '\u201C', '\u201D', '\u201E' -> c = '"';
        case '\u2013', '\u2014' -> c = '-';
        default -> {}
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        if (!space) {
          out.append(' ');
          space = true;
        }
      } else {
        out.append(c);
        space = false;
      }
    }
    int len = out.length();
    if (len > begin && out.charAt(len - 1) == ' ') {
      out.setLength(len - 1);
    }
  }
}
