package dev.lede.prepare.story;

/**
 * Fast 64-bit hashing for shingles and MinHash permutations. Not cryptographic: only well mixed, and
 * the same on every JVM and every run, because signatures are stored in the index and compared with
 * signatures computed later.
 */
final class Hash64 {
  private Hash64() {}

  /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** FNV-1a's 64-bit offset basis and prime. */
  static final long FNV_OFFSET = 0xcbf29ce484222325L;

  static final long FNV_PRIME = 0x100000001b3L;

  /** FNV-1a over the UTF-16 units of a word, then mixed. */
  static long of(String s) {
    long h = FNV_OFFSET;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= FNV_PRIME;
    }
    return mix(h);
  }
}
