package dev.lede;

/** What an upsert did. */
public enum UpsertOutcome {
  /** The id was new. */
  ADDED,
  /** The id was there with other content, and was replaced. */
  REPLACED,
  /** The id was there with the same content fingerprint; nothing was written. */
  UNCHANGED
}
