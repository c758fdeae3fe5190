package dev.lede.read;

/**
 * Bounds that keep one bad input from exhausting memory or disk. A record over {@code
 * maxRecordBytes} is a rejection and reading goes on with the next record; a gzip file that
 * inflates beyond {@code maxDecompressedBytes} is rejected from that point on (the records before
 * it are kept).
 *
 * @param maxRecordBytes the largest record: a JSON Lines line in bytes, a JSON array element in
 *     characters, a post file in bytes. Default {@value #DEFAULT_MAX_RECORD_BYTES} (16 MiB).
 * @param maxDecompressedBytes the most bytes one gzip file may inflate to. Default {@value
 *     #DEFAULT_MAX_DECOMPRESSED_BYTES} (4 GiB).
 */
public record ReadLimits(int maxRecordBytes, long maxDecompressedBytes) {
  /** 16 MiB: far above any real article, far below what hurts a JVM with a default heap. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

  /** 4 GiB: a large news dump, yet a bound on a gzip bomb. */
  public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 4L * 1024 * 1024 * 1024;

  /**
   * The deepest JSON nesting of arrays and objects read: an article is a few levels deep, and a
   * bound keeps a "[[[[..." record from costing stack or memory. Deeper is a rejection of that record.
   */
  public static final int MAX_JSON_NESTING = 100;

  /** The defaults. */
  public static final ReadLimits DEFAULTS = new ReadLimits(DEFAULT_MAX_RECORD_BYTES, DEFAULT_MAX_DECOMPRESSED_BYTES);

  public ReadLimits {
    if (maxRecordBytes < 1024) {
      throw new IllegalArgumentException("maxRecordBytes must be at least 1024, got " + maxRecordBytes);
    }
    if (maxDecompressedBytes < 1) {
      throw new IllegalArgumentException("maxDecompressedBytes must be positive, got " + maxDecompressedBytes);
    }
  }

  /** A size in bytes the way people read it: {@code 16 MiB}, {@code 4 GiB}, {@code 1500 bytes}. */
  static String human(long bytes) {
    if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
      return (bytes >> 30) + " GiB";
    }
    if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
      return (bytes >> 10) + " KiB";
    }
    return bytes + " bytes";
  }
}
