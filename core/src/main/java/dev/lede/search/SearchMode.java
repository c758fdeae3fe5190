package dev.lede.search;

/**
 * How a query's text is matched. Filters, facets, paging, collapse and highlights work in every
 * mode; see docs/semantic.md for what a total counts in each.
 */
public enum SearchMode {
  /** Words: BM25 over the text fields. The only mode of an index without vectors. */
  LEXICAL,
  /** Meaning: the articles whose best chunk vector is nearest the query's, at most {@link Fusion#k()} of them. */
  SEMANTIC,
  /** Both: lexical and vector scores, each scaled to 0-1 over its own top k, added with {@link Fusion#weight()}. */
  HYBRID
}
