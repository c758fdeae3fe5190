package dev.lede.prepare.story;

/**
 * How near-duplicates are found: shingle size, signature length, LSH bands, the similarity a
 * candidate must reach, and the seed that fixes the hash functions. The defaults were chosen by the
 * measurement in {@code docs/stories.md}; an index keeps working only with the seed, shingle size,
 * hash count and bands it was built with (signatures are stored), while the threshold may change.
 *
 * @param shingleSize words per shingle
 * @param hashes MinHash signature length
 * @param bands LSH bands (must divide hashes)
 * @param threshold estimated Jaccard similarity at or above which an article joins a story
 * @param seed fixes the MinHash functions
 * @param maxCandidates how many candidates are verified at most per article
 * @param minWords below this many words of lead and body, an article joins a story only as an exact
 *     duplicate: a few words that share a template ("Report body 5", "Report body 6") are not copies
 *     of one story, and their shingle sets are too small for a similarity to mean anything
 * @param maxDaysApart two dated articles further apart than this are never one story: a text
 *     reused a year later (this year's heatwave written from last year's) is another event
 * @param grouping false turns near-duplicate grouping off: every article is a story of its own and
 *     no signature is computed, while exact duplicates are still found (by content hash) and reported
 */
public record StoryOptions(
    int shingleSize, int hashes, int bands, double threshold, long seed, int maxCandidates, int minWords,
    int maxDaysApart, boolean grouping) {

  /** The measured defaults. */
  public static StoryOptions defaults() {
    return new StoryOptions(4, 128, 64, 0.3, 0x1EDE5EEDL, 100, 25, 30, true);
  }

  public StoryOptions {
    if (shingleSize < 1) {
      throw new IllegalArgumentException("illegal shingle size: " + shingleSize + ", must be at least 1");
    }
    if (hashes < 1 || bands < 1 || hashes % bands != 0) {
      throw new IllegalArgumentException(
          "illegal hashes/bands: " + hashes + "/" + bands + ", bands must divide hashes");
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("illegal threshold: " + threshold + ", must be in (0, 1]");
    }
    if (maxCandidates < 1) {
      throw new IllegalArgumentException("illegal maxCandidates: " + maxCandidates + ", must be at least 1");
    }
    if (maxDaysApart < 0) {
      throw new IllegalArgumentException("illegal maxDaysApart: " + maxDaysApart + ", must be >= 0");
    }
    if (minWords < 0) {
      throw new IllegalArgumentException("illegal minWords: " + minWords + ", must be >= 0");
    }
  }

  /** The same options with another threshold. */
  public StoryOptions withThreshold(double newThreshold) {
    return new StoryOptions(shingleSize, hashes, bands, newThreshold, seed, maxCandidates, minWords, maxDaysApart, grouping);
  }

  /** The same options with another shingle size. */
  public StoryOptions withShingleSize(int k) {
    return new StoryOptions(k, hashes, bands, threshold, seed, maxCandidates, minWords, maxDaysApart, grouping);
  }

  /** The same options with another band count. */
  public StoryOptions withBands(int newBands) {
    return new StoryOptions(shingleSize, hashes, newBands, threshold, seed, maxCandidates, minWords, maxDaysApart, grouping);
  }

  /** The same options with near-duplicate grouping on or off. */
  public StoryOptions withGrouping(boolean on) {
    return new StoryOptions(shingleSize, hashes, bands, threshold, seed, maxCandidates, minWords, maxDaysApart, on);
  }
}
