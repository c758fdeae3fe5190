package dev.lede.solr;

import dev.lede.prepare.story.InMemoryStoryStore;
import dev.lede.prepare.story.MinHash;
import dev.lede.prepare.story.StoryEntry;
import dev.lede.prepare.story.StoryOverlay;
import dev.lede.prepare.story.StoryStore;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;

/**
 * Story entries kept in the article documents of the Solr collection, as the embedded index keeps
 * them in its Lucene documents: LSH band keys and the content hash as indexed keyword terms, the
 * entry packed into one stored string. Finding candidates is one Solr query (documents sharing the
 * most band keys first, constant scores summed), so the candidate store is the collection itself and
 * any client that writes to it sees the stories earlier clients made.
 *
 * <p>Entries written since the last refresh are not searchable yet; an overlay holds them (and the
 * ids removed since) until {@link #afterRefresh()}. The writer owns the store: one writing client per
 * collection at a time, as the embedded index allows one writer per directory.
 */
final class SolrStoryStore implements StoryStore {
  private static final int MAX_MEMBERS = 10_000;
  /** The most entries {@link #prefetchCandidates} holds for a batch; more, and candidates are queried per article. */
  private static final int MAX_PREFETCH = 20_000;

  private final BiFunction<SolrQuery, String, SolrDocumentList> search;
  private final MinHash minHash;
  private final StoryOverlay overlay = new StoryOverlay();
  /** Visible entries looked up for the batch being written: one request instead of one per article. */
  private final Map<String, Optional<StoryEntry>> preloaded = new HashMap<>();
  /** The story each article was in before the first change since {@link #startRecording()}. */
  private final Map<String, String> storyBefore = new LinkedHashMap<>();
  /** Every visible entry sharing a key with the batch being written, or null: query per article. */
  private InMemoryStoryStore batchVisible;

  /**
   * @param search runs a query against the collection and returns its documents (the second
   *     argument says what for, for error messages)
   * @param minHash recomputes the band keys of stored signatures
   */
  SolrStoryStore(BiFunction<SolrQuery, String, SolrDocumentList> search, MinHash minHash) {
    this.search = search;
    this.minHash = minHash;
  }

  /** Adds an entry's fields to the article's Solr document (the story field itself is set by {@link SolrFields}). */
  static void addFields(org.apache.solr.common.SolrInputDocument doc, StoryEntry entry) {
    doc.setField(SolrFields.LSH, entry.bandKeys());
    doc.setField(SolrFields.STORY_HASH, entry.contentHash());
    doc.setField(SolrFields.STORY_ENTRY, pack(entry));
  }

  /** Forgets the overlay: call after a refresh that made every pending write visible. */
  void afterRefresh() {
    overlay.clear();
    preloaded.clear();
    batchVisible = null;
  }

  /** Looks up the visible entries of these ids in one request, for the batch about to be written. */
  void preload(Collection<String> ids) {
    preloaded.clear();
    batchVisible = null;
    List<String> wanted = ids.stream().filter(id -> !overlay.hides(id)).distinct().toList();
    if (wanted.isEmpty()) {
      return;
    }
    wanted.forEach(id -> preloaded.put(id, Optional.empty()));
    SolrQuery q = query(SolrQueries.anyOf(SolrFields.ARTICLE_ID, wanted), wanted.size() * 2);
    for (StoryEntry e : entries(q, "look up story entries")) {
      preloaded.put(e.id(), Optional.of(e));
    }
  }

  /**
   * Fetches, in one request, every visible entry that shares a band key or the content hash with any
   * of these (the articles of the batch about to be written), so that {@link #candidates} answers
   * from memory instead of with one query per article. The collection does not change during the
   * batch (writes become visible on refresh), so the answers are the ones the queries would give.
   * When too many documents match, candidates are queried one by one as before.
   */
  void prefetchCandidates(Collection<StoryEntry> signed) {
    batchVisible = null;
    if (signed.isEmpty()) {
      return;
    }
    java.util.TreeSet<String> keys = new java.util.TreeSet<>();
    java.util.TreeSet<String> hashes = new java.util.TreeSet<>();
    for (StoryEntry e : signed) {
      keys.addAll(e.bandKeys());
      hashes.add(e.contentHash());
    }
    SolrQuery q = query("_query_:\"{!terms f=" + SolrFields.LSH + " v=$ledekeys}\" OR _query_:\"{!terms f="
        + SolrFields.STORY_HASH + " v=$ledehashes}\"", MAX_PREFETCH + 1);
    q.set("ledekeys", String.join(",", keys));
    q.set("ledehashes", String.join(",", hashes));
    List<StoryEntry> found = entries(q, "prefetch story candidates");
    if (found.size() > MAX_PREFETCH) {
      return;
    }
    InMemoryStoryStore visible = new InMemoryStoryStore();
    for (StoryEntry e : found) {
      visible.put(e);
      preloaded.putIfAbsent(e.id(), Optional.of(e));
    }
    batchVisible = visible;
  }

  /** Starts recording the story each article leaves ({@link #storyBefore}). */
  void startRecording() {
    storyBefore.clear();
  }

