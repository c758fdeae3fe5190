package dev.lede.search;

/** How query text is read. */
public enum Syntax {
  /**
   * Forgiving: words, "phrases", -exclusion, OR, prefix*, field:value (headline:, lead:, body:,
   * source:, entity:, published:[from TO to]). Never throws; what it cannot read it takes as words.
   */
  SIMPLE,
  /** Lucene's classic syntax, strictly: an error names its position. */
  LUCENE
}
