package dev.lede.cli.serve;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bodies of recent searches, as Solr's queryResultCache and Elasticsearch's request cache keep
 * them: the same search on the same view of the index gets the same bytes without running again.
 * Bounded in bytes (least recently used goes first) and tied to what the index searches: an entry
 * is only found under the index's {@linkplain dev.lede.NewsIndex#searchVersion() search version}
 * and synonym list it was made with, and the whole cache is emptied when either changes (a new
 * commit, a reindex's switch, new synonyms), so an answer is never older than a search would be.
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
  }

  /** Hits, misses and what is kept now. */
  record Stats(long hits, long misses, int entries, long bytes, long maxBytes) {}

  private final long maxBytes;
  private final LinkedHashMap<Key, byte[]> entries = new LinkedHashMap<>(256, 0.75f, true);
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private long bytes;
  private Object version;
  private Object synonyms;

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
    byte[] body;
    synchronized (this) {
      body = entries.get(key);
    }
    (body == null ? misses : hits).increment();
    return body;
  }

  /** Keeps a body, unless it alone would take more than an eighth of the cache. */
  void put(Key key, byte[] body) {
    if (!enabled() || key.version() == null || body.length > maxBytes / 8) {
      return;
    }
    synchronized (this) {
      if (key.version() != version || key.synonyms() != synonyms) {
        // another view of the index: nothing kept can be asked for again
        entries.clear();
        bytes = 0;
        version = key.version();
        synonyms = key.synonyms();
      }
      byte[] old = entries.put(key, body);
      bytes += body.length - (old == null ? 0 : old.length);
      for (Iterator<Map.Entry<Key, byte[]>> it = entries.entrySet().iterator(); bytes > maxBytes && it.hasNext(); ) {
        bytes -= it.next().getValue().length;
        it.remove();
      }
    }
  }

  synchronized Stats stats() {
    return new Stats(hits.sum(), misses.sum(), entries.size(), bytes, maxBytes);
  }
}
