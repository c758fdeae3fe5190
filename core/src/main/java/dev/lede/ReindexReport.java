package dev.lede;

import java.util.List;

/**
 * What a reindex or a rollback did.
 *
 * @param from the generation that was live before ({@code .} for a flat index)
 * @param to the generation live now
 * @param ingest how the new generation was built; null for a rollback
 * @param removed generations deleted: older ones, and leftovers of reindexes that did not finish
 */
public record ReindexReport(String from, String to, IngestReport ingest, List<String> removed) {
  public ReindexReport {
    removed = List.copyOf(removed);
  }
}
