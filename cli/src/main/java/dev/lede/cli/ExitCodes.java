package dev.lede.cli;

/** The exit-status contract, printed in {@code lede --help}. Scripts rely on it: only ever add codes. */
public final class ExitCodes {
  private ExitCodes() {}

  /** Results were found, or the command succeeded. */
  public static final int OK = 0;
  /** A search (or show, similar) found nothing. */
  public static final int NOTHING_FOUND = 1;
  /** Usage or query syntax error. */
  public static final int USAGE = 2;
  /** The index is missing, locked by another writer, corrupt or of another schema version. */
  public static final int INDEX_UNAVAILABLE = 3;
  /** Ingest finished, but some records were rejected. */
  public static final int REJECTED = 4;
  /** An unexpected internal error (a bug: please report it with --stacktrace). */
  public static final int INTERNAL = 5;

  /** The exit code for an error a command ended with: the mapping every command and {@code lede serve} share. */
  public static int of(Throwable error) {
    return LedeCli.exitCode(error);
  }
}
