package dev.lede.solr;

import dev.lede.IndexUnavailableException;
import dev.lede.LedeException;
import dev.lede.NewsIndex;
import dev.lede.UpsertOutcome;
import dev.lede.article.Article;
import dev.lede.article.Fingerprints;
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
 * <p>Articles are prepared on the client (story id, fingerprint, fields) and sent in batches. Each
 * document's Solr id is {@code story!article}, so Solr's compositeId router puts every copy of a
 * story on one shard, which keeps collapse by story exact across shards.
 *
 * <p>Visibility: writes become searchable after {@link #refresh()} (a soft commit) and durable after
 * {@link #commit()} (a hard commit); the collection's transaction log already makes an acknowledged
 * write survive a node failure. {@link #get} and {@link #delete} look articles up by search, so they
 * see what the last refresh made visible.
 *
 * <p>Thread-safe: SolrJ's client is, and this class keeps no mutable state of its own.
 */
public final class SolrNewsIndex implements NewsIndex {
  /** Articles per update request: large enough to amortise a round trip, small enough for a node's heap. */
  public static final int DEFAULT_BATCH = 500;

  private final CloudSolrClient client;
  private final boolean ownsClient;
  private final String collection;
  private final String location;
  private final Function<Article, String> storyOf;
  private final SolrQueries.Weights weights = SolrQueries.Weights.DEFAULT;

  private SolrNewsIndex(CloudSolrClient client, boolean ownsClient, String location, String collection,
      Function<Article, String> storyOf) {
    this.client = Objects.requireNonNull(client, "client");
    this.ownsClient = ownsClient;
    this.location = location;
    this.collection = Objects.requireNonNull(collection, "collection");
    this.storyOf = Objects.requireNonNull(storyOf, "storyOf");
  }

  /**
   * Connects to a collection (or alias) of a SolrCloud cluster.
   *
   * @param zkOrUrl either Solr base URLs ({@code http://host:8983/solr}, several separated by commas)
   *     or a ZooKeeper address ({@code host:2181,host2:2181/solr})
   * @param collection the collection or alias name
   * @throws IndexUnavailableException with reason MISSING when the cluster has no such collection
   *     or alias, or cannot be reached
   */
  public static SolrNewsIndex connect(String zkOrUrl, String collection) {
    return connect(zkOrUrl, collection, Article::id);
  }

  /**
   * Connects, with the story of each article decided by {@code storyOf} (its own id when it stands
   * alone). Lede's preparation stage supplies this; the default makes every article its own story.
   */
  public static SolrNewsIndex connect(String zkOrUrl, String collection, Function<Article, String> storyOf) {
    CloudSolrClient client = SolrClients.cloud(zkOrUrl);
    SolrNewsIndex index = new SolrNewsIndex(client, true, zkOrUrl, collection, storyOf);
    try {
      index.checkCollection();
    } catch (RuntimeException e) {
      index.closeQuietly();
      throw e;
    }
    return index;
  }

  /** Wraps a client the caller owns and closes. */
  public static SolrNewsIndex wrap(CloudSolrClient client, String collection, Function<Article, String> storyOf) {
    return new SolrNewsIndex(client, false, "client", collection, storyOf);
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
      throw new LedeException("cannot reach Solr collection '" + collection + "' at " + location + ": " + why, e);
    }
  }

  @Override
  public UpsertOutcome upsert(Article article) {
    return upsertAll(List.of(article)).get(0);
  }

  /**
   * Inserts or replaces many articles in as few requests as possible: one real-time get and one
   * search per batch to find what is there, one update request per batch to write what changed.
   *
   * @return what happened to each article, in input order (a later copy of an id in the same call
   *     wins, and the earlier one is reported as REPLACED)
   */
  public List<UpsertOutcome> upsertAll(Collection<Article> articles) {
    List<Article> all = List.copyOf(articles);
    List<UpsertOutcome> outcomes = new ArrayList<>(all.size());
    for (int from = 0; from < all.size(); from += DEFAULT_BATCH) {
      outcomes.addAll(upsertBatch(all.subList(from, Math.min(all.size(), from + DEFAULT_BATCH))));
    }
    return outcomes;
  }

  private List<UpsertOutcome> upsertBatch(List<Article> batch) {
    // The last copy of an id in the batch wins.
    Map<String, Integer> lastIndexOf = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      lastIndexOf.put(batch.get(i).id(), i);
    }
    Map<String, String> docIdOf = new LinkedHashMap<>();
    for (Article a : batch) {
      docIdOf.put(a.id(), SolrFields.documentId(storyOf(a), a.id()));
    }
    // 1. Real-time get by Solr id: sees writes not yet refreshed, when the story did not change.
    Map<String, String> fingerprintByDocId = new HashMap<>();
    for (SolrDocument d : realTimeGet(docIdOf.values())) {
      fingerprintByDocId.put((String) d.getFieldValue(SolrFields.ID), (String) d.getFieldValue(SolrFields.FINGERPRINT));
    }
    // 2. A search by article id: finds a visible copy filed under another story, to be removed.
    Map<String, List<String>> staleDocIds = new HashMap<>();
    List<String> unseen = docIdOf.entrySet().stream().filter(e -> !fingerprintByDocId.containsKey(e.getValue()))
        .map(Map.Entry::getKey).toList();
    if (!unseen.isEmpty()) {
      for (SolrDocument d : findByArticleIds(unseen, SolrFields.ID, SolrFields.ARTICLE_ID)) {
        String aid = (String) d.getFieldValue(SolrFields.ARTICLE_ID);
        String docId = (String) d.getFieldValue(SolrFields.ID);
        if (!docId.equals(docIdOf.get(aid))) {
          staleDocIds.computeIfAbsent(aid, k -> new ArrayList<>()).add(docId);
        }
      }
    }
    UpdateRequest update = new UpdateRequest();
    List<UpsertOutcome> outcomes = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Article a = batch.get(i);
      if (lastIndexOf.get(a.id()) != i) {
        outcomes.add(UpsertOutcome.REPLACED);
        continue;
      }
      String docId = docIdOf.get(a.id());
      String existing = fingerprintByDocId.get(docId);
      List<String> stale = staleDocIds.getOrDefault(a.id(), List.of());
      if (existing != null && existing.equals(Fingerprints.of(a)) && stale.isEmpty()) {
        outcomes.add(UpsertOutcome.UNCHANGED);
        continue;
      }
      stale.forEach(update::deleteById);
      SolrInputDocument doc = SolrFields.toDocument(a, storyOf(a));
      update.add(doc);
      outcomes.add(existing != null || !stale.isEmpty() ? UpsertOutcome.REPLACED : UpsertOutcome.ADDED);
    }
    if ((update.getDocuments() != null && !update.getDocuments().isEmpty())
        || (update.getDeleteById() != null && !update.getDeleteById().isEmpty())) {
      process(update, "write " + batch.size() + " articles");
    }
    return outcomes;
  }

  private String storyOf(Article a) {
    String story = storyOf.apply(a);
    return story == null || story.isBlank() ? a.id() : story;
  }

  private SolrDocumentList realTimeGet(Collection<String> docIds) {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("ids", String.join(",", docIds.stream().map(id -> id.replace(",", "\\,")).toList()));
    p.set("fl", SolrFields.ID + "," + SolrFields.FINGERPRINT);
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

  @Override
  public boolean delete(String id) {
    SolrDocumentList found = findByArticleIds(List.of(id), SolrFields.ID);
    UpdateRequest update = new UpdateRequest();
    if (found.isEmpty()) {
      // Not visible yet (written since the last refresh): a delete by query reaches it on every shard.
      update.deleteByQuery(SolrFields.ARTICLE_ID + ":" + SolrQueries.quote(id));
    } else {
      found.forEach(d -> update.deleteById((String) d.getFieldValue(SolrFields.ID)));
    }
    process(update, "delete '" + id + "'");
    return !found.isEmpty();
  }

  @Override
  public Optional<Article> get(String id) {
    SolrDocumentList found = findByArticleIds(List.of(id), SolrFields.ORIGINAL);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ArticleJson.read((String) found.get(0).getFieldValue(SolrFields.ORIGINAL)));
  }

  @Override
  public void commit() {
    try {
      client.commit(collection, true, true);
    } catch (SolrServerException | IOException | SolrException e) {
      throw unavailable("commit", e);
    }
  }

  @Override
  public void refresh() {
    try {
      client.commit(collection, true, true, true);
    } catch (SolrServerException | IOException | SolrException e) {
      throw unavailable("refresh", e);
    }
  }

  @Override
  public SearchResult search(NewsQuery query) {
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
        c.collapse());
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
          explain == null || explain.get(docId) == null ? null : String.valueOf(explain.get(docId)), story, also, collapsed));
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
    String next = nextMark == null || nextMark.equals(mark) || docs.size() < query.limit() ? null
        : SolrQueries.CURSOR_PREFIX + nextMark;
    return new SearchResult(query.text(), docs.getNumFound(), hits, facets, next, null);
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

  @Override
  public void close() {
    try {
      commit();
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
