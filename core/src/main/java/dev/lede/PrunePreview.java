package dev.lede;

import java.util.List;

/**
 * What pruning would delete, found without writing: {@link NewsIndex#previewPrune}.
 *
 * @param read articles read from the input
 * @param rejected records that could not be read
 * @param wouldDelete the indexed articles the input does not have, by id (empty when refused)
 * @param refused why pruning would be refused (some input could not be read), or null
 */
public record PrunePreview(long read, long rejected, List<String> wouldDelete, String refused) {
  public PrunePreview {
    if (read < 0 || rejected < 0) {
      throw new IllegalArgumentException("counts must be >= 0, got read " + read + ", rejected " + rejected);
    }
    wouldDelete = List.copyOf(wouldDelete);
  }
}
