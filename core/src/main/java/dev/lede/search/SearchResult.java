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
 */
public record SearchResult(
    String query, long total, List<Hit> hits, Map<Facet, List<FacetCount>> facets, String next, String didYouMean) {

  public SearchResult {
    if (total < 0) {
      throw new IllegalArgumentException("total must be >= 0, got " + total);
    }
    hits = List.copyOf(hits);
    facets = facets == null ? Map.of() : Map.copyOf(facets);
  }
}
