package dev.lede.index;

import dev.lede.BadInputException;
import dev.lede.search.SynonymList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Objects;

/**
 * Keeps an index's synonym list as {@value #NAME}, in the index directory itself (beside the
 * generation pointer, not inside a generation): synonyms apply at query time, so the same list
 * serves every generation, and a reindex or a rollback keeps it without copying.
 *
 * <p>The file is the list in its own line format, so a person can read it. It is replaced whole:
 * written to a temporary file, synced, renamed over the old one atomically, and the directory
 * synced, so a reader sees the old list or the new one, never half of one, and a crash leaves one
 * of them.
 */
public final class SynonymFile {
  /** The file name inside the index directory. */
  public static final String NAME = "lede-synonyms.txt";

  private static final String TEMP = NAME + ".tmp";
  private static final String HEADER = "# Lede synonyms: query-time only; `lede synonyms set FILE` replaces this list.\n";

  private SynonymFile() {}

  /**
   * When and what the file was last written, to notice a change without reading it: an atomic
   * replace gives a new file, so its key (the inode on Linux) or time or size differs.
   */
  public record Stamp(Object key, long modifiedNanos, long size) {
    static final Stamp NONE = new Stamp(null, -1, -1);
  }

  /** The stamp of the index's file; {@link Stamp#NONE}-like (no key, size -1) when there is none. */
  public static Stamp stamp(Path root) {
    try {
      BasicFileAttributes a = Files.readAttributes(root.resolve(NAME), BasicFileAttributes.class);
      return new Stamp(a.fileKey(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), a.size());
    } catch (NoSuchFileException e) {
      return Stamp.NONE;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root.resolve(NAME) + ": " + e.getMessage(), e);
    }
  }

  /**
   * The index's list; {@link SynonymList#EMPTY} when it has none.
   *
   * @throws BadInputException when the file cannot be read or no longer parses (edited by hand)
   */
  public static SynonymList read(Path root) {
    Path file = root.resolve(NAME);
    if (!Files.exists(file)) {
      return SynonymList.EMPTY;
    }
    return SynonymList.read(file);
  }

  /** Replaces the index's list atomically; an empty list removes the file. */
  public static void write(Path root, SynonymList list) {
    Objects.requireNonNull(list, "list");
    Path target = root.resolve(NAME);
    try {
      if (list.isEmpty()) {
        Files.deleteIfExists(target);
        syncDirectory(root);
        return;
      }
      Path temp = root.resolve(TEMP);
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(StandardCharsets.UTF_8.encode(HEADER + list.toText()));
        ch.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system cannot rename atomically", e);
      }
      syncDirectory(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  static void syncDirectory(Path dir) throws IOException {
    // Linux persists a rename only once the directory is synced; some systems cannot open a directory.
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
        throw e;
      }
    }
  }
}
