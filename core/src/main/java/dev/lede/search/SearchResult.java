package dev.lede.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link NewsQuery}.
 *
 * @param query the query text as given
 * @param total how many articles match (exact; with collapsing, how many stories)
 * @param hits this page of hits, best first (or in the asked date order)
 * @param facets counts per asked facet, each list largest first
 * @param next a cursor for the page after this one, or null when this is the last page
 * @param didYouMean a spelling suggestion from the index's vocabulary when the query found little, else null
 * @param articles how many articles match: {@code total} without collapsing, at least {@code total}
 *     with it, or {@link #NOT_COUNTED} when the backend does not count them
 * @param offset how many hits came before this page: the rank of its first hit is {@code offset + 1}
 */
public record SearchResult(
    String query, long total, List<Hit> hits, Map<Facet, List<FacetCount>> facets, String next, String didYouMean,
    long articles, long offset) {

  /** The value of {@link #articles()} when a backend does not count the articles of collapsed stories. */
  public static final long NOT_COUNTED = -1;

  public SearchResult {
    if (total < 0) {
      throw new IllegalArgumentException("total must be >= 0, got " + total);
    }
    if (articles < NOT_COUNTED) {
      throw new IllegalArgumentException("articles must be >= 0 or NOT_COUNTED, got " + articles);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, got " + offset);
    }
    hits = List.copyOf(hits);
    // In Facet's order: Map.copyOf iterates in an order that changes from run to run (issue 15).
    Map<Facet, List<FacetCount>> ordered = new java.util.EnumMap<>(Facet.class);
    if (facets != null) {
      facets.forEach((f, counts) -> ordered.put(f, List.copyOf(counts)));
    }
    facets = java.util.Collections.unmodifiableMap(ordered);
  }

  /** A first page whose every match is a hit of its own (no collapsing): articles = total. */
  public SearchResult(String query, long total, List<Hit> hits, Map<Facet, List<FacetCount>> facets, String next, String didYouMean) {
    this(query, total, hits, facets, next, didYouMean, total, 0);
  }
}
