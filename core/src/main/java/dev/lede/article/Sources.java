package dev.lede.article;

import java.util.Locale;

/** Normalises the source of an article to a bare domain: lower case, no scheme, no {@code www.}, no path. */
public final class Sources {
  private Sources() {}

  /**
   * Normalises a source given as a domain or URL.
   *
   * <p>{@code "https://www.TheGuardian.com/world/x"} becomes {@code "theguardian.com"}; a name that
   * is not a domain ({@code "Reuters"}) is only trimmed and lower-cased.
   *
   * @return the normalised source, or {@code null} when {@code raw} is null or blank
   */
  public static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip().toLowerCase(Locale.ROOT);
    int scheme = schemeEnd(s);
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int at = s.indexOf('@');
    int slash = indexOfAny(s, "/?#");
    if (at >= 0 && (slash < 0 || at < slash)) {
      s = s.substring(at + 1); // user-info in a URL
      slash = indexOfAny(s, "/?#");
    }
    if (slash >= 0) {
      s = s.substring(0, slash);
    }
    int colon = s.lastIndexOf(':');
    if (colon >= 0 && s.indexOf('.') >= 0 && s.substring(colon + 1).chars().allMatch(Character::isDigit)) {
      s = s.substring(0, colon); // a port
    }
    if (s.startsWith("www.")) {
      s = s.substring(4);
    }
    while (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.isEmpty() ? null : s;
  }

  /**
   * Where the {@code ://} after a URL scheme starts, or -1. Only a scheme counts: in {@code
   * example.com/r?to=https://other.org} the {@code ://} belongs to the query, and the host is
   * {@code example.com}.
   */
  static int schemeEnd(String s) {
    int end = s.indexOf("://");
    if (end <= 0 || !Character.isLetter(s.charAt(0))) {
      return -1;
    }
    for (int i = 1; i < end; i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
        return -1;
      }
    }
    return end;
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
