package dev.lede.cli.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.NewsIndex;
import dev.lede.article.EntityType;
import dev.lede.cli.Answers;
import dev.lede.cli.SearchRequest;
import dev.lede.index.StoredArticles;
import dev.lede.search.NewsQuery;
import dev.lede.search.SearchResult;
import dev.lede.search.SortOrder;
import dev.lede.search.Syntax;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The read-only endpoints. Each reads its parameters as the matching command reads its options and
 * answers with the object that command prints with {@code --format json}.
 */
final class Api {
  static final Set<String> SEARCH = Set.of("q", "source", "author", "entity", "type", "since", "until", "sort", "limit", "after",
      "facets", "recent", "all_copies", "syntax", "explain", "language", "mode");
  static final Set<String> SIMILAR = Set.of("source", "author", "since", "until", "limit");
  static final Set<String> ENTITIES = Set.of("q", "source", "author", "since", "until", "limit");
  static final Set<String> TRENDING = Set.of("window", "as_of", "limit");
  static final Set<String> SUGGEST = Set.of("prefix", "limit");
  static final Set<String> NONE = Set.of();

  private final IndexHolder holder;
  private final String indexName;
  private final Path directory;
  private final ResultCache cache;

  /**
   * At most this many searches are run ahead on a new view: under a Zipf-like mix of searches (a
   * search log's) the most asked hundred or so are most of the requests between two commits.
   */
  static final int WARM_SEARCHES = 128;
  /** And for at most this long, so that a busy machine does not hold back what was committed. */
  static final long WARM_NANOS = 1_000_000_000L;
  /** Without the cache: the last few distinct searches, to warm a new view with. */
  private final Map<NewsQuery, Boolean> recent = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<NewsQuery, Boolean> eldest) {
      return size() > 8;
    }
  };

  /**
   * @param indexName how {@code /api/stats} names the index
   * @param directory the embedded index's directory (for its generations), or null on Solr
   */
  Api(IndexHolder holder, String indexName, Path directory, ResultCache cache) {
    this.holder = holder;
    this.indexName = indexName;
    this.directory = directory;
    this.cache = cache;
  }

  /**
   * {@code GET /api/search}: the body of {@code lede search --format json}. Nothing found is a 200
   * with total 0 and a note. The same search on the same view of the index is answered from the
   * cache; a search relative to now (recency without a fixed date) never is.
   */
  byte[] search(Params p) {
    NewsQuery q = searchRequest(p).toQuery();
    NewsIndex index = holder.get();
    ResultCache.Key key = null;
    if (cache.enabled() && !(q.recency().enabled() && q.recency().asOf() == null)) {
      // the version is read before the search: at worst a newer result is kept under an older key
      key = new ResultCache.Key(index.searchVersion(), index.synonyms(), q);
      byte[] kept = cache.get(key);
      if (kept != null) {
        return kept;
      }
    }
    byte[] body = LedeServer.bytes(Answers.search(index, q).json());
    if (key != null) {
      cache.put(key, body);
    } else {
      synchronized (recent) {
        recent.put(q, Boolean.TRUE);
      }
    }
    return body;
  }

  /**
   * Runs the searches asked most on the live view ({@link #WARM_SEARCHES} at most, for at most
   * {@link #WARM_NANOS}) on a new view of the index before searches move to it, and keeps their
   * answers for it: after another process commits, the popular searches are answered from the cache
   * at once instead of all missing together (issue 19). A search that finds nothing is left out: its
   * note looks at the index as searches see it.
   */
  void warm(NewsIndex index, Object version, Function<NewsQuery, SearchResult> search) {
    long deadline = System.nanoTime() + WARM_NANOS;
    if (!cache.enabled() || version == null) {
      // Nothing to keep, but a few searches still build on the new view what its first searches
      // would otherwise all wait for (the global ordinals of stories and facets).
      List<NewsQuery> last;
      synchronized (recent) {
        last = List.copyOf(recent.keySet());
      }
      for (NewsQuery q : last) {
        if (System.nanoTime() > deadline) {
          return;
        }
        search.apply(q);
      }
      return;
    }
    Object synonyms = index.synonyms();
    for (Object request : cache.popular(WARM_SEARCHES)) {
      if (System.nanoTime() > deadline) {
        return;
      }
      SearchResult r = search.apply((NewsQuery) request);
      if (r.total() > 0) {
        cache.putAhead(new ResultCache.Key(version, synonyms, request), LedeServer.bytes(new Answers.Searched(r, null).json()));
      }
    }
  }

  ResultCache.Stats cacheStats() {
    return cache.stats();
  }

  /** The parameters of {@code /api/search} as the request {@code lede search} makes from its options. */
  static SearchRequest searchRequest(Params p) {
    List<EntityType> types = p.all("type", true).stream().map(t -> Params.choice("type", t, EntityType.class)).toList();
    return new SearchRequest(p.text("q"), p.all("source", true), p.all("author", false), p.all("entity", false), types,
        when(p, "since"), when(p, "until"), p.choice("sort", SortOrder.class, SortOrder.RELEVANCE), p.integer("limit", 10),
        p.get("after"), p.flag("facets"), p.flag("explain"), p.choice("syntax", Syntax.class, Syntax.SIMPLE), p.integer("recent"),
        p.flag("all_copies"), p.all("language", true), p.choice("mode", dev.lede.search.SearchMode.class, null));
  }

  /** {@code GET /api/articles/{id}}: {@code lede show ID --format json}. */
  ObjectNode article(String id) {
    return StoredArticles.toJson(holder.get().get(id).orElseThrow(() -> noSuchArticle(id)));
  }

  /** {@code GET /api/similar/{id}}: {@code lede similar ID --format json}. */
  ObjectNode similar(String id, Params p) {
    Instant since = when(p, "since");
    Instant until = when(p, "until");
    Answers.checkRange(since, until);
    NewsQuery constraints = NewsQuery.builder("").sources(p.all("source", true)).authors(p.all("author", false)).since(since).until(until)
        .limit(p.integer("limit", 10)).build();
    return Answers.similar(holder.get(), id, constraints).orElseThrow(() -> noSuchArticle(id)).json();
  }

  /** {@code GET /api/stories/{id}}: {@code lede story ID --format json}. */
  ObjectNode story(String id) {
    return Answers.story(holder.get().story(id).orElseThrow(() -> noSuchArticle(id)));
  }

  /** {@code GET /api/entities}: {@code lede entities QUERY --format json}. */
  ObjectNode entities(Params p) {
    NewsQuery q = Answers.entitiesQuery(p.text("q"), p.all("source", true), p.all("author", false), when(p, "since"), when(p, "until"));
    return Answers.entities(holder.get(), q, p.integer("limit", 20)).json();
  }

  /** {@code GET /api/suggest?prefix=}: {@code lede suggest PREFIX --format json}. */
  ObjectNode suggest(Params p) {
    return Answers.suggest(holder.get(), p.text("prefix"), p.integer("limit", 10)).json();
  }

  /** {@code GET /api/trending}: {@code lede trending --format json}; the window ends now unless {@code as_of} says. */
  ObjectNode trending(Params p) {
    Instant asOf = when(p, "as_of");
    return Answers.trending(holder.get(), asOf == null ? Instant.now() : asOf, p.integer("window", 7), p.integer("limit", 10)).json();
  }

  /** {@code GET /api/stats}: {@code lede stats --format json}. */
  ObjectNode stats() {
    return Answers.stats(holder.get(), indexName, directory).json();
  }

  private static Instant when(Params p, String name) {
    String v = p.get(name);
    return v == null ? null : Answers.when(name, v);
  }

  static ApiException noSuchArticle(String id) {
    return ApiException.notFound("no article with id '" + id + "'");
  }
}
