package dev.lede;

import dev.lede.read.Rejection;
import java.nio.file.Path;

/**
 * Hears what an ingest does while it runs: every rejected record and skipped file, and progress.
 * Called from the reading thread (rejections, skips) and from any thread (progress): implementations
 * must be thread-safe and quick. An exception thrown here stops the ingest.
 */
public interface IngestListener {
  /** Hears nothing. */
  IngestListener NONE = new IngestListener() {};

  /** A record or a whole file could not be read; the ingest goes on. */
  default void rejected(Rejection rejection) {}

  /** A file was deliberately not read (hidden, unknown extension, empty). */
  default void skipped(Path file, String why) {}

  /**
   * An article was written with a field cut to fit the index's limits (a term longer than Lucene
   * takes, a body past the maximum): one line naming the article and the field.
   */
  default void warning(String message) {}

  /**
   * An article was written whose normalised lead and body equal those of an earlier article under
   * another id (the same text twice: a syndicated copy, or a crawler that saw one page under two
   * URLs). It is indexed all the same.
   */
  default void duplicate(String id, String duplicateOf) {}

  /**
   * Asked once, after a complete read and before pruning deletes anything, with the ids of the
   * articles it would delete (never empty). Return false to delete none of them: the report then
   * says pruning was not confirmed. Lets a front end ask a person first (issue 15).
   */
  default boolean confirmPrune(java.util.List<String> ids) {
    return true;
  }

  /** Articles written or found unchanged so far, and records rejected so far. */
  default void progress(long done, long rejected) {}
}
