package dev.lede;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link NewsIndex#backup(Path)} copied.
 *
 * @param destination the backup's directory
 * @param generation the generation copied ({@code .} for a flat index)
 * @param commit the Lucene commit copied (its {@code segments_N} generation)
 * @param articles the articles in that commit, as the backup opens
 * @param files the files in the backup
 * @param bytes their total size
 * @param linked how many of them are hard links to the index's own files (no bytes copied)
 * @param retries how often the copy started over because a writer's merge deleted a file of the
 *     commit being copied
 * @param took how long it took
 */
public record BackupReport(Path destination, String generation, long commit, long articles, int files, long bytes, int linked,
    int retries, Duration took) {
  public BackupReport {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(took, "took");
    if (articles < 0 || files < 0 || bytes < 0 || linked < 0 || linked > files || retries < 0) {
      throw new IllegalArgumentException("illegal backup counts: articles=" + articles + " files=" + files + " bytes=" + bytes
          + " linked=" + linked + " retries=" + retries);
    }
  }
}
