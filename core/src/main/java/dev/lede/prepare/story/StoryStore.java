package dev.lede.prepare.story;

import java.util.List;
import java.util.Optional;

/**
 * Where story entries live between articles. The index keeps them in its own Lucene documents
 * (band keys as indexed terms, the signature stored), so that nothing outside the index must be
 * kept in step with it; {@link InMemoryStoryStore} serves tests and the benchmark.
 *
 * <p>An entry {@link #put} must be found by the next {@link #candidates} call even before the
 * index is refreshed.
 */
public interface StoryStore {

  /**
   * The entries that share at least one LSH band, or the content hash, with a signed entry; at
   * most {@code limit}, those sharing the most bands first (an exact copy first of all) when the
   * store can tell. A store may match bands by the entry's band keys or by its signature rows.
   */
  List<StoryEntry> candidates(StoryEntry signed, int limit);

  /** Whether {@link #candidates(StoryEntry, int)} needs the entry's band keys (false: the signature will do). */
  default boolean needsBandKeys() {
    return true;
  }

  /** The entry of an article, if it has one. */
  Optional<StoryEntry> get(String id);

  /** The entries of a story, in any order. */
  List<StoryEntry> members(String storyId);

  /** Adds or replaces the entry with this id. */
  void put(StoryEntry entry);

  /** Removes the entry with this id, if any. */
  void remove(String id);
}
