package dev.lede.prepare.story;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How two copies of a story differ in words: what one has that the other lacks, counted with
 * multiplicity. Order is ignored on purpose: a reordered paragraph is not a change a reader of
 * "how do these copies differ" cares about, an added or cut paragraph is.
 *
 * @param added words of the copy that the base does not have
 * @param removed words of the base that the copy does not have
 */
public record WordDiff(int added, int removed) {

  /** Compares a copy's words with the base's. */
  public static WordDiff between(List<String> base, List<String> copy) {
    Map<String, Integer> counts = new HashMap<>();
    for (String w : base) {
      counts.merge(w, 1, Integer::sum);
    }
    int added = 0;
    for (String w : copy) {
      Integer left = counts.get(w);
      if (left == null || left == 0) {
        added++;
      } else {
        counts.put(w, left - 1);
      }
    }
    int removed = 0;
    for (int left : counts.values()) {
      removed += left;
    }
    return new WordDiff(added, removed);
  }
}
