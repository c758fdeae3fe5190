package dev.lede.write;

import dev.lede.UpsertOutcome;

/**
 * What storing one article did, with what an ingest report counts beside the outcome.
 *
 * @param duplicateOf the earliest article with the same text, when this one is an exact copy; else null
 */
public record Written(UpsertOutcome outcome, String duplicateOf) {
  public Written {
    java.util.Objects.requireNonNull(outcome, "outcome");
  }
}
