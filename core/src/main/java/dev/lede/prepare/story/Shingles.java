package dev.lede.prepare.story;

import java.util.Arrays;
import java.util.List;

/**
 * Word shingles: every run of {@code k} consecutive words, as a 64-bit hash. The set of shingles is
 * what near-duplicate detection compares: two copies that share most of their word runs tell the
 * same story, whatever a copy editor changed around them.
 */
public final class Shingles {
  private Shingles() {}

  /**
   * The distinct shingle hashes of these words, sorted. A text shorter than {@code k} words has one
   * shingle of all its words; an empty text has none.
   *
   * @throws IllegalArgumentException when k is below 1
   */
  public static long[] of(List<String> words, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("illegal shingle size: " + k + ", must be at least 1");
    }
    long[] wordHashes = new long[words.size()];
    for (int i = 0; i < wordHashes.length; i++) {
      wordHashes[i] = Hash64.of(words.get(i));
    }
    return ofHashes(wordHashes, k);
  }

  /** {@link #of(List, int)} from the words' {@link Hash64#of} hashes ({@link StoryText#wordHashes}). */
  public static long[] ofHashes(long[] wordHashes, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("illegal shingle size: " + k + ", must be at least 1");
    }
    if (wordHashes.length == 0) {
      return new long[0];
    }
    int n = Math.max(1, wordHashes.length - k + 1);
    int width = Math.min(k, wordHashes.length);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      long h = k;
      for (int j = 0; j < width; j++) {
        h = Hash64.mix(h * 0x9E3779B97F4A7C15L + wordHashes[i + j]);
      }
      out[i] = h;
    }
    Arrays.sort(out);
    return distinctSorted(out);
  }

  /** Jaccard similarity of two sorted, distinct hash sets: |A ∩ B| / |A ∪ B|; 0 when both are empty. */
  public static double jaccard(long[] a, long[] b) {
    if (a.length == 0 && b.length == 0) {
      return 0;
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (a.length + b.length - common);
  }

  private static long[] distinctSorted(long[] sorted) {
    int w = 0;
    for (int r = 0; r < sorted.length; r++) {
      if (r == 0 || sorted[r] != sorted[r - 1]) {
        sorted[w++] = sorted[r];
      }
    }
    return w == sorted.length ? sorted : Arrays.copyOf(sorted, w);
  }
}
