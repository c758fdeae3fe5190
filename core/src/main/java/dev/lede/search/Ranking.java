package dev.lede.search;

/**
 * Ranking parameters: field weights, phrase boosts and BM25's k1 and b. Validated; prints itself
 * the way {@code BM25Similarity} does, and appears in score explanations.
 *
 * <p>Defaults were chosen on TIME, Cranfield and CISI (docs/evaluation.md).
 *
 * @param headline weight of a word found in the headline, on top of {@code body}
 * @param lead weight of a word found in the lead
 * @param entity weight of a word found in an entity name or alias
 * @param body weight of a word found anywhere in the article: BM25F over the headline, lead and
 *     body scored as one field
 * @param headlinePhrase weight of the whole query found as a phrase (slop 2) in the headline
 * @param textPhrase weight of the whole query found as a phrase (slop 4) anywhere in the text
 * @param tieBreaker for a quoted phrase, how much its other matching fields count next to its best one (0 to 1)
 * @param k1 BM25 term-frequency saturation, >= 0
 * @param b BM25 length normalisation, 0 to 1
 * @param author weight of a word found in an author's name
 */
public record Ranking(
    float headline, float lead, float entity, float body, float headlinePhrase, float textPhrase, float tieBreaker, float k1, float b,
    float author) {

  /** Lede's default weight of a word found in a byline: enough to find an author's articles, below the article's own text. */
  public static final float DEFAULT_AUTHOR = 0.3f;

  /** A ranking with the {@link #DEFAULT_AUTHOR default author weight}. */
  public Ranking(float headline, float lead, float entity, float body, float headlinePhrase, float textPhrase, float tieBreaker,
      float k1, float b) {
    this(headline, lead, entity, body, headlinePhrase, textPhrase, tieBreaker, k1, b, DEFAULT_AUTHOR);
  }

  public Ranking {
    check("author", author);
    check("headline", headline);
    check("lead", lead);
    check("entity", entity);
    check("body", body);
    check("headlinePhrase", headlinePhrase);
    check("textPhrase", textPhrase);
    if (!(tieBreaker >= 0 && tieBreaker <= 1)) {
      throw new IllegalArgumentException("illegal tieBreaker value: " + tieBreaker + ", must be between 0 and 1");
    }
    check("k1", k1);
    if (!(b >= 0 && b <= 1)) {
      throw new IllegalArgumentException("illegal b value: " + b + ", must be between 0 and 1");
    }
  }

  /** Lede's default ranking. */
  public static Ranking defaults() {
    // Measured (docs/evaluation.md): the whole article at 1 plus the headline at 0.5 beats a
    // per-field dis-max with the headline weighted above the body on all three collections;
    // lead and entity weights add nothing measurable there and stay off; the headline-phrase boost
    // never fires on sentence-long queries and is kept for short ones; text proximity cost TIME.
    // Bylines at a modest weight: the evaluation collections have none, so their scores are unchanged.
    return new Ranking(0.5f, 0f, 0f, 1.0f, 1.0f, 0f, 0.3f, 1.2f, 0.75f);
  }

  private static void check(String name, float v) {
    if (!(v >= 0) || Float.isInfinite(v)) {
      throw new IllegalArgumentException("illegal " + name + " value: " + v + ", must be >= 0");
    }
  }

  @Override
  public String toString() {
    return "Ranking(headline=" + headline + ",lead=" + lead + ",entity=" + entity + ",body=" + body
        + ",headlinePhrase=" + headlinePhrase + ",textPhrase=" + textPhrase + ",tie=" + tieBreaker
        + ",author=" + author + ",BM25(k1=" + k1 + ",b=" + b + "))";
  }
}
