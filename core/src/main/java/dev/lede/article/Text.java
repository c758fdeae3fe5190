package dev.lede.article;

/** Text normalisation shared by ids and fingerprints: NFKC, typographic quotes folded, lower case, one space. */
final class Text {
  private Text() {}

  static String normalize(String s) {
    if (s == null) {
      return "";
    }
    String n = NfkcLower.of(s);
    StringBuilder out = new StringBuilder(n.length());
    boolean space = true; // drops leading white space
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
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
    if (len > 0 && out.charAt(len - 1) == ' ') {
      out.setLength(len - 1);
    }
    return out.toString();
  }
}
