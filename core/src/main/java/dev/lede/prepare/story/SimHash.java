package dev.lede.prepare.story;

/**
 * 64-bit SimHash (Charikar) over shingle hashes: each bit is the majority vote of that bit across
 * the shingles, so similar shingle sets give fingerprints a few bits apart. Kept as the alternative
 * that the measurement in {@code docs/stories.md} compares MinHash with.
 */
public final class SimHash {
  private SimHash() {}

  /** The fingerprint of a set of shingle hashes (0 for an empty set). */
  public static long of(long[] shingles) {
    int[] votes = new int[64];
    for (long s : shingles) {
      long h = Hash64.mix(s);
      for (int bit = 0; bit < 64; bit++) {
        votes[bit] += ((h >>> bit) & 1L) == 1L ? 1 : -1;
      }
    }
    long out = 0;
    for (int bit = 0; bit < 64; bit++) {
      if (votes[bit] > 0) {
        out |= 1L << bit;
      }
    }
    return out;
  }

  /** 1 minus the share of differing bits: 1.0 for equal fingerprints. */
  public static double similarity(long a, long b) {
    return 1.0 - Long.bitCount(a ^ b) / 64.0;
  }
}
