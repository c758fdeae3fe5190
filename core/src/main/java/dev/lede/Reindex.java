package dev.lede;

import dev.lede.IndexUnavailableException.Reason;
import dev.lede.index.Generations;
import dev.lede.read.ArticleSource;
import dev.lede.write.StoredOriginals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Rebuilds an index into a new generation beside the live one, then switches the pointer to it
 * (see {@link Generations}). Until the switch nothing a reader or writer uses is touched, so a crash
 * at any moment leaves the live generation as it was; what a crashed reindex left behind is removed
 * by the next one.
 *
 * <p>The live generation's Lucene write lock is held from start to switch: an {@code index} run
 * cannot write to the old generation meanwhile (its writes would be lost), and a second reindex
 * fails at once, like a second writer.
 */
final class Reindex {
  private Reindex() {}

  static ReindexReport run(Path root, ArticleSource inputs, IndexOptions options, IngestOptions ingest, IngestListener listener) {
    if (options.readOnly()) {
      throw new IllegalArgumentException("a reindex writes: it cannot use read-only options");
    }
    try (LiveLock live = LiveLock.acquire(root)) {
      Generations.Pointer p = live.pointer;
      Set<String> keep = keep(p);
      List<String> removed = new java.util.ArrayList<>(Generations.removeAllBut(root, keep));
      String next = Generations.next(root);
      Path gen = Generations.dir(root, next);
      IngestReport report;
      boolean fromOriginals = inputs == null;
      try (LuceneNewsIndex fresh = LuceneNewsIndex.create(root, next, gen, options)) {
        String semantic = SegmentInfos.readLatestCommit(live.directory).getUserData().get(dev.lede.write.LuceneWrites.SEMANTIC);
        if (semantic != null) {
          fresh.useVectors(semantic); // the rebuilt index keeps semantic search on, vectors carried over where the text is the same
        }
        report = fresh.ingest(fromOriginals ? StoredOriginals.of(live.directory, p.live(), options) : inputs,
            ingest.withPrune(false), listener);
      } catch (IOException e) {
        Generations.removeAllBut(root, keep);
        throw new UncheckedIOException("cannot create generation " + gen + ": " + e.getMessage(), e);
      } catch (RuntimeException | Error e) {
        Generations.removeAllBut(root, keep); // a failed build is never switched to: do not leave it lying
        throw e;
      }
      if (fromOriginals && report.rejected() > 0) {
        // an article of the live index that cannot be rebuilt would be lost by switching
        Generations.removeAllBut(root, keep);
        throw new LedeException("reindex of " + root + " stopped: " + report.rejected()
            + " stored articles could not be read back; generation " + p.live() + " stays live");
      }
      Generations.switchTo(root, next, p.live());
      removed.addAll(Generations.removeAllBut(root, Set.of(next, p.live())));
      return new ReindexReport(p.live(), next, report, removed);
    }
  }

  static ReindexReport rollback(Path root) {
    try (LiveLock live = LiveLock.acquire(root)) {
      Generations.Pointer p = live.pointer;
      if (p.previous() == null) {
        throw new LedeException("index " + root + " has no previous generation to roll back to"
            + (p.flat() ? " (it has never been reindexed)" : ""));
      }
      Path previous = Generations.dir(root, p.previous());
      if (!hasCommit(previous)) {
        throw new IndexUnavailableException(Reason.CORRUPT, root,
            "cannot roll back " + root + ": the previous generation " + p.previous() + " has no index");
      }
      Generations.switchTo(root, p.previous(), p.live());
      return new ReindexReport(p.live(), p.previous(), null, List.of());
    }
  }

  private static Set<String> keep(Generations.Pointer p) {
    Set<String> keep = new LinkedHashSet<>();
    keep.add(p.live());
    if (p.previous() != null) {
      keep.add(p.previous());
    }
    return keep;
  }

  private static boolean hasCommit(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Directory d = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(d);
    } catch (IOException e) {
      return false;
    }
  }

  /** The live generation, write-locked, with the pointer that named it still current. */
  private static final class LiveLock implements AutoCloseable {
    final Generations.Pointer pointer;
    final Directory directory;
    private final Lock lock;

    private LiveLock(Generations.Pointer pointer, Directory directory, Lock lock) {
      this.pointer = pointer;
      this.directory = directory;
      this.lock = lock;
    }

    static LiveLock acquire(Path root) {
      if (!Files.isDirectory(root)) {
        throw new IndexUnavailableException(Reason.MISSING, root, "no index at " + root + ": run `lede index <files>` first");
      }
      while (true) {
        Generations.Pointer p = Generations.resolve(root);
        Directory d = null;
        Lock lock = null;
        try {
          d = FSDirectory.open(p.liveDir());
          if (!DirectoryReader.indexExists(d)) {
            throw new IndexUnavailableException(Reason.MISSING, root, "no index at " + root + ": run `lede index <files>` first");
          }
          lock = d.obtainLock(IndexWriter.WRITE_LOCK_NAME);
          if (!Generations.resolve(root).live().equals(p.live())) {
            lock.close(); // switched meanwhile by another process: lock the new live one
            d.close();
            continue;
          }
          checkLede(root, d);
          return new LiveLock(p, d, lock);
        } catch (LockObtainFailedException e) {
          close(lock, d);
          throw LuceneNewsIndex.locked(root, e);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
          close(lock, d);
          throw new IndexUnavailableException(Reason.CORRUPT, root,
              "index " + root + " is damaged (" + e.getClass().getSimpleName() + "): it cannot be reindexed from its stored articles", e);
        } catch (IOException e) {
          close(lock, d);
          throw new IndexUnavailableException(Reason.CORRUPT, root, "cannot open index " + root + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
          close(lock, d);
          throw e;
        }
      }
    }

    /** Any Lede commit will do, of any schema version: upgrading old ones is what a reindex is for. */
    private static void checkLede(Path root, Directory d) throws IOException {
      Map<String, String> data;
      try {
        data = SegmentInfos.readLatestCommit(d).getUserData();
      } catch (IndexNotFoundException e) {
        throw new IndexUnavailableException(Reason.MISSING, root, "no index at " + root + ": run `lede index <files>` first", e);
      }
      if (data.get("lede.schema") == null) {
        throw new IndexUnavailableException(Reason.NOT_A_LEDE_INDEX, root,
            root + " holds a Lucene index that Lede did not write: choose another directory");
      }
    }

    private static void close(Lock lock, Directory d) {
      for (AutoCloseable c : new AutoCloseable[] {lock, d}) {
        if (c != null) {
          try {
            c.close();
          } catch (Exception ignored) {
            // already failing: the first error is the one to report
          }
        }
      }
    }

    @Override
    public void close() {
      close(lock, directory);
    }
  }
}
