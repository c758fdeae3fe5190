package dev.lede.cli.serve;

import dev.lede.IndexUnavailableException;
import dev.lede.NewsIndex;
import java.util.function.Supplier;

/**
 * The server's one open index. A read-only server starts even when the index cannot be opened yet
 * (it answers 503 and says why) and opens it on a later request, so it may be started before the
 * first {@code lede index}. A failed open is tried again at most once a second: a client polling a
 * missing index costs a file-system look, not an open attempt per request.
 */
final class IndexHolder implements AutoCloseable {
  private static final long RETRY_NANOS = 1_000_000_000L;

  private final Supplier<NewsIndex> opener;
  private NewsIndex index;
  private RuntimeException failure;
  private long failedAt;
  private boolean closed;
  private java.util.function.Consumer<NewsIndex> whenOpened = i -> {};

  IndexHolder(Supplier<NewsIndex> opener) {
    this.opener = opener;
  }

  /** Runs {@code f} on the index once it is open (now, if it is). */
  synchronized void whenOpened(java.util.function.Consumer<NewsIndex> f) {
    whenOpened = f;
    if (index != null) {
      f.accept(index);
    }
  }

  /** The open index, opening it if need be; throws why it cannot be opened. */
  synchronized NewsIndex get() {
    if (closed) {
      throw new IllegalStateException("the server is stopping");
    }
    if (index != null) {
      return index;
    }
    if (failure != null && System.nanoTime() - failedAt < RETRY_NANOS) {
      throw failure;
    }
    try {
      index = opener.get();
      failure = null;
      whenOpened.accept(index);
      return index;
    } catch (IndexUnavailableException e) {
      failure = e;
      failedAt = System.nanoTime();
      throw e;
    }
  }

  /** Whether an index is open now, without trying to open one. */
  synchronized boolean isOpen() {
    return index != null;
  }

  /**
   * Lets searches see what other processes committed, and a reindex's switch to a new generation
   * (a read-only index moves to it on refresh). Opens the index if it was not open yet.
   */
  void refresh() {
    NewsIndex i;
    synchronized (this) {
      if (closed) {
        return;
      }
      i = index;
    }
    if (i == null) {
      try {
        get();
      } catch (IndexUnavailableException e) {
        // still unavailable: requests say why
      }
      return;
    }
    i.refresh();
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (index != null) {
      index.close();
      index = null;
    }
  }
}
