package dev.lede;

/**
 * How an ingest runs.
 *
 * @param threads threads preparing articles and writing documents (reading is one more)
 * @param queuePerThread articles read ahead per thread: the bound that keeps memory flat however
 *     large the input
 * @param commitEvery commit after this many articles, or 0 to commit once at the end
 * @param prune after a complete read, delete the indexed articles whose ids the input did not have
 */
public record IngestOptions(int threads, int queuePerThread, long commitEvery, boolean prune) {
  public IngestOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (queuePerThread < 1) {
      throw new IllegalArgumentException("queuePerThread must be at least 1, got " + queuePerThread);
    }
    if (commitEvery < 0) {
      throw new IllegalArgumentException("commitEvery must be >= 0, got " + commitEvery);
    }
  }

  /** One thread per core, 64 articles queued per thread, one commit at the end, no pruning. */
  public static IngestOptions defaults() {
    return new IngestOptions(Runtime.getRuntime().availableProcessors(), 64, 0, false);
  }

  public IngestOptions withThreads(int threads) {
    return new IngestOptions(threads, queuePerThread, commitEvery, prune);
  }

  public IngestOptions withCommitEvery(long commitEvery) {
    return new IngestOptions(threads, queuePerThread, commitEvery, prune);
  }

  public IngestOptions withPrune(boolean prune) {
    return new IngestOptions(threads, queuePerThread, commitEvery, prune);
  }
}
