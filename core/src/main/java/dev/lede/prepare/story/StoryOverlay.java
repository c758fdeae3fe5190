package dev.lede.prepare.story;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The writes an index-backed {@link StoryStore} has made that its searcher cannot see yet: entries
 * put and ids removed since the last refresh. Both the Lucene and the Solr store lay it over what
 * their index returns, so the rule of which answer wins lives here once: a pending entry hides the
 * indexed one of its id, a removed id hides it altogether.
 *
 * <p>Not thread-safe, like the stores that use it.
 */
public final class StoryOverlay {
  private final InMemoryStoryStore pending = new InMemoryStoryStore();
  private final Set<String> gone = new HashSet<>();

  /** Records a write not yet visible in the index. */
  public void put(StoryEntry entry) {
    gone.remove(entry.id());
    pending.put(entry);
  }

  /** Records a removal not yet visible in the index. */
  public void remove(String id) {
    pending.remove(id);
    gone.add(id);
  }

  /** Forgets everything: call after a refresh that made every pending write visible. */
  public void clear() {
    pending.clear();
    gone.clear();
  }

  /**
   * What the overlay knows of an id: its pending entry, empty when it was removed, or null when only
   * the index can answer.
   */
  public Optional<StoryEntry> get(String id) {
    Optional<StoryEntry> p = pending.get(id);
    return p.isPresent() || gone.contains(id) ? p : null;
  }

  /** Whether the overlay decides about this id, so that an indexed entry of it is stale. */
  public boolean hides(String id) {
    return gone.contains(id) || pending.get(id).isPresent();
  }

  /**
   * Pending candidates first, then the index's, at most {@code limit}.
   *
   * @param indexed the index's candidates, best first, given how many to return: it is asked for
   *     enough more than {@code limit} that hidden entries never leave the answer short
   */
  public List<StoryEntry> candidates(
      Collection<String> bandKeys, String contentHash, int limit, IntFunction<List<StoryEntry>> indexed) {
    List<StoryEntry> out = new ArrayList<>(pending.candidates(bandKeys, contentHash, limit));
    Set<String> seen = new HashSet<>();
    out.forEach(e -> seen.add(e.id()));
    for (StoryEntry e : indexed.apply(limit + seen.size() + gone.size())) {
      if (out.size() >= limit) {
        break;
      }
      if (seen.add(e.id()) && !hides(e.id())) {
        out.add(e);
      }
    }
    return out;
  }

  /** The pending members of a story, then the indexed ones the overlay does not hide. */
  public List<StoryEntry> members(String storyId, List<StoryEntry> indexed) {
    List<StoryEntry> out = new ArrayList<>(pending.members(storyId));
    Set<String> seen = new HashSet<>();
    out.forEach(e -> seen.add(e.id()));
    for (StoryEntry e : indexed) {
      if (!seen.contains(e.id()) && !hides(e.id())) {
        out.add(e);
      }
    }
    return out;
  }
}
