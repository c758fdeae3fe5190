package dev.lede.prepare.story;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link StoryStore} in maps: for tests, benchmarks and short-lived use. Not thread-safe. */
public final class InMemoryStoryStore implements StoryStore {
  private final Map<String, StoryEntry> byId = new HashMap<>();
  private final Map<String, Set<String>> byKey = new HashMap<>();
  private final Map<String, Set<String>> byStory = new HashMap<>();

  @Override
  public List<StoryEntry> candidates(StoryEntry signed, int limit) {
    return candidates(signed.bandKeys(), signed.contentHash(), limit);
  }

  /** The entries sharing these band keys or this content hash, most shared first, at most {@code limit}. */
  public List<StoryEntry> candidates(Collection<String> bandKeys, String contentHash, int limit) {
    Map<String, Integer> shared = new HashMap<>();
    for (String key : bandKeys) {
      for (String id : byKey.getOrDefault(key, Set.of())) {
        shared.merge(id, 1, Integer::sum);
      }
    }
    for (String id : byKey.getOrDefault(hashKey(contentHash), Set.of())) {
      shared.merge(id, bandKeys.size() + 1, Integer::sum);
    }
    return shared.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .map(e -> byId.get(e.getKey()))
        .toList();
  }

  @Override
  public Optional<StoryEntry> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public List<StoryEntry> members(String storyId) {
    List<StoryEntry> out = new ArrayList<>();
    for (String id : byStory.getOrDefault(storyId, Set.of())) {
      out.add(byId.get(id));
    }
    return out;
  }

  @Override
  public void put(StoryEntry entry) {
    remove(entry.id());
    byId.put(entry.id(), entry);
    for (String key : entry.bandKeys()) {
      byKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(entry.id());
    }
    byKey.computeIfAbsent(hashKey(entry.contentHash()), k -> new LinkedHashSet<>()).add(entry.id());
    byStory.computeIfAbsent(entry.storyId(), k -> new LinkedHashSet<>()).add(entry.id());
  }

  @Override
  public void remove(String id) {
    StoryEntry old = byId.remove(id);
    if (old == null) {
      return;
    }
    for (String key : old.bandKeys()) {
      removeFrom(byKey, key, id);
    }
    removeFrom(byKey, hashKey(old.contentHash()), id);
    removeFrom(byStory, old.storyId(), id);
  }

  /** Forgets every entry. */
  public void clear() {
    byId.clear();
    byKey.clear();
    byStory.clear();
  }

  /** How many entries are held. */
  public int size() {
    return byId.size();
  }

  private static String hashKey(String contentHash) {
    return "=" + contentHash;
  }

  private static void removeFrom(Map<String, Set<String>> map, String key, String id) {
    Set<String> ids = map.get(key);
    if (ids != null) {
      ids.remove(id);
      if (ids.isEmpty()) {
        map.remove(key);
      }
    }
  }
}
