package dev.lede.prepare.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every story entry of an index, held in a writer's memory in flat arrays: what the writer needs
 * to group a new article (candidates by LSH band, exact copies by content hash, a story's members)
 * and to tell an unchanged article (its content fingerprint), answered without touching the index.
 *
 * <p>Why memory and not the index: looking candidates up in Lucene's terms dictionary costs 64
 * seeks per segment per article, and grows with the segment count; that was a third of all ingest
 * CPU (docs/benchmarks.md). Here a lookup is 64 probes of one open-addressing table.
 *
 * <p>What it costs: per entry an id, a story id, a content hash, a fingerprint and its date, plus,
 * for articles long enough to be compared by similarity ({@link StoryOptions#minWords()}), the
 * signature (4 bytes a hash) and one 4-byte slot per band. With the defaults about 1 KB per long
 * article, 0.2 KB per short one. The table does not keep band keys: a slot holds an entry number,
 * and a probe checks the entry's own signature rows, so a hit is exact, never a hash collision.
 *
 * <p>Entries are numbered in the order they are first put; a replaced entry keeps its number.
 * Not thread-safe: the writer calls it under its assignment lock.
 */
public final class MemoryStoryStore implements StoryStore {
  private static final long NONE = Long.MIN_VALUE;

  private final MinHash minHash;
  private final int minWords;
  private final int rows;
  private final Map<String, Integer> ordinals = new HashMap<>();
  private String[] ids = new String[1024];
  private String[] stories = new String[1024];
  private String[] hashes = new String[1024];
  private String[] fingerprints = new String[1024];
  private long[] published = new long[1024];
  private int[] words = new int[1024];
  private int[][] signatures = new int[1024][];
  /** The members of stories with more than one: a story alone is found through its own id. */
  private final Map<String, List<Integer>> byStory = new HashMap<>();
  private int count;
  private final SlotTable table = new SlotTable();

  /**
   * @param minHash the signatures' MinHash (its band layout)
   * @param minWords entries with fewer words are found only by content hash, never by band
   */
  public MemoryStoryStore(MinHash minHash, int minWords) {
    this.minHash = minHash;
    this.minWords = minWords;
    this.rows = minHash.hashes() / minHash.bands();
  }

  /** How many entries are held. */
  public int size() {
    return ordinals.size();
  }

  /** The content fingerprint recorded with an article, or null when the store has no entry for it. */
  public String fingerprint(String id) {
    Integer o = ordinals.get(id);
    return o == null ? null : fingerprints[o];
  }

  /** Records the content fingerprint of an article that has an entry. */
  public void fingerprint(String id, String fingerprint) {
    Integer o = ordinals.get(id);
    if (o == null) {
      throw new IllegalStateException("no story entry for '" + id + "'");
    }
    fingerprints[o] = fingerprint;
  }

  /** The entries with this content hash (exact copies), in no particular order. */
  public List<StoryEntry> sameContent(String hash) {
    List<StoryEntry> out = new ArrayList<>(2);
    table.probe(hashKey(hash), o -> {
      if (hash.equals(hashes[o])) {
        out.add(entry(o));
      }
    });
    return out;
  }

  @Override
  public List<StoryEntry> candidates(StoryEntry signed, int limit) {
    // entry number -> {shared bands (the content hash weighs more than all bands), last band counted}:
    // a probe can pass an entry twice (once through another band's slot), which must count once
    Map<Integer, int[]> shared = new HashMap<>();
    int[] sig = signed.signature();
    int bands = minHash.bands();
    if (sig.length == minHash.hashes() && signed.words() >= minWords) {
      for (int b = 0; b < bands; b++) {
        int band = b;
        table.probe(minHash.bandHash(sig, b), o -> {
          if (sameBand(signatures[o], sig, band)) {
            count(shared, o, band, 1);
          }
        });
      }
    }
    String hash = signed.contentHash();
    table.probe(hashKey(hash), o -> {
      if (hash.equals(hashes[o])) {
        count(shared, o, bands, bands + 1);
      }
    });
    List<Map.Entry<Integer, int[]>> found = new ArrayList<>(shared.entrySet());
    found.sort((x, y) -> x.getValue()[0] == y.getValue()[0]
        ? ids[x.getKey()].compareTo(ids[y.getKey()])
        : Integer.compare(y.getValue()[0], x.getValue()[0]));
    List<StoryEntry> out = new ArrayList<>(Math.min(limit, found.size()));
    for (int i = 0; i < found.size() && out.size() < limit; i++) {
      out.add(entry(found.get(i).getKey()));
    }
    return out;
  }

  private static void count(Map<Integer, int[]> shared, int o, int band, int weight) {
    int[] c = shared.computeIfAbsent(o, k -> new int[] {0, -1});
    if (c[1] != band) {
      c[0] += weight;
      c[1] = band;
    }
  }

  private boolean sameBand(int[] candidate, int[] sig, int band) {
    if (candidate == null) {
      return false;
    }
    int from = band * rows;
    return Arrays.equals(candidate, from, from + rows, sig, from, from + rows);
  }

  @Override
  public boolean needsBandKeys() {
    return false;
  }

  @Override
  public Optional<StoryEntry> get(String id) {
    Integer o = ordinals.get(id);
    return o == null ? Optional.empty() : Optional.of(entry(o));
  }

  @Override
  public List<StoryEntry> members(String storyId) {
    List<StoryEntry> out = new ArrayList<>();
    List<Integer> several = byStory.get(storyId);
    if (several == null) {
      Integer o = ordinals.get(storyId);
      if (o != null && storyId.equals(stories[o])) {
        out.add(entry(o));
      }
      return out;
    }
    for (int o : several) {
      out.add(entry(o));
    }
    return out;
  }

  @Override
  public void put(StoryEntry entry) {
    Integer known = ordinals.get(entry.id());
    table.ensureRoom(minHash.bands() + 1, this::rehash);
    int o;
    if (known == null) {
      if (count >= SlotTable.MAX_ENTRIES) {
        throw new IllegalStateException("more than " + SlotTable.MAX_ENTRIES + " articles in one index: split it");
      }
      o = count++;
      grow(count);
      ordinals.put(entry.id(), o);
      ids[o] = entry.id();
    } else {
      o = known;
      unindex(o);
      unlink(o);
    }
    stories[o] = entry.storyId();
    hashes[o] = entry.contentHash();
    published[o] = entry.published() == null ? NONE : entry.published().toEpochMilli();
    words[o] = entry.words();
    signatures[o] = entry.signature().length == minHash.hashes() && entry.words() >= minWords ? entry.signature() : null;
    index(o);
    link(o);
  }

  @Override
  public void remove(String id) {
    Integer o = ordinals.remove(id);
    if (o == null) {
      return;
    }
    unindex(o);
    unlink(o);
    // the number is not reused: ids[o] == null marks it free, and nothing points at it any more
    ids[o] = null;
    stories[o] = null;
    hashes[o] = null;
    fingerprints[o] = null;
    signatures[o] = null;
  }

  /** Adds the entry to its story's member list, unless it is a story of its own. */
  private void link(int o) {
    String story = stories[o];
    List<Integer> several = byStory.get(story);
    if (several == null) {
      if (story.equals(ids[o])) {
        return; // alone, for now: members(story) finds it by its id
      }
      several = new ArrayList<>(2);
      Integer named = ordinals.get(story);
      if (named != null && named != o && story.equals(stories[named])) {
        several.add(named);
      }
      byStory.put(story, several);
    }
    several.add(o);
  }

  /** Takes the entry out of its story's member list; a list down to the story's own entry goes. */
  private void unlink(int o) {
    String story = stories[o];
    List<Integer> several = byStory.get(story);
    if (several == null) {
      return;
    }
    several.remove(Integer.valueOf(o));
    if (several.isEmpty() || several.size() == 1 && story.equals(ids[several.get(0)])) {
      byStory.remove(story);
    }
  }

  private void index(int o) {
    table.add(hashKey(hashes[o]), o);
    if (signatures[o] != null) {
      for (int b = 0; b < minHash.bands(); b++) {
        table.add(minHash.bandHash(signatures[o], b), o);
      }
    }
  }

  private void unindex(int o) {
    table.remove(hashKey(hashes[o]), o);
    if (signatures[o] != null) {
      for (int b = 0; b < minHash.bands(); b++) {
        table.remove(minHash.bandHash(signatures[o], b), o);
      }
    }
  }

  /** Puts every held entry into a new table of this size, dropping removed slots. */
  private void rehash(int capacity) {
    table.reset(capacity);
    for (int o = 0; o < count; o++) {
      if (ids[o] != null) {
        index(o);
      }
    }
  }

  private StoryEntry entry(int o) {
    return new StoryEntry(ids[o], stories[o], published[o] == NONE ? null : java.time.Instant.ofEpochMilli(published[o]), hashes[o],
        signatures[o] == null ? new int[0] : signatures[o], List.of(), words[o]);
  }

  private static long hashKey(String contentHash) {
    return Hash64.of(contentHash) ^ 0x5DEECE66DL;
  }

  private void grow(int needed) {
    if (needed <= ids.length) {
      return;
    }
    int n = Math.max(needed, ids.length * 2);
    ids = Arrays.copyOf(ids, n);
    stories = Arrays.copyOf(stories, n);
    hashes = Arrays.copyOf(hashes, n);
    fingerprints = Arrays.copyOf(fingerprints, n);
    published = Arrays.copyOf(published, n);
    words = Arrays.copyOf(words, n);
    signatures = Arrays.copyOf(signatures, n);
  }

  /**
   * Open addressing with linear probing over entry numbers. A slot holds 8 bits of its key's hash
   * (a tag) above 24 bits of number + 1; 0 is empty, and a number part of all ones marks a removed
   * entry (a probe must go past it). Keys are not kept: the tag turns away 255 of 256 other keys
   * without touching their entries, and the caller checks each number offered against the entry.
   */
  static final class SlotTable {
    /** Entry numbers fit in 24 bits, less the removed mark. */
    static final int MAX_ENTRIES = (1 << 24) - 2;
    private static final int NUMBER = (1 << 24) - 1;
    private static final int REMOVED = NUMBER;

    private int[] slots = new int[1 << 12];
    private int used; // live and removed slots: a probe ends only at an empty one
    private int live;

    interface Rehash {
      void to(int capacity);
    }

    void reset(int capacity) {
      slots = new int[capacity];
      used = 0;
      live = 0;
    }

    /** Makes room for {@code more} adds without passing 70% use; may call rehash, before any add. */
    void ensureRoom(int more, Rehash rehash) {
      if ((used + more) * 10L <= slots.length * 7L) {
        return;
      }
      int capacity = slots.length;
      while ((live + more) * 2L > capacity) {
        capacity *= 2; // half full after a rehash, so that removed slots have room to pile up again
      }
      rehash.to(capacity);
    }

    void add(long key, int number) {
      long h = Hash64.mix(key);
      int value = tag(h) | (number + 1);
      int mask = slots.length - 1;
      for (int i = (int) h & mask; ; i = (i + 1) & mask) {
        if (slots[i] == 0 || (slots[i] & NUMBER) == REMOVED) {
          if (slots[i] == 0) {
            used++;
          }
          live++;
          slots[i] = value;
          return;
        }
      }
    }

    void remove(long key, int number) {
      long h = Hash64.mix(key);
      int value = tag(h) | (number + 1);
      int mask = slots.length - 1;
      for (int i = (int) h & mask; slots[i] != 0; i = (i + 1) & mask) {
        if (slots[i] == value) {
          slots[i] = REMOVED;
          live--;
          return;
        }
      }
    }

    void probe(long key, java.util.function.IntConsumer offer) {
      long h = Hash64.mix(key);
      int tag = tag(h);
      int mask = slots.length - 1;
      for (int i = (int) h & mask; slots[i] != 0; i = (i + 1) & mask) {
        int s = slots[i];
        if ((s & ~NUMBER) == tag && (s & NUMBER) != REMOVED) {
          offer.accept((s & NUMBER) - 1);
        }
      }
    }

    /** The top 8 bits of the hash (the slot index uses the low bits), in the slot's top 8 bits. */
    private static int tag(long h) {
      return (int) (h >>> 56) << 24;
    }
  }
}
