package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.NewsIndex;
import dev.lede.cli.render.Json;
import dev.lede.index.Generations;
import dev.lede.search.FacetCount;
import dev.lede.search.IndexStats;
import dev.lede.search.NewsQuery;
import dev.lede.search.SearchResult;
import dev.lede.search.Story;
import dev.lede.search.StoryMember;
import dev.lede.search.TrendingEntity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * What the read-only commands answer, each with the JSON object its {@code --format json} prints.
 * The commands print these objects and {@code lede serve} sends them, so a script gets the same
 * fields from either (README "JSON output"). Nothing here prints; the commands choose text or JSON.
 */
public final class Answers {
  private Answers() {}

  /** A search's result and why it found nothing (null when it found something, or cannot say). */
  public record Searched(SearchResult result, String note) {
    public ObjectNode json() {
      return Json.searchResult(result, note);
    }
  }

  public static Searched search(NewsIndex index, NewsQuery q) {
    SearchResult r = index.search(q);
    return new Searched(r, r.total() == 0 ? NothingFound.searchNote(index, q) : null);
  }

  /** Articles related to {@code id} within the constraints' filters; empty when there is no such article. */
  public static Optional<Searched> similar(NewsIndex index, String id, NewsQuery constraints) {
    if (index.get(id).isEmpty()) {
      return Optional.empty();
    }
    SearchResult r = index.similar(id, constraints);
    return Optional.of(new Searched(r, r.total() == 0 ? NothingFound.searchNote(index, constraints) : null));
  }

  /** {@code story --format json}: the story id and each copy with how it differs from the earliest. */
  public static ObjectNode story(Story story) {
    ObjectNode o = Json.object().put("story", story.id());
    ArrayNode a = o.putArray("members");
    for (StoryMember m : story.members()) {
      a.addObject().put("id", m.id()).put("source", m.source())
          .put("published", m.published() == null ? null : m.published().toString()).put("headline", m.headline())
          .put("url", m.url()).put("words", m.words()).put("words_added", m.wordsAdded())
          .put("words_removed", m.wordsRemoved()).put("exact_duplicate", m.exactDuplicate());
    }
    return o;
  }

  /** The entities the matching articles name most, how many articles match, and why there are none. */
  public record Entities(String query, List<FacetCount> top, long articles, String note) {
    public Entities {
      top = List.copyOf(top);
    }

    public ObjectNode json() {
      ObjectNode o = Json.object().put("query", query);
      ArrayNode a = o.putArray("entities");
      top.forEach(c -> a.addObject().put("name", c.value()).put("articles", c.count()));
      o.put("articles", articles);
      o.put("note", note);
      return o;
    }
  }

