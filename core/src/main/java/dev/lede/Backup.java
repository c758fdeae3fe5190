package dev.lede;

import dev.lede.IndexUnavailableException.Reason;
import dev.lede.index.Generations;
import dev.lede.index.SynonymFile;
import dev.lede.prepare.boilerplate.BoilerplateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * A point-in-time copy of an index that another process may be writing: the files of the live
 * generation's latest commit, the learned boilerplate, the synonyms and the generation pointer.
 *
 * <p>It takes no lock. A read-only process cannot use the writer's {@code SnapshotDeletionPolicy},
 * so it copies what {@code SegmentInfos.readLatestCommit(dir).files(true)} names instead. Lucene
 * never changes a file once written; it only deletes files that no commit needs any more. So a
 * file either copies whole, or has vanished because the writer committed again and merged it away:
 * then the copy starts over from the newer commit. Hard links are tried first (the same file
 * system, no bytes copied: a backup of a large index takes a moment); where they fail the file is
 * copied.
 *
 * <p>A marker file, {@value #INCOMPLETE}, is written first and removed last, after everything is
 * synced: a backup that was killed half way keeps it, and opening or checking it says so instead
 * of serving part of an index.
 */
final class Backup {
  /** The marker of a backup still being written (or one that never finished). */
  static final String INCOMPLETE = "lede-backup-incomplete";

  /** Starts over at most this often; each start needs the writer to have merged away a file in between. */
  private static final int MAX_ATTEMPTS = 50;

  /** Runs between reading the commit and copying its files; tests use it to make a writer merge the files away. */
  static volatile Runnable afterCommitRead = () -> {};

  private Backup() {}

  /** Refuses a directory that holds an unfinished backup. */
  static void refuseIncomplete(Path dir) {
    if (Files.exists(dir.resolve(INCOMPLETE))) {
      throw new IndexUnavailableException(Reason.CORRUPT, dir, dir + " is an incomplete backup: copying into it never finished ("
          + INCOMPLETE + " is still there); make the backup again into a new directory");
    }
  }

  /**
   * Copies the index in {@code root} into {@code dest}.
   *
   * @param copy copy every file even where a hard link would do (a backup on the same disk that
   *     must not share the index's files)
   */
  static BackupReport run(Path root, Path dest, boolean copy) {
    long start = System.nanoTime();
    prepare(root, dest);
    boolean links = !copy;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Generations.Pointer pointer = Generations.resolve(root);
      Path target = Generations.dir(dest, pointer.live());
      try {
        Files.createDirectories(target);
        int[] counts = new int[2]; // files, linked
        long bytes = 0;
        long commit;
        try (Directory directory = FSDirectory.open(pointer.liveDir())) {
          SegmentInfos infos = SegmentInfos.readLatestCommit(directory);
          commit = infos.getGeneration();
          afterCommitRead.run();
          for (String name : infos.files(true)) {
            Path from = pointer.liveDir().resolve(name);
            Path to = target.resolve(name);
            if (links && link(from, to)) {
              counts[1]++;
            } else {
              links = false;
              copyFile(from, to);
            }
            counts[0]++;
            bytes += Files.size(to);
          }
        }
        // Beside the commit: the boilerplate learned with it, and the index's synonyms. Both are
        // replaced by atomic renames, so a copy is always of a whole file.
        bytes += copyIfPresent(pointer.liveDir().resolve(BoilerplateFile.NAME), target.resolve(BoilerplateFile.NAME), counts);
        bytes += copyIfPresent(root.resolve(SynonymFile.NAME), dest.resolve(SynonymFile.NAME), counts);
        if (!pointer.flat()) {
          Generations.switchTo(dest, pointer.live(), null);
        }
        sync(target);
        sync(dest);
        long articles;
        try (Directory copied = FSDirectory.open(target); DirectoryReader reader = DirectoryReader.open(copied)) {
          articles = reader.numDocs();
        }
        Files.delete(dest.resolve(INCOMPLETE));
        sync(dest);
        return new BackupReport(dest, pointer.live(), commit, articles, counts[0], bytes, counts[1], attempt,
            Duration.ofNanos(System.nanoTime() - start));
      } catch (NoSuchFileException e) {
        // A writer committed and deleted a file of the commit being copied: start over from the new one.
        clear(dest);
      } catch (IOException e) {
        throw new LedeException("cannot back up " + root + " to " + dest + ": " + describe(e), e);
      }
    }
    throw new LedeException("cannot back up " + root + ": the index changed under the copy " + MAX_ATTEMPTS
        + " times (a writer merging fast); try again when indexing is quieter. " + dest + " is marked incomplete");
  }

  /** Refuses a destination that is not new or empty, and marks it incomplete. */
  private static void prepare(Path root, Path dest) {
    Path from = root.toAbsolutePath().normalize();
    Path to = dest.toAbsolutePath().normalize();
    if (to.startsWith(from) || from.startsWith(to)) {
      throw new BadInputException("cannot back up " + root + " to " + dest + ": one is inside the other; choose a directory outside the index");
    }
    if (Files.exists(dest)) {
      if (!Files.isDirectory(dest)) {
        throw new BadInputException("cannot back up to " + dest + ": it is a file; choose a new or empty directory");
      }
      try (Stream<Path> entries = Files.list(dest)) {
        if (entries.findAny().isPresent()) {
          throw new BadInputException("cannot back up to " + dest + ": it exists and is not empty; choose a new or empty directory");
        }
      } catch (IOException e) {
        throw new BadInputException("cannot back up to " + dest + ": " + describe(e), e);
      }
    }
    try {
      Files.createDirectories(dest);
      try (FileChannel ch = FileChannel.open(dest.resolve(INCOMPLETE), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ch.write(StandardCharsets.UTF_8.encode("backup of " + from + " started " + Instant.now() + "; not finished while this file exists\n"));
        ch.force(true);
      }
      sync(dest);
    } catch (IOException e) {
      throw new BadInputException("cannot back up to " + dest + ": " + describe(e), e);
    }
  }

  /** A hard link; false when the file system refuses one (another device, no support), so the file must be copied. */
  private static boolean link(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
      return true;
    } catch (NoSuchFileException e) {
      throw e;
    } catch (UnsupportedOperationException | FileSystemException e) {
      Files.deleteIfExists(to);
      return false;
    }
  }

  private static void copyFile(Path from, Path to) throws IOException {
    Files.copy(from, to);
    try (FileChannel ch = FileChannel.open(to, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  private static long copyIfPresent(Path from, Path to, int[] counts) throws IOException {
    try {
      copyFile(from, to);
    } catch (NoSuchFileException e) {
      if (Files.exists(from)) {
        throw e; // the destination's directory went missing: not the optional file
      }
      return 0;
    }
    counts[0]++;
    return Files.size(to);
  }

  /** Removes what an attempt copied; the marker stays. */
  private static void clear(Path dest) {
    try (Stream<Path> walk = Files.walk(dest)) {
      List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path p : all) {
        if (!p.equals(dest) && !p.equals(dest.resolve(INCOMPLETE))) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dest + " to start the backup over: " + e.getMessage(), e);
    }
  }

  private static void sync(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
        throw e;
      }
    }
  }

  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return String.valueOf(e.getMessage());
  }
}
