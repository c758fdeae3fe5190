package dev.lede;

/**
 * How an index is opened.
 *
 * @param ramBufferMb the IndexWriter's RAM buffer before it flushes a segment, in MB
 * @param readOnly open for search only: no write lock is taken, writes throw
 */
public record IndexOptions(double ramBufferMb, boolean readOnly) {
  public IndexOptions {
    if (!(ramBufferMb > 0)) {
      throw new IllegalArgumentException("illegal RAM buffer " + ramBufferMb + " MB, must be > 0");
    }
  }

  public static IndexOptions defaults() {
    return new IndexOptions(64, false);
  }

  public IndexOptions withReadOnly(boolean readOnly) {
    return new IndexOptions(ramBufferMb, readOnly);
  }
}
