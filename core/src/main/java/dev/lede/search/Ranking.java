package dev.lede.search;

/**
 * Ranking parameters: field weights, phrase boosts and BM25's k1 and b. Validated; prints itself
 * the way {@code BM25Similarity} does, and appears in score explanations.
 *
 * <p>Defaults were chosen on TIME, Cranfield and CISI (docs/evaluation.md).
 *
 * @param headline weight of a word found in the headline
 * @param lead weight of a word found in the lead
 * @param entity weight of a word found in an entity name or alias
 * @param body weight of a word found in the body
 * @param headlinePhrase weight of the whole query found as a phrase (slop 2) in the headline
 * @param textPhrase weight of the whole query found as a phrase (slop 4) anywhere in the text
 * @param tieBreaker how much the other fields count next to a word's best field (0 to 1)
 * @param k1 BM25 term-frequency saturation, >= 0
 * @param b BM25 length normalisation, 0 to 1
 */
public record Ranking(
    float headline, float lead, float entity, float body, float headlinePhrase, float textPhrase, float tieBreaker, float k1, float b) {

  public Ranking {
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
    return new Ranking(2.5f, 1.5f, 1.2f, 1.0f, 2.0f, 0.5f, 0.3f, 1.2f, 0.75f);
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
        + ",BM25(k1=" + k1 + ",b=" + b + "))";
  }
}
