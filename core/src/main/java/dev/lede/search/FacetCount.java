package dev.lede.search;

/** One value of a facet and how many matching articles have it. */
public record FacetCount(String value, long count) {
  public FacetCount {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
  }
}
