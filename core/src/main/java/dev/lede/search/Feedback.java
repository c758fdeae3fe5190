package dev.lede.search;

import java.util.Locale;

/**
 * Pseudo-relevance feedback settings (RM3): the best articles of a first search lend the query the
 * words they use most, mixed with the words as typed. Only long, description-like queries get it:
 * a short query is a precise request (its every word is meant, see the coverage boost), and
 * expansion would drift from it. Validated; prints itself for score explanations.
 *
 * <p>The default (5 articles, 10 terms, the typed query at 0.7, queries of 7 or more plain words)
 * is the best of a grid of RM3 settings on Cranfield alone; TIME and CISI were not used in the
 * choice (docs/evaluation.md). The word count is the coverage boost's limit plus one, not tuned.
 *
 * @param docs how many top articles of the first search feed the expansion
 * @param terms how many expansion terms are added
 * @param originalWeight the weight of the query as typed against the expansion terms (RM3's
 *     lambda), above 0 and at most 1 (1: no expansion)
 * @param minWords only queries with at least this many plain words (no field, quote or prefix) are expanded
 */
public record Feedback(int docs, int terms, float originalWeight, int minWords) {
  /** No feedback. */
  public static final Feedback OFF = new Feedback(0, 0, 1f, 0);

  public Feedback {
    if (docs < 0 || docs > 100) {
      throw new IllegalArgumentException("illegal feedback docs value: " + docs + ", must be between 0 and 100");
    }
    if (terms < 0 || terms > 100) {
      throw new IllegalArgumentException("illegal feedback terms value: " + terms + ", must be between 0 and 100");
    }
    if (!(originalWeight > 0 && originalWeight <= 1)) {
      throw new IllegalArgumentException("illegal feedback originalWeight value: " + originalWeight + ", must be above 0 and at most 1");
    }
    if (minWords < 0) {
      throw new IllegalArgumentException("illegal feedback minWords value: " + minWords + ", must be >= 0");
    }
  }

  /** Lede's default: RM3 for queries longer than the {@link QueryFactory#COVERAGE_MAX_WORDS short queries} the coverage boost is for. */
  public static Feedback defaults() {
    return new Feedback(5, 10, 0.7f, QueryFactory.COVERAGE_MAX_WORDS + 1);
  }

  /** Whether these settings expand any query at all. */
  public boolean enabled() {
    return docs > 0 && terms > 0 && originalWeight < 1;
  }

  @Override
  public String toString() {
    return enabled()
        ? String.format(Locale.ROOT, "Feedback(docs=%d,terms=%d,original=%s,minWords=%d)", docs, terms, originalWeight, minWords)
        : "Feedback(off)";
  }
}
