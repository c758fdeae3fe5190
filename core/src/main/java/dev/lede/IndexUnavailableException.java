package dev.lede;

import java.nio.file.Path;

/**
 * The index cannot be used as asked: missing, locked by another writer, corrupt, not a Lede index,
 * made by another schema version, or unreadable. The message says which, for which directory, and what to run.
 */
public class IndexUnavailableException extends LedeException {
  /** Why the index is unavailable; the CLI maps every reason to exit code 3. */
  public enum Reason {
    MISSING,
    LOCKED,
    CORRUPT,
    NOT_A_LEDE_INDEX,
    SCHEMA_MISMATCH,
    /** The directory or a file in it cannot be read: permission denied, or an I/O error. */
    UNREADABLE
  }

  private final Reason reason;
  private final Path directory;

  public IndexUnavailableException(Reason reason, Path directory, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.directory = directory;
  }

  public IndexUnavailableException(Reason reason, Path directory, String message) {
    this(reason, directory, message, null);
  }

  public Reason reason() {
    return reason;
  }

  /** The index directory, or null for an in-memory index. */
  public Path directory() {
    return directory;
  }
}