  /** The story an article was in before it was first moved since recording started, or null when unmoved. */
  String storyBefore(String id) {
    return storyBefore.get(id);
  }

  @Override
  public List<StoryEntry> candidates(StoryEntry signed, int limit) {
    return candidates(signed.bandKeys(), signed.contentHash(), limit);
  }

  private List<StoryEntry> candidates(Collection<String> bandKeys, String contentHash, int limit) {
    return overlay.candidates(bandKeys, contentHash, limit, rows -> {
      List<StoryEntry> visible;
      if (batchVisible != null) {
        visible = batchVisible.candidates(bandKeys, contentHash, rows);
      } else {
        // Constant scores summed: the number of shared band keys orders candidates, an equal content hash first of all.
        StringBuilder text = new StringBuilder();
        for (String key : new java.util.TreeSet<>(bandKeys)) {
          text.append(SolrFields.LSH).append(':').append(SolrQueries.quote(key)).append("^=1 ");
        }
        text.append(SolrFields.STORY_HASH).append(':').append(SolrQueries.quote(contentHash)).append("^=1000");
        SolrQuery q = query(text.toString(), rows);
        q.set("q.op", "OR");
        q.addSort("score", SolrQuery.ORDER.desc);
        q.addSort(SolrFields.ARTICLE_ID, SolrQuery.ORDER.asc);
        visible = entries(q, "find story candidates");
      }
      visible.forEach(e -> preloaded.putIfAbsent(e.id(), Optional.of(e)));
      return visible;
    });
  }

  @Override
  public Optional<StoryEntry> get(String id) {
    Optional<StoryEntry> known = overlay.get(id);
    if (known != null) {
      return known;
    }
    known = preloaded.get(id);
    if (known != null) {
      return known;
    }
    List<StoryEntry> found = entries(query(SolrFields.ARTICLE_ID + ":" + SolrQueries.quote(id), 1), "look up a story entry");
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public List<StoryEntry> members(String storyId) {
    SolrQuery q = query(SolrFields.STORY + ":" + SolrQueries.quote(storyId), MAX_MEMBERS);
    List<StoryEntry> indexed = entries(q, "read a story's members");
    indexed.forEach(e -> preloaded.putIfAbsent(e.id(), Optional.of(e)));
    return overlay.members(storyId, indexed);
  }

  @Override
  public void put(StoryEntry entry) {
    Optional<StoryEntry> before = get(entry.id());
    if (before.isPresent() && !before.get().storyId().equals(entry.storyId())) {
      storyBefore.putIfAbsent(entry.id(), before.get().storyId());
    }
    preloaded.remove(entry.id());
    overlay.put(entry);
  }

  @Override
  public void remove(String id) {
    get(id).ifPresent(e -> storyBefore.putIfAbsent(id, e.storyId()));
    preloaded.remove(id);
    overlay.remove(id);
  }

  private static SolrQuery query(String text, int rows) {
    SolrQuery q = new SolrQuery(text);
    q.set("defType", "lucene");
    q.setFields(SolrFields.ARTICLE_ID, SolrFields.STORY, SolrFields.STORY_ENTRY);
    q.setRows(Math.max(1, rows));
    return q;
  }

  private List<StoryEntry> entries(SolrQuery q, String what) {
    List<StoryEntry> out = new ArrayList<>();
    for (SolrDocument d : search.apply(q, what)) {
      Object packed = d.getFieldValue(SolrFields.STORY_ENTRY);
      if (packed != null) {
        out.add(unpack((String) d.getFieldValue(SolrFields.ARTICLE_ID), (String) d.getFieldValue(SolrFields.STORY),
            (String) packed, minHash));
      }
    }
    return out;
  }

  /**
   * The stored part of an entry: {@code 1|published millis|words|content hash|signature}, the
   * signature as base64 of big-endian ints. Id and story come from their own fields, so a story
   * relabel never has to rewrite this string's meaning.
   */
  static String pack(StoryEntry e) {
    ByteBuffer b = ByteBuffer.allocate(4 * e.signature().length);
    for (int v : e.signature()) {
      b.putInt(v);
    }
    return "1|" + (e.published() == null ? "-" : Long.toString(e.published().toEpochMilli())) + "|" + e.words() + "|"
        + e.contentHash() + "|" + Base64.getEncoder().withoutPadding().encodeToString(b.array());
  }

  static StoryEntry unpack(String id, String story, String packed, MinHash minHash) {
    String[] parts = packed.split("\\|", -1);
    if (parts.length != 5 || !parts[0].equals("1")) {
      throw new IllegalStateException("article '" + id + "' has a story entry of an unknown format: rebuild the collection");
    }
    ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(parts[4]));
    int[] signature = new int[b.remaining() / 4];
    for (int i = 0; i < signature.length; i++) {
      signature[i] = b.getInt();
    }
    Instant published = parts[1].equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(parts[1]));
    return new StoryEntry(id, story, published, parts[3], signature, minHash.bandKeys(signature), Integer.parseInt(parts[2]));
  }
}
