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
    return Hashing.sha256Hex(
        Text.normalize(headline) + "\u0000" + Text.normalize(lead) + "\u0000" + Text.normalize(body), 32);
  }
}
