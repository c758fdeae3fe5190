package dev.lede.search;

/**
 * Ranking parameters: field weights, phrase boosts, the scoring model and BM25's k1 and b.
 * Validated; prints itself the way Lucene's similarities do, and appears in score explanations.
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
 * @param k1 BM25 term-frequency saturation, >= 0 (used by {@link Model#BM25} only)
 * @param b BM25 length normalisation, 0 to 1 (used by {@link Model#BM25} only)
 * @param author weight of a word found in an author's name
 * @param model how a word's frequency in an article and the article's length become a score
 */
public record Ranking(
    float headline, float lead, float entity, float body, float headlinePhrase, float textPhrase, float tieBreaker, float k1, float b,
    float author, Model model) {

  /**
   * The scoring model of every text field. Both write the same length norms, so an index can be
   * searched with either without reindexing.
   */
  public enum Model {
    /** Okapi BM25 with {@link #k1} and {@link #b}. */
    BM25,
    /**
     * Divergence from randomness, In_expB2 (Amati and van Rijsbergen, 2002) with its published
     * length normalisation parameter c = 1: inverse expected document frequency, Bernoulli
     * after-effect, normalisation 2. It has no parameter tuned on Lede's collections.
     */
    DFR
  }

  /** Lede's default weight of a word found in a byline: enough to find an author's articles, below the article's own text. */
  public static final float DEFAULT_AUTHOR = 0.3f;

  /** A ranking with the {@link #DEFAULT_AUTHOR default author weight}, scored with BM25 (k1 and b given). */
  public Ranking(float headline, float lead, float entity, float body, float headlinePhrase, float textPhrase, float tieBreaker,
      float k1, float b) {
    this(headline, lead, entity, body, headlinePhrase, textPhrase, tieBreaker, k1, b, DEFAULT_AUTHOR);
  }

  /** A ranking scored with BM25 (k1 and b given). */
  public Ranking(float headline, float lead, float entity, float body, float headlinePhrase, float textPhrase, float tieBreaker,
      float k1, float b, float author) {
    this(headline, lead, entity, body, headlinePhrase, textPhrase, tieBreaker, k1, b, author, Model.BM25);
  }

  /** The same ranking with another scoring model. */
  public Ranking withModel(Model m) {
    return new Ranking(headline, lead, entity, body, headlinePhrase, textPhrase, tieBreaker, k1, b, author, m);
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
    if (model == null) {
      throw new IllegalArgumentException("illegal model value: null, must be BM25 or DFR");
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
    // DFR's In_expB2 at its published parameter instead of BM25: MAP up on all three collections,
    // with and without feedback; chosen without tuning any parameter (issue 16, docs/evaluation.md).
    return new Ranking(0.5f, 0f, 0f, 1.0f, 1.0f, 0f, 0.3f, 1.2f, 0.75f, DEFAULT_AUTHOR, Model.DFR);
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
        + ",author=" + author + (model == Model.BM25 ? ",BM25(k1=" + k1 + ",b=" + b + "))" : ",DFR(I(ne)B2))");
  }
}
