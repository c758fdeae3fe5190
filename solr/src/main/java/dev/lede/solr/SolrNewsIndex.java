package dev.lede.solr;

import dev.lede.IndexUnavailableException;
import dev.lede.LedeException;
import dev.lede.NewsIndex;
import dev.lede.UpsertOutcome;
import dev.lede.article.Article;
import dev.lede.prepare.PreparedArticle;
import dev.lede.prepare.Preparer;
import dev.lede.prepare.story.MinHash;
import dev.lede.prepare.story.StoryAssignment;
import dev.lede.prepare.story.StoryEntry;
import dev.lede.prepare.story.StoryIndex;
import dev.lede.prepare.story.StoryOptions;
import dev.lede.prepare.story.StorySigner;
import dev.lede.prepare.story.WordDiff;
import dev.lede.search.Story;
import dev.lede.search.StoryMember;
import dev.lede.search.Facet;
import dev.lede.search.FacetCount;
import dev.lede.search.Highlight;
import dev.lede.search.Hit;
import dev.lede.search.IndexStats;
import dev.lede.search.NewsQuery;
import dev.lede.search.Recency;
import dev.lede.search.SearchResult;
import dev.lede.search.SortOrder;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.FieldStatsInfo;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * A {@link NewsIndex} kept in a SolrCloud collection, reached over HTTP with SolrJ. The same
 * {@link NewsQuery} in, the same {@link SearchResult} out, as the embedded index: an application
 * switches backends by configuration ({@link #connect}), not by code.
 *
 * <p>Articles are prepared on the client by Lede's own {@link Preparer} (cleaning, entities) and
 * grouped into stories by the same near-duplicate assignment as the embedded index, whose candidate
 * store is the collection itself ({@code SolrStoryStore}); then they are sent in batches. Each
 * document's Solr id is {@code story!article}, so Solr's compositeId router puts every copy of a
 * story on one shard, which keeps collapse by story exact across shards. Boilerplate learning is
 * not done on Solr: it would need a model shared by every writer.
 *
 * <p>Visibility: writes become searchable after {@link #refresh()} (a soft commit) and durable after
 * {@link #commit()} (a hard commit); the collection's transaction log already makes an acknowledged
 * write survive a node failure. {@link #get} and {@link #delete} look articles up by search, so they
 * see what the last refresh made visible.
 *
 * <p>Thread-safe: SolrJ's client is; story assignment and the overlay of unrefreshed writes are
 * guarded by one lock. One writing client per collection at a time (as one writer per embedded
 * index): two clients writing at once could each start a story the other would have joined.
 */
public final class SolrNewsIndex implements NewsIndex {
  /** Articles per update request: large enough to amortise a round trip, small enough for a node's heap. */
  public static final int DEFAULT_BATCH = 500;

  /** Writes not yet refreshed before the index refreshes by itself: bounds the client's overlay. */
  static final int MAX_PENDING = 50_000;

  private final CloudSolrClient client;
  private final boolean ownsClient;
  private final String collection;
  private final String location;
  /** Fixed story labels (tests, callers with their own grouping), or null: Lede's story assignment. */
  private final Function<Article, String> storyOf;
  private final Preparer preparer;
  private final SolrQueries.Weights weights = SolrQueries.Weights.DEFAULT;

  /**
   * Story assignment, the overlay of unrefreshed writes, and the Solr writes that follow from them
   * happen under this lock: "find candidates, assign, write" is one step, as in the embedded index.
   * Preparation (cleaning, entities) runs outside it, in the callers' threads.
   */
  private final Object writeLock = new Object();
  private final SolrStoryStore storyStore;
  private final StoryIndex stories;
  /** Article id to Solr id (null once deleted) of every write since the last refresh. */
  private final Map<String, String> pendingDocIds = new HashMap<>();
  /** Article id to fingerprint of every write since the last refresh. */
  private final Map<String, String> pendingFingerprints = new HashMap<>();
  private volatile boolean dirty;

  private SolrNewsIndex(CloudSolrClient client, boolean ownsClient, String location, String collection,
      Function<Article, String> storyOf, Preparer preparer) {
    this.client = Objects.requireNonNull(client, "client");
    this.ownsClient = ownsClient;
    this.location = location;
    this.collection = Objects.requireNonNull(collection, "collection");
    this.storyOf = storyOf;
    this.preparer = Objects.requireNonNull(preparer, "preparer");
    StoryOptions options = StoryOptions.defaults();
    this.storyStore = new SolrStoryStore(this::searchDocuments, new MinHash(options.hashes(), options.bands(), options.seed()));
    this.stories = new StoryIndex(storyStore, options);
  }

  /**
   * Connects to a collection (or alias) of a SolrCloud cluster, with Lede's default preparation
   * (cleaning, entities, story grouping), as {@link NewsIndex#open} has.
   *
   * @param zkOrUrl either Solr base URLs ({@code http://host:8983/solr}, several separated by commas)
   *     or a ZooKeeper address ({@code host:2181,host2:2181/solr})
   * @param collection the collection or alias name
   * @throws IndexUnavailableException with reason MISSING when the cluster has no such collection
   *     or alias; {@link LedeException} when it cannot be reached
   */
  public static SolrNewsIndex connect(String zkOrUrl, String collection) {
    return connect(zkOrUrl, collection, Preparer.defaults());
  }

  /** Connects, preparing articles with {@code preparer} (the embedded index's {@code IndexOptions.preparer()}). */
  public static SolrNewsIndex connect(String zkOrUrl, String collection, Preparer preparer) {
    return connect(zkOrUrl, collection, null, preparer);
  }

  /**
   * Connects, with the story of each article fixed by {@code storyOf} (its own id when it returns
   * null) instead of Lede's near-duplicate grouping: for callers that group stories themselves.
   */
  public static SolrNewsIndex connect(String zkOrUrl, String collection, Function<Article, String> storyOf) {
    return connect(zkOrUrl, collection, Objects.requireNonNull(storyOf, "storyOf"), Preparer.defaults());
  }

  private static SolrNewsIndex connect(String zkOrUrl, String collection, Function<Article, String> storyOf, Preparer preparer) {
    CloudSolrClient client = SolrClients.cloud(zkOrUrl);
    SolrNewsIndex index = new SolrNewsIndex(client, true, zkOrUrl, collection, storyOf, preparer);
    try {
      index.checkCollection();
    } catch (RuntimeException e) {
      index.closeQuietly();
      throw e;
    }
    return index;
  }

  /** Wraps a client the caller owns and closes; Lede's default preparation and story grouping. */
  public static SolrNewsIndex wrap(CloudSolrClient client, String collection) {
    return new SolrNewsIndex(client, false, "client", collection, null, Preparer.defaults());
  }

  /** Wraps a client the caller owns and closes, with fixed story labels (see {@link #connect(String, String, Function)}). */
  public static SolrNewsIndex wrap(CloudSolrClient client, String collection, Function<Article, String> storyOf) {
    return new SolrNewsIndex(client, false, "client", collection, Objects.requireNonNull(storyOf, "storyOf"), Preparer.defaults());
  }

  /** The collection or alias this index reads and writes. */
  public String collection() {
    return collection;
  }

  private void checkCollection() {
    SolrQuery probe = new SolrQuery("*:*");
    probe.set("defType", "lucene");
    probe.setRows(0);
    try {
      client.query(collection, probe);
    } catch (SolrException | SolrServerException | IOException e) {
      String why = rootMessage(e);
      if (why.contains("not found") || why.contains("Could not find collection")) {
        throw new IndexUnavailableException(IndexUnavailableException.Reason.MISSING, null,
            "no Solr collection or alias '" + collection + "' at " + location
                + " (create it with `lede solr init --collection " + collection + "`)", e);
      }
      throw new IndexUnavailableException(IndexUnavailableException.Reason.UNREACHABLE, null,
          "cannot reach Solr collection '" + collection + "' at " + location + ": " + why, e);
    }
  }

  @Override
  public UpsertOutcome upsert(Article article) {
    return upsertAll(List.of(article)).get(0);
  }

  /**
   * Inserts or replaces many articles in as few requests as possible: per batch, one search for
   * what is there, one story-candidate query per changed article, one update request.
   *
   * @return what happened to each article, in input order (a later copy of an id in the same call
   *     wins, and the earlier one is reported as REPLACED)
   */
  @Override
  public List<UpsertOutcome> upsertAll(Collection<Article> articles) {
    List<Article> all = List.copyOf(articles);
    List<UpsertOutcome> outcomes = new ArrayList<>(all.size());
    for (int from = 0; from < all.size(); from += DEFAULT_BATCH) {
      List<Article> batch = all.subList(from, Math.min(all.size(), from + DEFAULT_BATCH));
      // Preparation and signing are the costly, parallel part: outside the lock.
      List<PreparedArticle> prepared = batch.stream().map(preparer::prepare).toList();
      List<StoryEntry> signed = storyOf != null ? null : prepared.stream().map(p -> stories.signer().sign(p.article())).toList();
      synchronized (writeLock) {
        outcomes.addAll(writeBatch(prepared, signed));
        if (pendingDocIds.size() >= MAX_PENDING) {
          refresh();
        }
      }
    }
    return outcomes;
  }

  private List<UpsertOutcome> writeBatch(List<PreparedArticle> batch, List<StoryEntry> signed) {
    // The last copy of an id in the batch wins.
    Map<String, Integer> lastIndexOf = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      lastIndexOf.put(batch.get(i).article().id(), i);
    }
    // What is there: this client's unrefreshed writes, else one search for the visible documents.
    List<String> unseen = lastIndexOf.keySet().stream().filter(id -> !pendingDocIds.containsKey(id)).sorted().toList();
    Map<String, SolrDocument> visible = new HashMap<>();
    if (!unseen.isEmpty()) {
      for (SolrDocument d : findByArticleIds(unseen, SolrFields.ID, SolrFields.ARTICLE_ID, SolrFields.FINGERPRINT)) {
        visible.putIfAbsent((String) d.getFieldValue(SolrFields.ARTICLE_ID), d);
      }
    }
    if (storyOf == null) {
      storyStore.preload(lastIndexOf.keySet());
      storyStore.prefetchCandidates(lastIndexOf.values().stream().map(signed::get).toList());
      storyStore.startRecording();
    }
    UpdateRequest update = new UpdateRequest();
    Set<String> relabeled = new LinkedHashSet<>();
    List<UpsertOutcome> outcomes = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      PreparedArticle p = batch.get(i);
      String id = p.article().id();
      if (lastIndexOf.get(id) != i) {
        outcomes.add(UpsertOutcome.REPLACED);
        continue;
      }
      String oldDocId;
      String oldFingerprint;
      if (pendingDocIds.containsKey(id)) {
        oldDocId = pendingDocIds.get(id);
        oldFingerprint = oldDocId == null ? null : pendingFingerprints.get(id);
      } else {
        SolrDocument d = visible.get(id);
        oldDocId = d == null ? null : (String) d.getFieldValue(SolrFields.ID);
        oldFingerprint = d == null ? null : (String) d.getFieldValue(SolrFields.FINGERPRINT);
      }
      // Unchanged content stays as it is; with fixed labels, a new label is a change (the Solr id moves).
      String label = storyOf == null ? null : labelOf(p.article());
      if (oldFingerprint != null && oldFingerprint.equals(p.fingerprint())
          && (label == null || SolrFields.documentId(label, id).equals(oldDocId))) {
        outcomes.add(UpsertOutcome.UNCHANGED);
        continue;
      }
      SolrInputDocument doc;
      if (storyOf == null) {
        StoryAssignment assignment = stories.add(signed.get(i));
        relabeled.addAll(assignment.relabeled());
        doc = SolrFields.toDocument(p.withStoryId(assignment.storyId()));
        SolrStoryStore.addFields(doc, assignment.entry());
      } else {
        doc = SolrFields.toDocument(p.withStoryId(label));
      }
      String docId = (String) doc.getFieldValue(SolrFields.ID);
      if (oldDocId != null && !oldDocId.equals(docId)) {
        update.deleteById(oldDocId); // the article moved to another story, so to another Solr id
      }
      update.add(doc);
      pendingDocIds.put(id, docId);
      pendingFingerprints.put(id, p.fingerprint());
      outcomes.add(oldDocId != null ? UpsertOutcome.REPLACED : UpsertOutcome.ADDED);
    }
    send(update, "write " + batch.size() + " articles");
    rewriteRelabeled(relabeled);
    return outcomes;
  }

  /**
   * Rewrites articles whose story id changed because of another article (it is earlier than their
   * story's first member, or it was that member and went away): their Solr id holds the story, so
   * each is deleted under its old id and written under the new one, read back from the collection
   * by real-time get (which sees unrefreshed writes).
   */
  private void rewriteRelabeled(Set<String> ids) {
    Map<String, String> oldDocIds = new LinkedHashMap<>();
    Map<String, StoryEntry> entries = new HashMap<>();
    for (String id : ids) {
      Optional<StoryEntry> now = storyStore.get(id);
      if (now.isEmpty()) {
        continue;
      }
      String before = storyStore.storyBefore(id);
      String oldDocId = pendingDocIds.containsKey(id) ? pendingDocIds.get(id)
          : before == null ? null : SolrFields.documentId(before, id);
      if (oldDocId != null && !oldDocId.equals(SolrFields.documentId(now.get().storyId(), id))) {
        oldDocIds.put(id, oldDocId);
        entries.put(id, now.get());
      }
    }
    if (oldDocIds.isEmpty()) {
      return;
    }
    UpdateRequest update = new UpdateRequest();
    for (SolrDocument d : realTimeGet(oldDocIds.values(), SolrFields.ID, SolrFields.FINGERPRINT, SolrFields.ORIGINAL)) {
      Article stored = ArticleJson.read((String) d.getFieldValue(SolrFields.ORIGINAL));
      StoryEntry entry = entries.get(stored.id());
      PreparedArticle again = preparer.prepare(stored);
      // The fingerprint stays that of the article as first read: a relabel is no change of content.
      PreparedArticle ready = new PreparedArticle(again.article(), again.indexedBody(),
          (String) d.getFieldValue(SolrFields.FINGERPRINT), entry.storyId());
      SolrInputDocument doc = SolrFields.toDocument(ready);
      SolrStoryStore.addFields(doc, entry);
      update.deleteById((String) d.getFieldValue(SolrFields.ID));
      update.add(doc);
      pendingDocIds.put(stored.id(), (String) doc.getFieldValue(SolrFields.ID));
      pendingFingerprints.put(stored.id(), ready.fingerprint());
    }
    send(update, "move " + oldDocIds.size() + " articles to their new story");
  }

  private void send(UpdateRequest update, String what) {
    if ((update.getDocuments() != null && !update.getDocuments().isEmpty())
        || (update.getDeleteById() != null && !update.getDeleteById().isEmpty())
        || (update.getDeleteQuery() != null && !update.getDeleteQuery().isEmpty())) {
      dirty = true;
      process(update, what);
    }
  }

  private String labelOf(Article a) {
    String story = storyOf.apply(a);
    return story == null || story.isBlank() ? a.id() : story;
  }

  private SolrDocumentList realTimeGet(Collection<String> docIds, String... fields) {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("ids", String.join(",", docIds.stream().map(id -> id.replace(",", "\\,")).toList()));
    p.set("fl", String.join(",", fields));
    QueryRequest get = new QueryRequest(p, SolrRequest.METHOD.POST); // many ids: too long for a URL
    get.setPath("/get");
    QueryResponse r = query(get, "look up " + docIds.size() + " articles");
    SolrDocumentList docs = r.getResults();
    return docs == null ? new SolrDocumentList() : docs;
  }

  private SolrDocumentList findByArticleIds(Collection<String> ids, String... fields) {
    SolrQuery q = new SolrQuery("*:*");
    q.set("defType", "lucene");
    q.addFilterQuery(SolrQueries.anyOf(SolrFields.ARTICLE_ID, ids));
    q.setFields(fields);
    q.setRows(Math.max(10, ids.size() * 4));
    return query(new QueryRequest(q, SolrRequest.METHOD.POST), "find articles by id").getResults();
  }

  private SolrDocumentList searchDocuments(SolrQuery q, String what) {
    return query(new QueryRequest(q, SolrRequest.METHOD.POST), what).getResults();
  }

  @Override
  public boolean delete(String id) {
    synchronized (writeLock) {
      String docId;
      if (pendingDocIds.containsKey(id)) {
        docId = pendingDocIds.get(id);
      } else {
        SolrDocumentList found = findByArticleIds(List.of(id), SolrFields.ID);
        docId = found.isEmpty() ? null : (String) found.get(0).getFieldValue(SolrFields.ID);
      }
      List<String> relabeled = List.of();
      if (storyOf == null) {
        storyStore.preload(List.of(id));
        storyStore.startRecording();
        relabeled = stories.remove(id);
      }
      UpdateRequest update = new UpdateRequest();
      if (docId == null) {
        // Written by another client since the last refresh, if at all: a delete by query reaches it on every shard.
        update.deleteByQuery(SolrFields.ARTICLE_ID + ":" + SolrQueries.quote(id));
      } else {
        update.deleteById(docId);
      }
      send(update, "delete '" + id + "'");
      pendingDocIds.put(id, null);
      pendingFingerprints.remove(id);
      rewriteRelabeled(new LinkedHashSet<>(relabeled));
      return docId != null;
    }
  }

  @Override
  public Optional<Article> get(String id) {
    String pendingDocId;
    synchronized (writeLock) {
      if (!pendingDocIds.containsKey(id)) {
        pendingDocId = null;
      } else if ((pendingDocId = pendingDocIds.get(id)) == null) {
        return Optional.empty(); // deleted since the last refresh
      }
    }
    SolrDocumentList found = pendingDocId != null
        ? realTimeGet(List.of(pendingDocId), SolrFields.ORIGINAL)
        : findByArticleIds(List.of(id), SolrFields.ORIGINAL);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ArticleJson.read((String) found.get(0).getFieldValue(SolrFields.ORIGINAL)));
  }

  @Override
  public Optional<Story> story(String id) {
    List<StoryEntry> members;
    String storyId;
    synchronized (writeLock) {
      storyStore.preload(List.of(id));
      Optional<StoryEntry> entry = storyStore.get(id);
      if (entry.isEmpty()) {
        return Optional.empty();
      }
      storyId = entry.get().storyId();
      members = stories.members(storyId);
    }
    Map<String, Article> articles = new HashMap<>();
    List<String> ids = members.stream().map(StoryEntry::id).toList();
    for (int from = 0; from < ids.size(); from += DEFAULT_BATCH) {
      for (SolrDocument d : findByArticleIds(ids.subList(from, Math.min(ids.size(), from + DEFAULT_BATCH)), SolrFields.ORIGINAL)) {
        Article a = ArticleJson.read((String) d.getFieldValue(SolrFields.ORIGINAL));
        articles.put(a.id(), a);
      }
    }
    List<StoryMember> out = new ArrayList<>();
    List<String> base = null;
    String baseHash = null;
    for (StoryEntry m : members) {
      Article a = articles.get(m.id());
      if (a == null) {
        continue; // written since the last refresh
      }
      List<String> words = StorySigner.comparedWords(a);
      if (base == null) {
        base = words;
        baseHash = m.contentHash();
      }
      WordDiff diff = WordDiff.between(base, words);
      out.add(new StoryMember(m.id(), a.source(), a.published(), a.headline(), a.url(), words.size(), diff.added(),
          diff.removed(), m.contentHash().equals(baseHash)));
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(new Story(storyId, out));
  }

  @Override
  public void commit() {
    synchronized (writeLock) {
      try {
        client.commit(collection, true, true); // a hard commit opens a searcher too: the overlay can go
        dirty = false;
        forgetPending();
      } catch (SolrServerException | IOException | SolrException e) {
        throw unavailable("commit", e);
      }
    }
  }

  @Override
  public void refresh() {
    synchronized (writeLock) {
      try {
        client.commit(collection, true, true, true);
        forgetPending();
      } catch (SolrServerException | IOException | SolrException e) {
        throw unavailable("refresh", e);
      }
    }
  }

  private void forgetPending() {
    pendingDocIds.clear();
    pendingFingerprints.clear();
    storyStore.afterRefresh();
  }

  @Override
  public SearchResult search(NewsQuery query) {
    if (query.mode() != null && query.mode() != dev.lede.search.SearchMode.LEXICAL) {
      throw new UnsupportedOperationException("semantic and hybrid search are embedded-only for now: on Solr, search is lexical");
    }
    SolrQuery s = SolrQueries.search(query, weights);
    QueryResponse r = query(new QueryRequest(s, SolrRequest.METHOD.POST), "search '" + query.text() + "'");
    return toResult(query, s, r);
  }

  @Override
  public SearchResult similar(String id, NewsQuery constraints) {
    SolrDocumentList found = findByArticleIds(List.of(id), SolrFields.ID);
    if (found.isEmpty()) {
      throw new LedeException("no article with id '" + id + "' in Solr collection '" + collection + "'");
    }
    String docId = (String) found.get(0).getFieldValue(SolrFields.ID);
    // The query's text is ignored: more-like-this over the article's own text, the article excluded;
    // filters, date window, sort, limit, facets and collapse come from the constraints.
    NewsQuery c = constraints;
    NewsQuery q = new NewsQuery("", c.syntax(), c.sources(), c.entities(), c.entityTypes(), c.since(), c.until(),
        c.languages(), c.sort(), c.limit(), c.cursor(), c.facets(), c.facetLimit(), false, Recency.OFF, c.explain(),
        c.collapse(), c.authors());
    SolrQuery s = SolrQueries.search(q, weights);
    s.setQuery("{!mlt qf=" + SolrFields.HEADLINE + "," + SolrFields.LEAD + "," + SolrFields.BODY + ","
        + SolrFields.ENTITY_TEXT + " mintf=1 mindf=1 maxqt=25}" + docId);
    s.addFilterQuery("-" + SolrFields.ARTICLE_ID + ":" + SolrQueries.quote(id));
    QueryResponse r = query(new QueryRequest(s, SolrRequest.METHOD.POST), "find articles like '" + id + "'");
    return toResult(q, s, r);
  }

  private SearchResult toResult(NewsQuery query, SolrQuery s, QueryResponse r) {
    SolrDocumentList docs = r.getResults();
    Map<String, Map<String, List<String>>> hl = r.getHighlighting();
    Map<String, SolrDocumentList> expanded = r.getExpandedResults();
    Map<String, Object> explain = r.getExplainMap();
    boolean byScore = query.sort() == SortOrder.RELEVANCE;
    List<Hit> hits = new ArrayList<>(docs.size());
    for (SolrDocument d : docs) {
      String docId = (String) d.getFieldValue(SolrFields.ID);
      Article a = ArticleJson.read((String) d.getFieldValue(SolrFields.ORIGINAL));
      String story = (String) d.getFieldValue(SolrFields.STORY);
      Object score = d.getFieldValue("score");
      float sc = byScore && score instanceof Number n ? n.floatValue() : Float.NaN;
      Highlight headline = null;
      Highlight snippet = null;
      if (hl != null && hl.get(docId) != null) {
        Map<String, List<String>> h = hl.get(docId);
        headline = first(h.get(SolrFields.HEADLINE));
        Highlight lead = first(h.get(SolrFields.LEAD));
        Highlight body = first(h.get(SolrFields.BODY));
        snippet = lead != null && !lead.matches().isEmpty() ? lead : body != null && !body.matches().isEmpty() ? body : null;
      }
      if (headline == null || headline.matches().isEmpty()) {
        headline = Highlight.plain(a.headline());
      }
      if (snippet == null) {
        snippet = Highlight.plain(leadStart(a));
      }
      List<String> also = List.of();
      int collapsed = 0;
      if (expanded != null && story != null && expanded.get(story) != null) {
        SolrDocumentList copies = expanded.get(story);
        collapsed = (int) copies.getNumFound();
        Set<String> sources = new LinkedHashSet<>();
        for (SolrDocument c : copies) {
          Object src = c.getFieldValue(SolrFields.SOURCE);
          if (src != null && !src.equals(a.source())) {
            sources.add((String) src);
          }
        }
        also = List.copyOf(sources);
      }
      hits.add(new Hit(a.id(), sc, a.headline(), a.source(), a.published(), a.url(), a.entities(), headline, snippet,
          explain == null || explain.get(docId) == null ? null : String.valueOf(explain.get(docId)), story, also, collapsed,
          a.lead(), a.authors()));
    }
    Map<Facet, List<FacetCount>> facets = new EnumMap<>(Facet.class);
    if (r.getFacetFields() != null) {
      for (FacetField f : r.getFacetFields()) {
        Facet facet = Facet.valueOf(f.getName());
        List<FacetCount> counts = new ArrayList<>();
        for (FacetField.Count c : f.getValues()) {
          counts.add(new FacetCount(c.getName(), c.getCount()));
        }
        if (facet == Facet.MONTH) {
          counts.sort(java.util.Comparator.comparing(FacetCount::value).reversed());
          counts = List.copyOf(counts.subList(0, Math.min(counts.size(), query.facetLimit())));
        }
        facets.put(facet, counts);
      }
    }
    String mark = s.get(CursorMarkParams.CURSOR_MARK_PARAM);
    String nextMark = r.getNextCursorMark();
    long offset = SolrQueries.cursorOffset(query.cursor());
    String next = nextMark == null || nextMark.equals(mark) || docs.size() < query.limit() ? null
        : SolrQueries.cursor(offset, docs.size(), nextMark);
    // Collapsed, Solr counts groups only: the articles behind them are not counted.
    long articles = query.collapse() ? SearchResult.NOT_COUNTED : docs.getNumFound();
    return new SearchResult(query.text(), docs.getNumFound(), hits, facets, next, null, articles, offset);
  }

  private static Highlight first(List<String> snippets) {
    return snippets == null || snippets.isEmpty() ? null : Highlights.fromMarked(snippets.get(0));
  }

  /** The snippet when nothing matched: the lead's start, as in the embedded index. */
  private static String leadStart(Article a) {
    String text = a.lead().isEmpty() ? a.body() : a.lead();
    if (text.length() <= 240) {
      return text;
    }
    int cut = text.lastIndexOf(' ', 240);
    return text.substring(0, cut > 120 ? cut : 240);
  }

  @Override
  public IndexStats stats() {
    SolrQuery q = new SolrQuery("*:*");
    q.set("defType", "lucene");
    q.setRows(0);
    q.setGetFieldStatistics(SolrFields.PUBLISHED);
    q.setFacet(true);
    q.addFacetField(SolrFields.SOURCE);
    q.setFacetLimit(-1);
    q.setFacetMinCount(1);
    QueryResponse r = query(new QueryRequest(q), "read stats");
    FieldStatsInfo published = r.getFieldStatsInfo() == null ? null : r.getFieldStatsInfo().get(SolrFields.PUBLISHED);
    Instant oldest = published == null ? null : SolrQueries.parseInstant(published.getMin());
    Instant newest = published == null ? null : SolrQueries.parseInstant(published.getMax());
    FacetField sources = r.getFacetField(SolrFields.SOURCE);
    return new IndexStats(r.getResults().getNumFound(), sources == null ? 0 : sources.getValueCount(), oldest, newest,
        0, 0, SolrFields.SCHEMA_VERSION);
  }

  /** Every stored article, in id order, a page at a time: what a reindex reads. */
  public Iterable<Article> allArticles() {
    return () -> new java.util.Iterator<>() {
      private String mark = CursorMarkParams.CURSOR_MARK_START;
      private final java.util.ArrayDeque<Article> page = new java.util.ArrayDeque<>();
      private boolean done;

      @Override
      public boolean hasNext() {
        while (page.isEmpty() && !done) {
          SolrQuery q = new SolrQuery("*:*");
          q.set("defType", "lucene");
          q.setFields(SolrFields.ORIGINAL);
          q.setRows(DEFAULT_BATCH);
          q.addSort(SolrFields.ID, SolrQuery.ORDER.asc);
          q.set(CursorMarkParams.CURSOR_MARK_PARAM, mark);
          QueryResponse r = query(new QueryRequest(q), "read all articles");
          for (SolrDocument d : r.getResults()) {
            page.add(ArticleJson.read((String) d.getFieldValue(SolrFields.ORIGINAL)));
          }
          done = r.getNextCursorMark().equals(mark);
          mark = r.getNextCursorMark();
        }
        return !page.isEmpty();
      }

      @Override
      public Article next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return page.poll();
      }
    };
  }

  /** Commits when something was written (a reader's close sends nothing), and releases the client when owned. */
  @Override
  public void close() {
    try {
      if (dirty) {
        commit();
      }
    } finally {
      closeQuietly();
    }
  }

  private void closeQuietly() {
    if (ownsClient) {
      try {
        client.close();
      } catch (IOException e) {
        // nothing left to release
      }
    }
  }

  private QueryResponse query(QueryRequest request, String what) {
    try {
      return request.process(client, collection);
    } catch (SolrException e) {
      throw translate(what, e);
    } catch (SolrServerException | IOException e) {
      throw unavailable(what, e);
    }
  }

  private void process(UpdateRequest update, String what) {
    try {
      update.process(client, collection);
    } catch (SolrException e) {
      throw translate(what, e);
    } catch (SolrServerException | IOException e) {
      throw unavailable(what, e);
    }
  }

  private LedeException translate(String what, SolrException e) {
    if (e.code() == 400) {
      return new LedeException("Solr refused to " + what + " in collection '" + collection + "': " + rootMessage(e), e);
    }
    return unavailable(what, e);
  }

  private LedeException unavailable(String what, Exception e) {
    return new LedeException("cannot " + what + " in Solr collection '" + collection + "' at " + location + ": "
        + rootMessage(e), e);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }

  @Override
  public String toString() {
    return "SolrNewsIndex(" + location + ", " + collection + ")";
  }
}
