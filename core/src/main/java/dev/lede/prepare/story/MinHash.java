package dev.lede.prepare.story;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * MinHash signatures and their LSH band keys.
 *
 * <p>A signature holds, per hash function, the smallest hash of any shingle; two signatures agree
 * at a position with probability equal to the Jaccard similarity of the shingle sets, so the share
 * of equal positions estimates it. Each "permutation" is one 64-bit mix of the shingle hash XOR a
 * per-position constant drawn from a fixed seed: cheap, and the same on every run, which matters
 * because signatures are stored in the index. Only the high 32 bits of each minimum are kept; a
 * false agreement then has probability 2^-32, far below the estimate's own noise, and the stored
 * signature is half the size.
 *
 * <p>Banding splits the signature into {@code bands} runs of {@code rows} values; two articles are
 * candidates when any band agrees entirely, which happens with probability {@code 1-(1-J^r)^b}.
 */
public final class MinHash {
  private final long[] seeds;
  private final int bands;
  private final int rows;

  /**
   * @param hashes signature length
   * @param bands number of LSH bands; must divide {@code hashes}
   * @param seed fixes the hash functions; signatures made with another seed are not comparable
   */
  public MinHash(int hashes, int bands, long seed) {
    if (hashes < 1) {
      throw new IllegalArgumentException("illegal number of hashes: " + hashes + ", must be at least 1");
    }
    if (bands < 1 || hashes % bands != 0) {
      throw new IllegalArgumentException(
          "illegal number of bands: " + bands + ", must divide the number of hashes (" + hashes + ")");
    }
    this.bands = bands;
    this.rows = hashes / bands;
    this.seeds = new long[hashes];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < hashes; i++) {
      seeds[i] = random.nextLong();
    }
  }

  /** The signature length. */
  public int hashes() {
    return seeds.length;
  }

  /** The number of bands. */
  public int bands() {
    return bands;
  }

  /** The signature of a set of shingle hashes; all {@code Integer.MAX_VALUE} for an empty set. */
  public int[] signature(long[] shingles) {
    int n = seeds.length;
    long[] min = new long[n];
    java.util.Arrays.fill(min, Long.MAX_VALUE);
    for (long s : shingles) {
      for (int i = 0; i < n; i++) {
        // compare as unsigned so the kept high bits order the same way as the full value
        long h = Hash64.mix(s ^ seeds[i]) >>> 1;
        if (h < min[i]) {
          min[i] = h;
        }
      }
    }
    int[] sig = new int[n];
    for (int i = 0; i < n; i++) {
      sig[i] = (int) (min[i] >>> 31);
    }
    return sig;
  }

  /** The share of positions where two signatures agree: the estimated Jaccard similarity. */
  public static double similarity(int[] a, int[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("signatures differ in length: " + a.length + " and " + b.length);
    }
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / a.length;
  }

  /**
   * The band keys of a signature: one short string per band, naming the band and a hash of its
   * rows. Kept as strings so that they can be indexed as keyword terms.
   */
  public List<String> bandKeys(int[] signature) {
    if (signature.length != seeds.length) {
      throw new IllegalArgumentException(
          "signature has " + signature.length + " values, this MinHash makes " + seeds.length);
    }
    List<String> keys = new ArrayList<>(bands);
    for (int b = 0; b < bands; b++) {
      // 48 bits of band hash: accidental band collisions only cost a verification, never a wrong join
      keys.add(Integer.toString(b, 36) + "_" + Long.toString(bandHash(signature, b) >>> 16, 36));
    }
    return keys;
  }

  /** The hash of one band of a signature (its number and its rows): equal bands hash alike. */
  public long bandHash(int[] signature, int band) {
    long h = band;
    for (int r = 0; r < rows; r++) {
      h = Hash64.mix(h * 0x9E3779B97F4A7C15L + signature[band * rows + r]);
    }
    return h;
  }
}
