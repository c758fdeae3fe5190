package dev.lede.index;

import dev.lede.IndexUnavailableException;
import dev.lede.IndexUnavailableException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The layout of an index directory that a reindex has rebuilt: complete Lucene indexes side by
 * side in {@code gen-NNNNNN/} subdirectories, and a pointer file, {@value #POINTER}, naming the live
 * one and the one before it. Documented in docs/reindex.md.
 *
 * <p>The pointer is the only thing a switch changes, and it changes by an atomic rename of a
 * complete, synced file: a reader resolves it once at open and sees a whole generation, and a crash
 * before the rename leaves the old generation live. A directory without a pointer is a flat index
 * (Lucene's files directly in it, as {@code lede index} creates it); it counts as the generation
 * named {@value #FLAT}, so indexes written before generations existed open unchanged.
 */
public final class Generations {
  /** The pointer file's name in the index directory. */
  public static final String POINTER = "lede-generation";
  /** The name of a flat index, whose files lie in the index directory itself. */
  public static final String FLAT = ".";

  private static final String TEMP = POINTER + ".tmp";
  private static final Pattern NAME = Pattern.compile("gen-(\\d{6,})");

  private Generations() {}

  /**
   * What the pointer says.
   *
   * @param root the index directory
   * @param live the live generation's name ({@value #FLAT} for a flat index)
   * @param previous the generation a rollback returns to, or null
   */
  public record Pointer(Path root, String live, String previous) {
    public Pointer {
      Objects.requireNonNull(root, "root");
      Objects.requireNonNull(live, "live");
    }

    /** The directory holding the live generation's Lucene files. */
    public Path liveDir() {
      return dir(root, live);
    }

    /** True when the index has never been switched: its files lie in the index directory itself. */
    public boolean flat() {
      return live.equals(FLAT);
    }
  }

  /** The directory of a generation. */
  public static Path dir(Path root, String generation) {
    return generation.equals(FLAT) ? root : root.resolve(generation);
  }

  /**
   * Reads the pointer; a directory without one is a flat index.
   *
   * @throws IndexUnavailableException (CORRUPT) when the pointer cannot be read or names a
   *     generation that is not there
   */
  public static Pointer resolve(Path root) {
    Path file = root.resolve(POINTER);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new Pointer(root, FLAT, null);
    } catch (java.nio.file.AccessDeniedException e) {
      boolean dirDenied = !Files.isReadable(root) || !Files.isExecutable(root);
      throw new IndexUnavailableException(Reason.UNREADABLE, root,
          "cannot read index " + root + ": permission denied on " + (dirDenied ? "the directory" : POINTER), e);
    } catch (IOException e) {
      throw new IndexUnavailableException(Reason.CORRUPT, root, "cannot read " + file + ": " + e.getMessage(), e);
    }
    String live = null;
    String previous = null;
    for (String line : lines) {
      int eq = line.indexOf('=');
      if (line.isBlank() || eq < 0) {
        continue;
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (!value.equals(FLAT) && !NAME.matcher(value).matches()) {
        throw new IndexUnavailableException(Reason.CORRUPT, root,
            file + ": '" + key + "' is not a generation name: \"" + value + "\" (expected gen-NNNNNN or .)");
      }
      if (key.equals("live")) {
        live = value;
      } else if (key.equals("previous")) {
        previous = value;
      }
    }
    if (live == null) {
      throw new IndexUnavailableException(Reason.CORRUPT, root, file + " names no live generation (expected a line live=gen-NNNNNN)");
    }
    Pointer p = new Pointer(root, live, previous);
    if (!Files.isDirectory(p.liveDir())) {
      throw new IndexUnavailableException(Reason.CORRUPT, root, "index " + root + " points to generation " + live
          + ", which is missing" + (previous == null ? "" : ": run `lede reindex --rollback` to go back to " + previous));
    }
    return p;
  }

  /** The name of a new generation, numbered after every generation present (live, kept or left over). */
  public static String next(Path root) {
    long max = 0;
    for (String name : generations(root)) {
      Matcher m = NAME.matcher(name);
      if (m.matches()) {
        max = Math.max(max, Long.parseLong(m.group(1)));
      }
    }
    return String.format(Locale.ROOT, "gen-%06d", max + 1);
  }

  /** The names of the generation directories in the index directory, in order. */
  public static List<String> generations(Path root) {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path p : entries) {
        if (Files.isDirectory(p) && NAME.matcher(p.getFileName().toString()).matches()) {
          out.add(p.getFileName().toString());
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  /**
   * Makes {@code live} the live generation: writes the pointer to a temporary file, syncs it,
   * renames it over the old pointer atomically and syncs the directory, so that after a crash the
   * pointer is either the old one or the new one, whole.
   */
  public static void switchTo(Path root, String live, String previous) {
    StringBuilder text = new StringBuilder("live=").append(live).append('\n');
    if (previous != null) {
      text.append("previous=").append(previous).append('\n');
    }
    Path temp = root.resolve(TEMP);
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(StandardCharsets.UTF_8.encode(text.toString()));
        ch.force(true);
      }
      try {
        Files.move(temp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system of " + root + " cannot rename atomically, which a generation switch needs", e);
      }
      syncDirectory(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot switch " + root + " to generation " + live + ": " + e.getMessage(), e);
    }
  }

  /**
   * Deletes every generation but the ones named (and a flat index's files, when {@value #FLAT} is
   * not among them). Leftovers of a crashed reindex go this way.
   */
  public static List<String> removeAllBut(Path root, Set<String> keep) {
    List<String> removed = new ArrayList<>();
    for (String name : generations(root)) {
      if (!keep.contains(name)) {
        deleteTree(root.resolve(name));
        removed.add(name);
      }
    }
    if (!keep.contains(FLAT) && removeFlatFiles(root)) {
      removed.add(FLAT);
    }
    return removed;
  }

  /** Removes the files of a flat index (every plain file but the pointer and the synonyms): true if there were any. */
  private static boolean removeFlatFiles(Path root) {
    boolean any = false;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        // the synonyms belong to the index, not to a generation: they stay (SynonymFile)
        if (Files.isRegularFile(p) && !name.equals(POINTER) && !name.equals(TEMP) && !name.startsWith(SynonymFile.NAME)) {
          Files.deleteIfExists(p);
          any = true;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the old flat index in " + root + ": " + e.getMessage(), e);
    }
    return any;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (NoSuchFileException e) {
      // already gone
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove old generation " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void syncDirectory(Path dir) throws IOException {
    // Linux persists a rename only once the directory itself is synced; other systems may refuse to
    // open a directory, and there the rename is as durable as the system makes it.
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
        throw e;
      }
    }
  }
}
