package dev.lede.article;

/**
 * Content fingerprints: a hash of the normalised headline and body. Two articles with the same
 * fingerprint say the same thing, whatever their white space, quotes or case; an article whose
 * fingerprint is unchanged need not be indexed again.
 */
public final class Fingerprints {
  private Fingerprints() {}

  /** The fingerprint of an article's content: 32 lower-case hex characters. */
  public static String of(Article article) {
    return of(article.headline(), article.lead(), article.body());
  }

  /** The fingerprint of a headline, lead and body (any may be null). */
  public static String of(String headline, String lead, String body) {
    StringBuilder s = new StringBuilder(length(headline) + length(lead) + length(body) + 2);
    Text.normalize(headline, s);
    Text.normalize(lead, s.append('\u0000'));
    Text.normalize(body, s.append('\u0000'));
    return Hashing.sha256Hex(s.toString(), 32);
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }

  /**
   * The fingerprint of a record as read: its content ({@link #of(Article)}) and every other field
   * but the id (source, url, date, authors, language, the entities it brought, attributes). A
   * correction to any of them (a fixed date, a byline added) changes it, so a re-fed article with
   * the same text but a corrected date is written again rather than counted unchanged (issue 14).
   */
  public static String ofRecord(Article a) {
    StringBuilder s = new StringBuilder(of(a));
    field(s, a.source());
    field(s, a.url());
    field(s, a.published() == null ? null : a.published().toString());
    field(s, a.language());
    s.append('\u0001').append(a.authors().size());
    a.authors().forEach(x -> field(s, x));
    s.append('\u0001').append(a.entities().size());
    for (Entity e : a.entities()) {
      field(s, e.name());
      field(s, e.type().name());
      e.aliases().forEach(x -> field(s, x));
      s.append('\u0002');
    }
    new java.util.TreeMap<>(a.attributes()).forEach((k, v) -> {
      field(s, k);
      field(s, v);
    });
    return Hashing.sha256Hex(s.toString(), 32);
  }

  private static void field(StringBuilder s, String value) {
    // a length before each value: no two different records run together into one string
    s.append('\u0000').append(value == null ? -1 : value.length()).append(':').append(value == null ? "" : value);
  }
}
