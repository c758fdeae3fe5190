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
 */
public record IndexStats(
    long articles, long sources, Instant oldest, Instant newest, long sizeBytes, int segments, int schemaVersion) {}
