package dev.lede.bench.eval;

import java.util.Locale;

/**
 * One point of the ranking experiments run on {@link LabSystem}: the analysis and ranking choices
 * Lede's defaults are picked from. Prints itself compactly for the experiments table.
 *
 * @param fieldModel how title and body scores combine
 * @param stemmer the stemmer after lower-casing and stop words
 * @param stopWords whether Lucene's English stop words are removed
 * @param titleWeight the boost of a match in the title (headline) field
 * @param bodyWeight the boost of a match in the body field
 * @param k1 BM25 term-frequency saturation
 * @param b BM25 length normalisation
 * @param proximityBoost weight of each pair of adjacent query words found within {@link
 *     #PROXIMITY_SLOP} positions of each other (a sloppy phrase), in title or body (0: off)
 * @param headlinePhraseBoost weight of the whole query as one sloppy phrase (slop
 *     {@value #HEADLINE_PHRASE_SLOP}) in the title, so a headline quoted as a query ranks first (0: off)
 * @param feedbackDocs pseudo-relevance feedback: how many top documents feed the expansion (0: off)
 * @param feedbackTerms how many expansion terms are added
 * @param originalWeight the weight of the original query against the expansion terms (RM3's lambda)
 */
public record LabSettings(
    FieldModel fieldModel,
    Stemmer stemmer,
    boolean stopWords,
    float titleWeight,
    float bodyWeight,
    float k1,
    float b,
    float proximityBoost,
    float headlinePhraseBoost,
    int feedbackDocs,
    int feedbackTerms,
    float originalWeight) {

  /** Slop of the headline phrase: words may be this many position moves away from the query's order. */
  public static final int HEADLINE_PHRASE_SLOP = 2;

  /** Slop of the proximity pairs: how many position moves the two words may be apart. */
  public static final int PROXIMITY_SLOP = 4;

  /** How a term's matches in title and body make one score. */
  public enum FieldModel {
    /** The sum of each field's own BM25, each times its weight (Lucene's usual multi-field query). */
    SUM,
    /**
     * BM25F (Lucene's CombinedFieldQuery): weighted term frequencies and lengths of the fields are
     * added up first and saturate once, so a word in the title cannot score twice.
     */
    BM25F,
    /**
     * One field holding title and body (as the single-field baselines), plus the title field
     * scored again with weight {@code titleWeight - 1} (so weight 1 adds nothing).
     */
    ALL_PLUS_TITLE
  }

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
    java.util.Objects.requireNonNull(fieldModel, "fieldModel");
    if (fieldModel == FieldModel.BM25F && (titleWeight < 1 || bodyWeight < 1)) {
      throw new IllegalArgumentException("BM25F field weights must be >= 1, got title " + titleWeight + ", body " + bodyWeight);
    }
    if (!(b >= 0 && b <= 1)) {
      throw new IllegalArgumentException("illegal b value: " + b + ", must be between 0 and 1");
    }
  }

  /** The starting point, which ranks exactly as the EnglishAnalyzer baseline: one all-text field, Porter, stop words, Lucene's BM25. */
  public static LabSettings base() {
    return new LabSettings(FieldModel.ALL_PLUS_TITLE, Stemmer.PORTER, true, 1f, 1f, 1.2f, 0.75f, 0f, 0f, 0, 0, 1f);
  }

  /**
   * The settings the experiments chose (docs/evaluation.md): one field with all text plus the title
   * at half weight, Porter, stop words, Lucene's BM25, no proximity, no feedback.
   */
  public static LabSettings chosen() {
    return base().withTitleWeight(1.5f);
  }

  public LabSettings withFieldModel(FieldModel m) {
    return new LabSettings(m, stemmer, stopWords, titleWeight, bodyWeight, k1, b, proximityBoost, headlinePhraseBoost, feedbackDocs, feedbackTerms, originalWeight);
  }

  public LabSettings withStemmer(Stemmer s) {
    return new LabSettings(fieldModel, s, stopWords, titleWeight, bodyWeight, k1, b, proximityBoost, headlinePhraseBoost, feedbackDocs, feedbackTerms, originalWeight);
  }

  public LabSettings withStopWords(boolean on) {
    return new LabSettings(fieldModel, stemmer, on, titleWeight, bodyWeight, k1, b, proximityBoost, headlinePhraseBoost, feedbackDocs, feedbackTerms, originalWeight);
  }

  public LabSettings withTitleWeight(float w) {
    return new LabSettings(fieldModel, stemmer, stopWords, w, bodyWeight, k1, b, proximityBoost, headlinePhraseBoost, feedbackDocs, feedbackTerms, originalWeight);
  }

  public LabSettings withBm25(float newK1, float newB) {
    return new LabSettings(fieldModel, stemmer, stopWords, titleWeight, bodyWeight, newK1, newB, proximityBoost, headlinePhraseBoost, feedbackDocs, feedbackTerms, originalWeight);
  }

  public LabSettings withProximity(float boost) {
    return new LabSettings(fieldModel, stemmer, stopWords, titleWeight, bodyWeight, k1, b, boost, headlinePhraseBoost, feedbackDocs, feedbackTerms, originalWeight);
  }

  public LabSettings withHeadlinePhrase(float boost) {
    return new LabSettings(fieldModel, stemmer, stopWords, titleWeight, bodyWeight, k1, b, proximityBoost, boost, feedbackDocs, feedbackTerms, originalWeight);
  }

  public LabSettings withFeedback(int docs, int terms, float lambda) {
    return new LabSettings(fieldModel, stemmer, stopWords, titleWeight, bodyWeight, k1, b, proximityBoost, headlinePhraseBoost, docs, terms, lambda);
  }

  @Override
  public String toString() {
    String s = String.format(Locale.ROOT, "%s %s stop=%s title=%.2f k1=%.2f b=%.2f",
        fieldModel.name().toLowerCase(Locale.ROOT), stemmer.name().toLowerCase(Locale.ROOT), stopWords ? "on" : "off", titleWeight, k1, b);
    if (proximityBoost > 0) {
      s += String.format(Locale.ROOT, " prox=%.2f", proximityBoost);
    }
    if (headlinePhraseBoost > 0) {
      s += String.format(Locale.ROOT, " hphrase=%.2f", headlinePhraseBoost);
    }
    if (feedbackDocs > 0) {
      s += String.format(Locale.ROOT, " prf=%d/%d/%.1f", feedbackDocs, feedbackTerms, originalWeight);
    }
    return s;
  }
}
