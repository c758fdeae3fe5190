package dev.lede.bench.eval;

import java.util.Locale;

/**
 * One point of the ranking experiments run on {@link LabSystem}: the analysis and ranking choices
 * Lede's defaults are picked from. Prints itself compactly for the experiments table.
 *
 * @param stemmer the stemmer after lower-casing and stop words
 * @param stopWords whether Lucene's English stop words are removed
 * @param titleWeight the boost of a match in the title (headline) field
 * @param bodyWeight the boost of a match in the body field
 * @param k1 BM25 term-frequency saturation
 * @param b BM25 length normalisation
 * @param proximityBoost weight of each pair of adjacent query words found within {@link
 *     #PROXIMITY_SLOP} positions of each other (a sloppy phrase), in title or body (0: off)
 * @param feedbackDocs pseudo-relevance feedback: how many top documents feed the expansion (0: off)
 * @param feedbackTerms how many expansion terms are added
 * @param originalWeight the weight of the original query against the expansion terms (RM3's lambda)
 */
public record LabSettings(
    Stemmer stemmer,
    boolean stopWords,
    float titleWeight,
    float bodyWeight,
    float k1,
    float b,
    float proximityBoost,
    int feedbackDocs,
    int feedbackTerms,
    float originalWeight) {

  /** Slop of the proximity pairs: how many position moves the two words may be apart. */
  public static final int PROXIMITY_SLOP = 4;

  /** The stemmers compared. */
  public enum Stemmer {
    NONE,
    MINIMAL,
    KSTEM,
    PORTER
  }

  public LabSettings {
    if (!(k1 >= 0)) {
      throw new IllegalArgumentException("illegal k1 value: " + k1 + ", must be >= 0");
    }
    if (!(b >= 0 && b <= 1)) {
      throw new IllegalArgumentException("illegal b value: " + b + ", must be between 0 and 1");
    }
  }

  /** The starting point: EnglishAnalyzer-like analysis, title and body equal, Lucene's BM25, no extras. */
  public static LabSettings base() {
    return new LabSettings(Stemmer.PORTER, true, 1f, 1f, 1.2f, 0.75f, 0f, 0, 0, 1f);
  }

  public LabSettings withStemmer(Stemmer s) {
    return new LabSettings(s, stopWords, titleWeight, bodyWeight, k1, b, proximityBoost, feedbackDocs, feedbackTerms, originalWeight);
  }

  public LabSettings withStopWords(boolean on) {
    return new LabSettings(stemmer, on, titleWeight, bodyWeight, k1, b, proximityBoost, feedbackDocs, feedbackTerms, originalWeight);
  }

  public LabSettings withTitleWeight(float w) {
    return new LabSettings(stemmer, stopWords, w, bodyWeight, k1, b, proximityBoost, feedbackDocs, feedbackTerms, originalWeight);
  }

  public LabSettings withBm25(float newK1, float newB) {
    return new LabSettings(stemmer, stopWords, titleWeight, bodyWeight, newK1, newB, proximityBoost, feedbackDocs, feedbackTerms, originalWeight);
  }

  public LabSettings withProximity(float boost) {
    return new LabSettings(stemmer, stopWords, titleWeight, bodyWeight, k1, b, boost, feedbackDocs, feedbackTerms, originalWeight);
  }

  public LabSettings withFeedback(int docs, int terms, float lambda) {
    return new LabSettings(stemmer, stopWords, titleWeight, bodyWeight, k1, b, proximityBoost, docs, terms, lambda);
  }

  @Override
  public String toString() {
    String s = String.format(Locale.ROOT, "%s stop=%s title=%.1f body=%.1f k1=%.2f b=%.2f",
        stemmer.name().toLowerCase(Locale.ROOT), stopWords ? "on" : "off", titleWeight, bodyWeight, k1, b);
    if (proximityBoost > 0) {
      s += String.format(Locale.ROOT, " prox=%.2f", proximityBoost);
    }
    if (feedbackDocs > 0) {
      s += String.format(Locale.ROOT, " prf=%d/%d/%.1f", feedbackDocs, feedbackTerms, originalWeight);
    }
    return s;
  }
}
