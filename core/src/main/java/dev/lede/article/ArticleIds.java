package dev.lede.article;

import java.util.Locale;

/**
 * Stable article ids. The input's own id wins; otherwise the id is derived from what identifies an
 * article across crawls, so that reading the same input twice never makes two articles.
 */
public final class ArticleIds {
  private ArticleIds() {}

  /**
   * Derives an id from the source and the URL, or from the source and the headline when there is
   * no URL. The result is 16 lower-case hex characters (64 bits of SHA-256).
   *
   * @throws IllegalArgumentException when both url and headline are blank
   */
  public static String derive(String source, String url, String headline) {
    String key;
    if (url != null && !url.isBlank()) {
      key = "url\u0000" + normalizeUrl(url);
    } else if (headline != null && !headline.isBlank()) {
      key = "headline\u0000" + Text.normalize(headline);
    } else {
      throw new IllegalArgumentException("cannot derive an id: the article has no url and no headline");
    }
    String src = Sources.normalize(source);
    return Hashing.sha256Hex((src == null ? "" : src) + "\u0000" + key, 16);
  }

  /** A URL as it identifies an article: no scheme, no {@code www.}, no fragment, no trailing slash. */
  static String normalizeUrl(String url) {
    String u = url.strip();
    int hash = u.indexOf('#');
    if (hash >= 0) {
      u = u.substring(0, hash);
    }
    int scheme = Sources.schemeEnd(u);
    if (scheme >= 0) {
      u = u.substring(scheme + 3);
    }
    int slash = u.indexOf('/');
    String host = (slash < 0 ? u : u.substring(0, slash)).toLowerCase(Locale.ROOT);
    String rest = slash < 0 ? "" : u.substring(slash);
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    while (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    return host + rest;
  }
}
