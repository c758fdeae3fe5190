package dev.lede;

import dev.lede.article.Article;
import dev.lede.read.ArticleSource;
import dev.lede.read.Origin;
import dev.lede.read.ReadListener;
import dev.lede.read.ReadReport;
import dev.lede.read.Rejection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ingest pipeline: one thread reads (the caller's), N threads prepare and write, and a bounded
 * queue between them holds at most {@code threads × queuePerThread} articles, so memory stays flat
 * however large the input. The index's one {@code IndexWriter} takes the documents of all threads.
 *
 * <p>Each article is numbered as it is read. Preparing and writing run in parallel, but the step
 * between them that places an article among the others (unchanged or not, its story, its
 * boilerplate) takes the articles in that order, one at a time: the same input gives the same
 * stories however the threads are scheduled, and of two records with one id the last read wins.
 *
 * <p>Pruning deletes only after a read that lost nothing: when any record or file was rejected,
 * the ids seen are not the whole input, and deleting the rest would delete articles by accident.
 */
final class Ingest {
  private static final Object END = new Object();
  /**
   * Articles per {@link NewsIndex#upsertAll} call for an index other than the embedded one: a remote
   * index (Solr) costs a round trip per call, so one article per call would be bound by latency.
   */
  static final int REMOTE_BATCH = 500;

  private final NewsIndex index;
  private final IngestOptions options;
  private final IngestListener listener;
  private final BlockingQueue<Object> queue;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final AtomicLong added = new AtomicLong();
  private final AtomicLong replaced = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong sinceCommit = new AtomicLong();
  private volatile boolean aborted;
  /** Prepared articles whose turn has not come, by number; guards {@link #next}. */
  private final java.util.Map<Long, Prepared> waiting = new java.util.HashMap<>();
  private final int maxWaiting;
  /** The number of the next article to be placed. */
  private long next;
  /** A --commit-every commit is under way: nothing is placed meanwhile; guarded by {@link #waiting}. */
  private boolean committing;

  /** An article with its place in the input, and what an earlier preparation made of it (or null). */
  private record Numbered(long number, Article article, Origin origin, Carried carried) {}

  /** A listener that also takes articles with their preparation carried over (a reindex's source gives them). */
  interface CarryingListener extends ReadListener {
    void article(Article input, Origin origin, Carried carried);
  }

  private Ingest(NewsIndex index, IngestOptions options, IngestListener listener) {
    this.index = index;
    this.options = options;
    this.listener = listener;
    int capacity = Math.multiplyExact(options.threads(), options.queuePerThread());
    this.queue = new ArrayBlockingQueue<>(index instanceof LuceneNewsIndex ? capacity : Math.max(capacity, REMOTE_BATCH * options.threads()));
    this.maxWaiting = capacity;
  }

  static IngestReport run(NewsIndex index, ArticleSource source, IngestOptions options, IngestListener listener) {
    if (options.prune() && !(index instanceof LuceneNewsIndex)) {
      throw new UnsupportedOperationException("pruning is not supported by " + index.getClass().getSimpleName());
    }
    return new Ingest(index, options, listener == null ? IngestListener.NONE : listener).run(source);
  }

  private IngestReport run(ArticleSource source) {
    long start = System.nanoTime();
    // every id of the run: a second record of one id is reported (the last read wins), and --prune keeps them
    Set<String> seen = new HashSet<>();
    long[] numbers = new long[1];
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < options.threads(); i++) {
      Thread t = new Thread(this::work, "lede-ingest-" + i);
      t.setDaemon(true);
      t.start();
      workers.add(t);
    }
    ReadReport read;
    try {
      read = source.read(new CarryingListener() {
        @Override
        public void article(Article article, Origin origin) {
          article(article, origin, null);
        }

        @Override
        public void article(Article article, Origin origin, Carried carried) {
          if (!seen.add(article.id())) {
            listener.warning(origin.file() + " record " + origin.record() + ": id '" + article.id()
                + "' was already read in this run; the last record read is kept");
          }
          enqueue(new Numbered(numbers[0]++, article, origin, carried));
        }

        @Override
        public void rejected(Rejection r) {
          rejected.incrementAndGet();
          listener.rejected(r);
        }

        @Override
        public void skipped(Path file, String why) {
          listener.skipped(file, why);
        }
      });
      for (int i = 0; i < workers.size(); i++) {
        enqueue(END);
      }
      join(workers);
    } catch (RuntimeException | Error e) {
      aborted = true;
      join(workers);
      throw e;
    }
    rethrowFailure();
    if (index instanceof LuceneNewsIndex lucene) {
      lucene.stripLearnedBoilerplate();
    }
    index.commit();
    long pruned = 0;
    String refused = null;
    if (options.prune()) {
      if (read.rejected() > 0) {
        refused = read.rejected() + (read.rejected() == 1 ? " record" : " records")
            + " could not be read, so the input is not complete: nothing was pruned";
      } else {
        LuceneNewsIndex lucene = (LuceneNewsIndex) index;
        List<String> gone = lucene.idsNotIn(seen);
        if (!gone.isEmpty() && listener.confirmPrune(gone)) {
          gone.forEach(lucene::delete);
          pruned = gone.size();
          index.commit();
        } else if (!gone.isEmpty()) {
          refused = "pruning " + gone.size() + (gone.size() == 1 ? " article" : " articles") + " was not confirmed: nothing was pruned";
        }
      }
    }
    return new IngestReport(read.files(), read.articles(), added.get(), replaced.get(), unchanged.get(), read.rejected(),
        duplicates.get(), pruned, refused, read.skipped(), read.bytes(), Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * What {@code --prune} would delete, without writing anything: reads every record of the source
   * for its id only and lists the indexed articles it does not have.
   */
  static PrunePreview previewPrune(LuceneNewsIndex index, ArticleSource source, IngestListener listener) {
    IngestListener l = listener == null ? IngestListener.NONE : listener;
    Set<String> seen = new HashSet<>();
    ReadReport read = source.read(new ReadListener() {
      @Override
      public void article(Article article, Origin origin) {
        seen.add(article.id());
      }

      @Override
      public void rejected(Rejection r) {
        l.rejected(r);
      }

      @Override
      public void skipped(Path file, String why) {
        l.skipped(file, why);
      }
    });
    String refused = read.rejected() == 0 ? null : read.rejected() + (read.rejected() == 1 ? " record" : " records")
        + " could not be read, so the input is not complete: nothing would be pruned";
    return new PrunePreview(read.articles(), read.rejected(), refused == null ? index.idsNotIn(seen) : List.of(), refused);
  }

  private void enqueue(Object item) {
    try {
      while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
        rethrowFailure(); // every worker may have stopped: do not wait for room forever
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedeException("ingest interrupted", e);
    }
    rethrowFailure();
  }

  private void rethrowFailure() {
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
  }

  private void work() {
    try {
      while (!aborted && failure.get() == null) {
        Object item = queue.poll(50, TimeUnit.MILLISECONDS);
        if (item == END) {
          return;
        }
        if (item != null && index instanceof LuceneNewsIndex lucene) {
          prepareAndWrite(lucene, (Numbered) item);
        } else if (item != null && writeBatch(((Numbered) item).article())) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, new LedeException("ingest interrupted", e));
    } catch (RuntimeException | Error e) {
      failure.compareAndSet(null, e);
    }
  }

  /** An article prepared (or failed preparing), waiting for its turn to be placed. */
  private record Prepared(Numbered item, LuceneNewsIndex.Ready ready, RuntimeException failed) {}

  /** An article placed among the others, to be written. */
  private record Placed(Numbered item, LuceneNewsIndex.Assigned assigned) {}

  /**
   * Prepares an article, places every prepared article whose turn has come, in input order, and
   * writes what it placed. No worker waits for another's turn: whoever completes a run of numbers
   * places them all, then writes them outside the lock while the others prepare.
   */
  private void prepareAndWrite(LuceneNewsIndex lucene, Numbered item) throws InterruptedException {
    Prepared prepared;
    try {
      prepared = new Prepared(item, lucene.prepare(item.article(), item.carried()), null);
    } catch (RuntimeException e) {
      prepared = new Prepared(item, null, e); // its turn must still come, or every later article would wait
    }
    synchronized (waiting) {
      while (waiting.size() >= maxWaiting && item.number() != next) {
        waiting.wait(50); // far ahead of a slow article: wait for it rather than hold ever more in memory
        if (aborted || failure.get() != null) {
          return;
        }
      }
      waiting.put(item.number(), prepared);
    }
    boolean commit;
    do {
      List<Placed> placed = new ArrayList<>();
      commit = place(lucene, placed);
      // Every placed article is written even when one fails: each was counted as in flight, and a
      // commit waits for those.
      RuntimeException failed = null;
      for (Placed p : placed) {
        try {
          store(lucene, p);
        } catch (RuntimeException e) {
          failed = failed == null ? e : failed;
        }
      }
      if (failed != null) {
        throw failed;
      }
      if (commit) {
        // --commit-every N: the commit holds exactly the first k x N articles read, since nothing
        // after them is placed until it is done; after a crash the index is a prefix of the input
        index.commit();
        synchronized (waiting) {
          committing = false;
          waiting.notifyAll();
        }
      }
    } while (commit); // the articles that waited for the commit are placed by this worker
  }

  /**
   * Places the prepared articles whose turn has come, in input order, into {@code placed}; stops
   * after the last article of a {@code --commit-every} block.
   *
   * @return true when a commit is due: this worker commits, and no one places until it has
   */
  private boolean place(LuceneNewsIndex lucene, List<Placed> placed) {
    synchronized (waiting) {
      if (committing) {
        return false;
      }
      try {
        for (Prepared p; (p = waiting.remove(next)) != null; ) {
          next++;
          if (p.failed() != null) {
            throw p.failed();
          }
          placed.add(new Placed(p.item(), lucene.assign(p.ready())));
          if (options.commitEvery() > 0 && next % options.commitEvery() == 0) {
            committing = true;
            return true;
          }
        }
        return false;
      } finally {
        waiting.notifyAll();
      }
    }
  }

  private void store(LuceneNewsIndex lucene, Placed p) {
    LuceneNewsIndex.Written w = lucene.store(p.assigned());
    if (w.duplicateOf() != null) {
      duplicates.incrementAndGet();
      listener.duplicate(p.item().article().id(), w.duplicateOf());
    }
    for (String warning : index.takeWarnings()) {
      listener.warning(warning);
    }
    counted(w.outcome());
    listener.progress(added.get() + replaced.get() + unchanged.get(), rejected.get());
  }

  /** Counts one written article, and commits when --commit-every says so. */
  private void counted(UpsertOutcome outcome) {
    switch (outcome) {
      case ADDED -> added.incrementAndGet();
      case REPLACED -> replaced.incrementAndGet();
      case UNCHANGED -> unchanged.incrementAndGet();
    }
    if (options.commitEvery() > 0 && !(index instanceof LuceneNewsIndex) && sinceCommit.incrementAndGet() % options.commitEvery() == 0) {
      index.commit(); // the embedded index commits in input order instead (see place)
    }
  }

  /**
   * Writes the article and whatever else is queued, up to {@link #REMOTE_BATCH}, with one
   * {@link NewsIndex#upsertAll} call.
   *
   * @return true when the end marker was taken from the queue: the worker is done
   */
  private boolean writeBatch(Article first) {
    List<Article> batch = new ArrayList<>(List.of(first));
    boolean end = false;
    while (batch.size() < REMOTE_BATCH) {
      Object next = queue.poll();
      if (next == null) {
        break;
      }
      if (next == END) {
        end = true;
        break;
      }
      batch.add(((Numbered) next).article());
    }
    for (UpsertOutcome outcome : index.upsertAll(batch)) {
      counted(outcome);
    }
    listener.progress(added.get() + replaced.get() + unchanged.get(), rejected.get());
    return end;
  }

  private static void join(List<Thread> workers) {
    boolean interrupted = false;
    for (Thread t : workers) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
