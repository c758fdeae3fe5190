package dev.lede;

import dev.lede.IndexUnavailableException.Reason;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * What an index directory holds before it is opened, and what Lucene's exceptions mean once it is:
 * each way an index can be unusable becomes one {@link IndexUnavailableException} whose one-line
 * message names the directory, what is wrong and what to do.
 *
 * <p>Lucene may notice a damaged file only when a search first reads it, so the same mapping
 * serves opening ({@link #opening}) and reading ({@link #reading}).
 */
final class IndexFailures {
  private IndexFailures() {}

  /** What a directory holds, looked at before Lucene is asked to open it. */
  enum Contents {
    /** No such path, or an empty directory (a new index may be made there). */
    NOTHING,
    /** A file, not a directory. */
    FILE,
    /** A committed Lucene index (whose commit may still not be Lede's). */
    COMMITTED,
    /** Lucene segment files but no commit point: the commit was lost. */
    SEGMENTS_WITHOUT_COMMIT,
    /** Files that are not an index's. */
    OTHER_FILES
  }

  /**
   * Files an index writer leaves before its first commit completes (the lock, a half-written
   * first commit, our own side file): a directory holding only these was never a usable index,
   * so a writer may start it afresh, as after a kill during {@code lede index}'s first second.
   */
  private static final Pattern BEFORE_FIRST_COMMIT = Pattern.compile("write\\.lock|pending_segments_\\w+|boilerplate\\.json(\\.tmp)?|lede-synonyms\\.txt(\\.tmp)?");
  private static final Pattern COMMIT = Pattern.compile("segments_\\w+");
  /** Lucene's per-segment files: {@code _0.cfs}, {@code _3_Lucene104_0.doc}, {@code _1_2.liv}. */
  private static final Pattern SEGMENT_FILE = Pattern.compile("_[a-z0-9]+(_\\w+)?\\.\\w+");
  private static final Pattern RESOURCE_PATH = Pattern.compile("path=\"([^\"]+)\"");

  /**
   * What {@code dir} holds.
   *
   * @throws IndexUnavailableException with reason UNREADABLE when the directory cannot be listed
   */
  static Contents contents(Path dir) {
    if (!Files.exists(dir)) {
      return Contents.NOTHING;
    }
    if (!Files.isDirectory(dir)) {
      return Contents.FILE;
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(p -> names.add(p.getFileName().toString()));
    } catch (IOException e) {
      throw opening(dir, e);
    }
    if (names.stream().anyMatch(n -> COMMIT.matcher(n).matches())) {
      return Contents.COMMITTED;
    }
    if (names.stream().allMatch(n -> BEFORE_FIRST_COMMIT.matcher(n).matches())) {
      return Contents.NOTHING;
    }
    if (names.stream().allMatch(n -> BEFORE_FIRST_COMMIT.matcher(n).matches() || SEGMENT_FILE.matcher(n).matches())) {
      return Contents.SEGMENTS_WITHOUT_COMMIT;
    }
    return Contents.OTHER_FILES;
  }

  /**
   * Refuses a directory that holds no usable index, before Lucene touches it.
   *
   * @param create whether a new index may be made when there is none
   * @return whether an index is there to open (false: a new one is to be made)
   */
  static boolean checkBeforeOpen(Path dir, boolean create) {
    Contents contents = contents(dir);
    return switch (contents) {
      case COMMITTED -> true;
      case NOTHING -> {
        if (!create) {
          throw new IndexUnavailableException(Reason.MISSING, dir, "no index at " + dir + ": run `lede index <files>` first");
        }
        yield false;
      }
      case FILE -> throw new IndexUnavailableException(Reason.NOT_A_LEDE_INDEX, dir, dir + " is a file, not an index directory");
      case SEGMENTS_WITHOUT_COMMIT -> throw new IndexUnavailableException(Reason.CORRUPT, dir,
          "index " + dir + " has segment files but no commit (its segments_N file is gone): it cannot be opened; "
              + "restore it from a copy, or index the source files into a new directory");
      case OTHER_FILES -> throw new IndexUnavailableException(Reason.NOT_A_LEDE_INDEX, dir,
          dir + " is not a Lede index: it holds other files (" + sample(dir) + "); choose an empty or new directory");
    };
  }

  /** A write lock held by another writer (or a reindex): Lucene refuses at once, and so do we. */
  static IndexUnavailableException locked(Path dir, Exception cause) {
    return new IndexUnavailableException(Reason.LOCKED, dir,
        "index " + dir + " is locked: another Lede process is writing to it (wait for it to finish; searches still work)", cause);
  }

  /** The exception that says why the index in {@code dir} could not be opened. */
  static IndexUnavailableException opening(Path dir, IOException e) {
    if (e instanceof LockObtainFailedException) {
      return locked(dir, e);
    }
    if (e instanceof IndexFormatTooOldException || e instanceof IndexFormatTooNewException) {
      String age = e instanceof IndexFormatTooOldException ? "an older" : "a newer";
      return new IndexUnavailableException(Reason.SCHEMA_MISMATCH, dir,
          "index " + dir + " was written by " + age + " version of Lucene than this Lede reads: index the source files again into a new directory", e);
    }
    if (e instanceof IndexNotFoundException) {
      return new IndexUnavailableException(Reason.CORRUPT, dir,
          "index " + dir + " has no readable commit: restore it from a copy, or index the source files into a new directory", e);
    }
    if (e instanceof AccessDeniedException) {
      return new IndexUnavailableException(Reason.UNREADABLE, dir,
          "cannot read index " + dir + ": permission denied on " + fileName(dir, ((AccessDeniedException) e).getFile()), e);
    }
    if (isDamage(e)) {
      return damaged(dir, e);
    }
    return new IndexUnavailableException(Reason.UNREADABLE, dir, "cannot read index " + dir + ": " + e, e);
  }

  /**
   * A failure while reading an open index: the same exception, or, when it comes from a damaged
   * file, an {@link IndexUnavailableException} that says so.
   */
  static RuntimeException reading(Path dir, RuntimeException e) {
    if (e instanceof UncheckedIOException && isDamage(e.getCause())) {
      return damaged(dir, e.getCause());
    }
    return e;
  }

  /**
   * A failure while searching {@code reader}. Garbage bytes that pass Lucene's cheap open-time
   * checks can fail a search in any way (an index out of bounds, a failed assertion); only then
   * are the segments' checksums verified, so a damaged index is reported as damaged and a bug
   * stays a bug.
   */
  static RuntimeException reading(Path dir, Throwable e, IndexReader reader) {
    if (e instanceof RuntimeException r && !(e instanceof LedeException)) {
      RuntimeException mapped = reading(dir, r);
      if (mapped != r) {
        return mapped;
      }
    }
    if (!(e instanceof LedeException)) {
      try {
        for (LeafReaderContext leaf : reader.leaves()) {
          leaf.reader().checkIntegrity();
        }
      } catch (IOException | RuntimeException damage) {
        if (isDamage(damage)) {
          IndexUnavailableException out = damaged(dir, damage);
          out.addSuppressed(e);
          return out;
        }
      }
    }
    if (e instanceof Error error) {
      throw error;
    }
    return (RuntimeException) e;
  }

  /** Whether an I/O failure, or one of its causes, means a damaged or incomplete index file. */
  static boolean isDamage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CorruptIndexException
          || t instanceof EOFException
          || t instanceof NoSuchFileException
          || t instanceof FileNotFoundException
          || t instanceof DataFormatException) {
        return true;
      }
    }
    return false;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static IndexUnavailableException damaged(Path dir, Throwable e) {
    String where = dir == null ? "the in-memory index" : "index " + dir;
    return new IndexUnavailableException(Reason.CORRUPT, dir,
        where + " is damaged: " + describe(dir, e) + ": run `lede check` to see what is lost, then restore a copy or index the source files into a new directory", e);
  }

  /** What a failure says is damaged, in a few words: {@code _0.cfs is corrupt (checksum failed ...)}. */
  static String describe(Path dir, Throwable e) {
    if (!isDamage(e)) {
      return firstLine(String.valueOf(e.getMessage())) + (e.getCause() == null ? "" : " (" + firstLine(String.valueOf(e.getCause().getMessage())) + ")");
    }
    String what;
    NoSuchFileException noSuchFile = find(e, NoSuchFileException.class);
    FileNotFoundException notFound = find(e, FileNotFoundException.class);
    CorruptIndexException corrupt = find(e, CorruptIndexException.class);
    EOFException eof = find(e, EOFException.class);
    if (noSuchFile != null || notFound != null) {
      String file = noSuchFile != null ? noSuchFile.getFile() : notFound.getMessage();
      what = fileName(dir, file) + ", named by the last commit, is missing";
    } else if (corrupt != null) {
      String file = fileIn(corrupt.getResourceDescription());
      what = file + " is corrupt (" + firstLine(corrupt.getOriginalMessage()) + ")";
    } else if (eof != null) {
      what = fileIn(eof.getMessage()) + " is truncated";
    } else {
      what = "stored articles cannot be decompressed (" + firstLine(find(e, DataFormatException.class).getMessage()) + ")";
    }
    return what;
  }

  /**
   * The file a Lucene resource description names ({@code MMapIndexInput(path="/x/_0.cfs")}, or a
   * bare path), else the description itself.
   */
  private static String fileIn(String description) {
    if (description == null) {
      return "a file";
    }
    Matcher m = RESOURCE_PATH.matcher(description);
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    if (last == null) {
      if (description.startsWith("/") && !description.contains(" ")) {
        return Path.of(description).getFileName().toString();
      }
      return description;
    }
    // a file inside a compound file reads "/x/_0.cfs [slice=_0.fdt]": the compound file is what is on disk
    int slice = last.indexOf(" [slice=");
    String path = slice < 0 ? last : last.substring(0, slice);
    return Path.of(path).getFileName().toString();
  }

  private static String fileName(Path dir, String file) {
    if (file == null) {
      return "a file";
    }
    Path p = Path.of(file);
    return dir != null && p.equals(dir) ? "the directory" : String.valueOf(p.getFileName());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  /** Up to three names from the directory, for a message. */
  private static String sample(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().limit(4).toList();
      return names.size() > 3 ? String.join(", ", names.subList(0, 3)) + ", ..." : String.join(", ", names);
    } catch (IOException e) {
      return "unlisted";
    }
  }
}
