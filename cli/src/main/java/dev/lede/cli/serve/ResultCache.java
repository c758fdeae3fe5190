package dev.lede.cli.serve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bodies of recent searches, as Solr's queryResultCache and Elasticsearch's request cache keep
 * them: the same search on the same view of the index gets the same bytes without running again.
 * Bounded in bytes (least recently used goes first) and tied to what the index searches: an entry
 * is only found under the index's {@linkplain dev.lede.NewsIndex#searchVersion() search version}
 * and synonym list it was made with, so an answer is never older than a search would be.
 *
 * <p>A view (version and synonyms) is live from the first request that reads it; the entries of
 * every other view are then dropped, and the view before is retired: a request that read it before
 * the switch neither finds nor keeps anything. Entries for a view that is not live yet can be made
 * {@linkplain #putAhead ahead}: a refresh runs the popular searches on the new view before searches
 * move to it, so that they do not all miss at once after another process commits (issue 19).
 */
final class ResultCache {
  /** What a body was made from: the view of the index (by identity) and the request (by value). */
  record Key(Object version, Object synonyms, Object request) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.version == version && k.synonyms == synonyms && k.request.equals(request);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(version) * 31 + request.hashCode();
    }

    boolean sameView(Object version, Object synonyms) {
      return this.version == version && this.synonyms == synonyms;
    }
  }

  /** Hits, misses, what is kept now, and how many answers were made ahead for a new view. */
  record Stats(long hits, long misses, int entries, long bytes, long maxBytes, long warmed) {}

  private static final class Entry {
    final byte[] body;
    int hits;

    Entry(byte[] body) {
      this.body = body;
    }
  }

  /** How many retired views are remembered: more than a refresh can retire while a search runs. */
  private static final int RETIRED_KEPT = 8;

  private final long maxBytes;
  private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private long warmed;
  private long bytes;
  private Object version; // the live view
  private Object synonyms;
  private final ArrayDeque<Key> retired = new ArrayDeque<>(); // views, as keys without a request

  /** @param maxBytes how many bytes of bodies to keep; 0 keeps nothing */
  ResultCache(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("the cache size must not be negative, got " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  boolean enabled() {
    return maxBytes > 0;
  }

  /** The body kept for this key, or null. */
  byte[] get(Key key) {
    if (!enabled() || key.version() == null) {
      return null;
    }
    Entry e;
    synchronized (this) {
      e = live(key) ? entries.get(key) : null;
      if (e != null) {
        e.hits++;
      }
    }
    (e == null ? misses : hits).increment();
    return e == null ? null : e.body;
  }

  /** Keeps a body, unless it alone would take more than an eighth of the cache or its view is retired. */
  void put(Key key, byte[] body) {
    if (!enabled() || key.version() == null || body.length > maxBytes / 8) {
      return;
    }
    synchronized (this) {
      if (live(key)) {
        keep(key, body);
      }
    }
  }

  /** Keeps a body made for a view that is not live yet (nothing is dropped); false when it was not kept. */
  boolean putAhead(Key key, byte[] body) {
    if (!enabled() || key.version() == null || body.length > maxBytes / 8) {
      return false;
    }
    synchronized (this) {
      if (isRetired(key) || key.sameView(version, synonyms)) {
        return false;
      }
      keep(key, body);
      warmed++;
      return true;
    }
  }

  /**
   * The requests of the live view asked again since they were kept, most asked first: what is worth
   * running ahead on a new view.
   */
  synchronized List<Object> popular(int max) {
    List<Map.Entry<Key, Entry>> asked = new ArrayList<>();
    for (Map.Entry<Key, Entry> e : entries.entrySet()) {
      if (e.getValue().hits > 0 && e.getKey().sameView(version, synonyms)) {
        asked.add(e);
      }
    }
    asked.sort(Comparator.comparingInt((Map.Entry<Key, Entry> e) -> e.getValue().hits).reversed());
    return asked.stream().limit(max).map(e -> e.getKey().request()).toList();
  }

  synchronized Stats stats() {
    return new Stats(hits.sum(), misses.sum(), entries.size(), bytes, maxBytes, warmed);
  }

  /** Whether the key's view is the live one, making it so if it is new; false for a retired view. */
  private boolean live(Key key) {
    if (key.sameView(version, synonyms)) {
      return true;
    }
    if (isRetired(key)) {
      return false;
    }
    // a new view: the one before is retired, and only what was made ahead for this one stays
    if (version != null) {
      retired.addLast(new Key(version, synonyms, ""));
      if (retired.size() > RETIRED_KEPT) {
        retired.removeFirst();
      }
    }
    version = key.version();
    synonyms = key.synonyms();
    for (Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Key, Entry> e = it.next();
      if (!e.getKey().sameView(version, synonyms)) {
        bytes -= e.getValue().body.length;
        it.remove();
      }
    }
    return true;
  }

  private boolean isRetired(Key key) {
    for (Key r : retired) {
      if (key.sameView(r.version(), r.synonyms())) {
        return true;
      }
    }
    return false;
  }

  private void keep(Key key, byte[] body) {
    Entry old = entries.put(key, new Entry(body));
    bytes += body.length - (old == null ? 0 : old.body.length);
    for (Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator(); bytes > maxBytes && it.hasNext(); ) {
      bytes -= it.next().getValue().body.length;
      it.remove();
    }
  }
}
