package dev.lede.search;

import java.time.Instant;

/**
 * What an index holds.
 *
 * @param articles live articles
 * @param sources distinct sources
 * @param oldest the earliest publication instant, or null
 * @param newest the latest publication instant, or null
 * @param sizeBytes bytes on disk (0 in memory)
 * @param segments Lucene segments
 * @param schemaVersion the schema version the index was written with
 * @param generation the live generation ({@code gen-NNNNNN}, or {@code .} for an index never
 *     reindexed, whose files lie in the index directory itself), or null where there is none
 *     (in memory, or another backend)
 */
public record IndexStats(
    long articles, long sources, Instant oldest, Instant newest, long sizeBytes, int segments, int schemaVersion,
    String generation) {

  /** Stats of an index without generations. */
  public IndexStats(long articles, long sources, Instant oldest, Instant newest, long sizeBytes, int segments, int schemaVersion) {
    this(articles, sources, oldest, newest, sizeBytes, segments, schemaVersion, null);
  }
}
