package dev.lede.write;

import dev.lede.IngestListener;
import dev.lede.IngestOptions;
import dev.lede.IngestReport;
import dev.lede.LedeException;
import dev.lede.NewsIndex;
import dev.lede.PrunePreview;
import dev.lede.article.Article;
import dev.lede.read.ArticleSource;
import dev.lede.read.Origin;
import dev.lede.read.ReadListener;
import dev.lede.read.ReadReport;
import dev.lede.read.Rejection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The write pipeline: one thread reads (the caller's), N threads prepare and store, and a bounded
 * queue between them holds at most {@code threads × queuePerThread} articles, so memory stays flat
 * however large the input.
 *
 * <p>Articles are numbered as they are read, in units of {@link WriteSteps#batch()}. Preparing and
 * storing run in parallel, but the step between them that places an article among the others
 * (unchanged or not, its story, its boilerplate) takes the articles in that order, one at a time:
 * the same input gives the same stories however the threads are scheduled, and of two records with
 * one id the last read wins. No worker waits for another's turn: whoever completes a run of numbers
 * places them all, then stores them outside the lock while the others prepare.
 *
 * <p>Pruning deletes only after a read that lost nothing: when any record or file was rejected,
 * the ids seen are not the whole input, and deleting the rest would delete articles by accident.
 */
public final class Pipeline<R, A> {
  private static final Object END = new Object();

  private final WriteSteps<R, A> steps;
  private final IngestOptions options;
  private final IngestListener listener;
  private final BlockingQueue<Object> queue;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final AtomicLong added = new AtomicLong();
  private final AtomicLong replaced = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private volatile boolean aborted;
  /** Prepared units whose turn has not come, by number; guards {@link #next}. */
  private final Map<Long, Prepared<R>> waiting = new HashMap<>();
  private final int maxWaiting;
  /** The number of the next unit to be placed. */
  private long next;
  /** A --commit-every commit is under way: nothing is placed meanwhile; guarded by {@link #waiting}. */
  private boolean committing;

  /** An article as read, and what an earlier preparation made of it (or null). */
  private record Item(Article article, Origin origin, Carried carried) {}

  /**
   * Consecutive articles with one number: their place in the input.
   *
   * @param commitAfter the last article ends a {@code --commit-every} block
   */
  private record Unit(long number, List<Item> items, boolean commitAfter) {}

  /** A unit prepared (or failed preparing), waiting for its turn to be placed. */
  private record Prepared<R>(Unit unit, List<R> ready, RuntimeException failed) {}

  /** A listener that also takes articles with their preparation carried over (a reindex's source gives them). */
  public interface CarryingListener extends ReadListener {
    void article(Article input, Origin origin, Carried carried);
  }

  private Pipeline(WriteSteps<R, A> steps, IngestOptions options, IngestListener listener) {
    this.steps = steps;
    this.options = options;
    this.listener = listener;
    int capacity = Math.multiplyExact(options.threads(), options.queuePerThread());
    int units = Math.max(options.threads(), capacity / Math.max(1, steps.batch()));
    this.queue = new ArrayBlockingQueue<>(units);
    this.maxWaiting = units;
  }

  /** Feeds every article of a source through an index's own steps, then commits. */
  public static <R, A> IngestReport run(WriteSteps<R, A> steps, ArticleSource source, IngestOptions options, IngestListener listener) {
    if (options.prune() && steps.pruning().isEmpty()) {
      throw new UnsupportedOperationException("pruning is not supported by this index");
    }
    return new Pipeline<>(steps, options, listener == null ? IngestListener.NONE : listener).run(source);
  }

  /** Feeds an index that gives no steps of its own: units of {@link NewsIndex#upsertAll} calls. */
  public static IngestReport run(NewsIndex index, ArticleSource source, IngestOptions options, IngestListener listener) {
    if (options.prune()) {
      throw new UnsupportedOperationException("pruning is not supported by " + index.getClass().getSimpleName());
    }
    return run(new UpsertAllSteps(index), source, options, listener);
  }

  private IngestReport run(ArticleSource source) {
    long start = System.nanoTime();
    // every id of the run: a second record of one id is reported (the last read wins), and --prune keeps them
    Set<String> seen = new HashSet<>();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < options.threads(); i++) {
      Thread t = new Thread(this::work, "lede-ingest-" + i);
      t.setDaemon(true);
      t.start();
      workers.add(t);
    }
    int batch = Math.max(1, steps.batch());
    ReadReport read;
    try {
      long[] counts = new long[2]; // articles read, units made
      List<List<Item>> pending = new ArrayList<>(List.of(new ArrayList<>(batch)));
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
          List<Item> unit = pending.get(0);
          unit.add(new Item(article, origin, carried));
          counts[0]++;
          boolean commitAfter = options.commitEvery() > 0 && counts[0] % options.commitEvery() == 0;
          if (unit.size() >= batch || commitAfter) {
            enqueue(new Unit(counts[1]++, unit, commitAfter));
            pending.set(0, new ArrayList<>(batch));
          }
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
      if (!pending.get(0).isEmpty()) {
        enqueue(new Unit(counts[1]++, pending.get(0), false));
      }
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
    steps.finish();
    steps.commit();
    long pruned = 0;
    String refused = null;
    if (options.prune()) {
      if (read.rejected() > 0) {
        refused = read.rejected() + (read.rejected() == 1 ? " record" : " records")
            + " could not be read, so the input is not complete: nothing was pruned";
      } else {
        WriteSteps.Pruning pruning = steps.pruning().orElseThrow();
        List<String> gone = pruning.idsNotIn(seen);
        if (!gone.isEmpty() && listener.confirmPrune(gone)) {
          gone.forEach(pruning::delete);
          pruned = gone.size();
          steps.commit();
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
   *
   * @param idsNotIn the indexed ids not in a set (a read-only index can answer it too)
   */
  public static PrunePreview previewPrune(java.util.function.Function<Set<String>, List<String>> idsNotIn, ArticleSource source,
      IngestListener listener) {
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
    return new PrunePreview(read.articles(), read.rejected(), refused == null ? idsNotIn.apply(seen) : List.of(), refused);
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
        if (item != null) {
          prepareAndStore((Unit) item);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, new LedeException("ingest interrupted", e));
    } catch (RuntimeException | Error e) {
      failure.compareAndSet(null, e);
    }
  }

  /** Prepares a unit, places every prepared unit whose turn has come, in input order, and stores what it placed. */
  private void prepareAndStore(Unit unit) throws InterruptedException {
    Prepared<R> prepared;
    try {
      List<R> ready = new ArrayList<>(unit.items().size());
      for (Item i : unit.items()) {
        ready.add(steps.prepare(i.article(), i.carried()));
      }
      prepared = new Prepared<>(unit, ready, null);
    } catch (RuntimeException e) {
      prepared = new Prepared<>(unit, null, e); // its turn must still come, or every later unit would wait
    }
    synchronized (waiting) {
      while (waiting.size() >= maxWaiting && unit.number() != next) {
        waiting.wait(50); // far ahead of a slow unit: wait for it rather than hold ever more in memory
        if (aborted || failure.get() != null) {
          return;
        }
      }
      waiting.put(unit.number(), prepared);
    }
    boolean commit;
    do {
      List<Placed<A>> placed = new ArrayList<>();
      commit = place(placed);
      // Every placed unit is stored even when one fails: each placed article counts as in flight
      // until stored, and a commit waits for those.
      RuntimeException failed = null;
      for (Placed<A> p : placed) {
        try {
          stored(p.unit(), steps.store(p.placed()));
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
        steps.commit();
        synchronized (waiting) {
          committing = false;
          waiting.notifyAll();
        }
      }
    } while (commit); // the units that waited for the commit are placed by this worker
  }

  /** A unit placed among the others, to be stored. */
  private record Placed<A>(Unit unit, List<A> placed) {}

  /**
   * Places the prepared units whose turn has come, in input order, into {@code placed}; stops
   * after the unit that ends a {@code --commit-every} block.
   *
   * @return true when a commit is due: this worker commits, and no one places until it has
   */
  private boolean place(List<Placed<A>> placed) {
    synchronized (waiting) {
      if (committing) {
        return false;
      }
      try {
        for (Prepared<R> p; (p = waiting.remove(next)) != null; ) {
          next++;
          if (p.failed() != null) {
            throw p.failed();
          }
          List<A> out = new ArrayList<>(p.ready().size());
          for (R r : p.ready()) {
            out.add(steps.place(r));
          }
          placed.add(new Placed<>(p.unit(), out));
          if (p.unit().commitAfter()) {
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

  private void stored(Unit unit, List<Written> written) {
    for (int i = 0; i < written.size(); i++) {
      Written w = written.get(i);
      if (w.duplicateOf() != null) {
        duplicates.incrementAndGet();
        listener.duplicate(unit.items().get(i).article().id(), w.duplicateOf());
      }
      switch (w.outcome()) {
        case ADDED -> added.incrementAndGet();
        case REPLACED -> replaced.incrementAndGet();
        case UNCHANGED -> unchanged.incrementAndGet();
      }
    }
    for (String warning : steps.takeWarnings()) {
      listener.warning(warning);
    }
    listener.progress(added.get() + replaced.get() + unchanged.get(), rejected.get());
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
