package dev.lede;

import dev.lede.read.Skipped;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an ingest did, in counts. Every article read is exactly one of added, replaced or unchanged.
 *
 * @param files files (or streams) opened
 * @param read articles read
 * @param added articles whose id was new
 * @param replaced articles whose id was there with other content
 * @param unchanged articles whose id and content fingerprint were there already: not written
 * @param rejected records (or whole files) that could not be read
 * @param exactDuplicates written articles whose normalised text equals an article indexed earlier
 *     (syndicated copies); they are indexed all the same and share a story
 * @param pruned articles deleted because the input no longer had them
 * @param pruneRefused why pruning was asked for and not done (some input could not be read), or null
 * @param skipped files deliberately not read
 * @param bytes bytes read from the files as stored
 * @param elapsed wall time of the whole ingest, commit included
 */
public record IngestReport(
    long files,
    long read,
    long added,
    long replaced,
    long unchanged,
    long rejected,
    long exactDuplicates,
    long pruned,
    String pruneRefused,
    List<Skipped> skipped,
    long bytes,
    Duration elapsed) {
  public IngestReport {
    skipped = List.copyOf(skipped);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Articles read per second of wall time. */
  public double articlesPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : read / s;
  }
}