  public static Entities entities(NewsIndex index, NewsQuery q, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
    }
    List<FacetCount> top = index.topEntities(q, limit);
    long articles = index.search(q.toBuilder().limit(1).build()).total();
    String note = null;
    if (top.isEmpty()) {
      // Say which of the two it is: nothing matched, or what matched names no entity (issue 15).
      String filters = NothingFound.searchNote(index, q);
      note = articles > 0
          ? articles + (articles == 1 ? " article matches" : " articles match") + " but none names an entity"
          : "no article matches" + (q.text().isBlank() ? "" : " '" + q.text() + "'") + (filters == null ? "" : ": " + filters);
    }
    return new Entities(q.text(), top, articles, note);
  }

  /** The query {@code entities} runs: every matching article counts, so no story grouping and no highlights. */
  public static NewsQuery entitiesQuery(String text, List<String> sources, List<String> authors, Instant since, Instant until) {
    WhenConverter.checkRange(since, until);
    return NewsQuery.builder(text).sources(sources).authors(authors).since(since).until(until).collapse(false).highlight(false).build();
  }

  /** Trending entities in the window ending {@code asOf}, and why there are none. */
  public record Trending(Instant asOf, int windowDays, List<TrendingEntity> trends, String note) {
    public Trending {
      trends = List.copyOf(trends);
    }

    public ObjectNode json() {
      ObjectNode o = Json.object().put("as_of", asOf.toString()).put("window_days", windowDays);
      ArrayNode a = o.putArray("trending");
      for (TrendingEntity t : trends) {
        a.addObject().put("entity", t.entity()).put("type", t.type().name())
            .put("before", t.countBefore()).put("after", t.countAfter()).put("ratio", t.ratio());
      }
      o.put("note", note);
      return o;
    }
  }

  public static Trending trending(NewsIndex index, Instant asOf, int windowDays, int limit) {
    if (windowDays < 1 || limit < 1) {
      throw new IllegalArgumentException("--window and --limit must be at least 1");
    }
    List<TrendingEntity> trends = index.trending(asOf, Duration.ofDays(windowDays), limit);
    // The window ends now by default: on an archive, years after its newest article (issue 15).
    String note = trends.isEmpty() ? NothingFound.windowNote(index, asOf, windowDays) : null;
    return new Trending(asOf, windowDays, trends, note);
  }

  /** Completions of typed text (issue 18), as {@code lede suggest} and {@code /api/suggest} answer. */
  public record Suggested(String prefix, List<dev.lede.search.Suggestion> suggestions) {
    public Suggested {
      suggestions = List.copyOf(suggestions);
    }

    public ObjectNode json() {
      ObjectNode o = Json.object().put("prefix", prefix);
      ArrayNode a = o.putArray("suggestions");
      for (dev.lede.search.Suggestion s : suggestions) {
        ObjectNode x = a.addObject().put("text", s.text()).put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (s.kind() == dev.lede.search.Suggestion.Kind.ENTITY) {
          x.put("type", s.entityType().name()).put("articles", s.articles()).put("approximate", s.approximate());
        } else {
          x.put("id", s.id()).put("published", s.published() == null ? null : s.published().toString());
        }
      }
      return o;
    }
  }

  public static Suggested suggest(NewsIndex index, String prefix, int limit) {
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("--limit must be between 1 and 100, got " + limit);
    }
    return new Suggested(prefix, index.suggest(prefix, limit));
  }

  /**
   * What the index holds.
   *
   * @param previous the generation kept for a rollback, or null
   */
  public record Stats(String index, IndexStats stats, List<FacetCount> sources, String previous) {
    public Stats {
      sources = List.copyOf(sources);
    }

    /** Articles with no source: the index's count less the per-source counts. */
    public long noSource() {
      return stats.articles() - sources.stream().mapToLong(FacetCount::count).sum();
    }

    public ObjectNode json() {
      IndexStats s = stats;
      ObjectNode o = Json.object()
          .put("index", index)
          .put("articles", s.articles())
          .put("sources", s.sources())
          .put("oldest", s.oldest() == null ? null : s.oldest().toString())
          .put("newest", s.newest() == null ? null : s.newest().toString())
          .put("size_bytes", s.sizeBytes())
          .put("segments", s.segments())
          .put("schema_version", s.schemaVersion())
          .put("generation", s.generation())
          .put("previous_generation", previous)
          .put("no_source", noSource());
      ArrayNode a = o.putArray("by_source");
      sources.forEach(c -> a.addObject().put("source", c.value()).put("articles", c.count()));
      return o;
    }
  }

  /**
   * @param name how the index is named in the answer
   * @param directory the embedded index's directory, whose generation pointer names the previous
   *     generation; null on Solr
   */
  public static Stats stats(NewsIndex index, String name, Path directory) {
    IndexStats s = index.stats();
    List<FacetCount> sources = NothingFound.sources(index);
    // The pointer's previous generation tells an index rolled back to its first build from one never
    // reindexed: both have the flat generation live (issue 15).
    String previous = s.generation() == null || directory == null ? null : Generations.resolve(directory).previous();
    return new Stats(name, s, sources, previous);
  }

  /** Refuses a date range no article can be in, as {@code --since} and {@code --until} do. */
  public static void checkRange(Instant since, Instant until) {
    WhenConverter.checkRange(since, until);
  }

  /**
   * Reads a date as {@code --since}, {@code --until} and {@code --as-of} do.
   *
   * @throws IllegalArgumentException naming {@code name}, the value and what is expected
   */
  public static Instant when(String name, String value) {
    try {
      return new WhenConverter().convert(value);
    } catch (CommandLine.TypeConversionException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }

  /** The summary object {@code index --output json} prints for an ingest. */
  public static ObjectNode ingest(dev.lede.IngestReport report, String index) {
    return IndexCommand.json(report, index);
  }
}
