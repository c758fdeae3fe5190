package dev.lede.prepare.boilerplate;

/**
 * When a line is a source's boilerplate: it appears in at least {@code minShare} of the source's
 * articles and in at least {@code minCount} of them. The count floor is what keeps a line of a
 * source's first two articles from being taken for a template, and a paragraph from ever being
 * removed from the only article that has it.
 *
 * @param minShare share of the source's articles, in (0, 1]
 * @param minCount at least 2
 * @param maxTrackedPerSource lines counted per source before lines seen only once are forgotten
 */
public record BoilerplateOptions(double minShare, int minCount, int maxTrackedPerSource) {

  /** 30% of a source's articles and at least 3 of them; up to 20,000 distinct lines tracked per source. */
  public static BoilerplateOptions defaults() {
    return new BoilerplateOptions(0.3, 3, 20_000);
  }

  public BoilerplateOptions {
    if (!(minShare > 0 && minShare <= 1)) {
      throw new IllegalArgumentException("illegal minShare: " + minShare + ", must be in (0, 1]");
    }
    if (minCount < 2) {
      throw new IllegalArgumentException("illegal minCount: " + minCount + ", must be at least 2");
    }
    if (maxTrackedPerSource < 100) {
      throw new IllegalArgumentException("illegal maxTrackedPerSource: " + maxTrackedPerSource + ", must be at least 100");
    }
  }
}
