package dev.lede.cli;

import dev.lede.article.EntityType;
import dev.lede.search.Facet;
import dev.lede.search.NewsQuery;
import dev.lede.search.Recency;
import dev.lede.search.SortOrder;
import dev.lede.search.Syntax;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A search as the user asked for it, before it becomes a {@link NewsQuery}: what {@code lede search}
 * reads from its options and {@code lede serve} from its query parameters. Both turn it into a query
 * here, so the same request checks and means the same on the command line and over HTTP.
 *
 * @param recentDays the half-life of the recency boost in days, or null for none
 * @param languages only articles in these languages (codes such as {@code de}); empty for all
 * @param mode lexical, semantic or hybrid; null for the index's default
 */
public record SearchRequest(String text, List<String> sources, List<String> authors, List<String> entities, List<EntityType> types,
    Instant since, Instant until, SortOrder sort, int limit, String after, boolean facets, boolean explain,
    Syntax syntax, Integer recentDays, boolean allCopies, List<String> languages, dev.lede.search.SearchMode mode) {

  /** A request over every language, in the index's default mode. */
  public SearchRequest(String text, List<String> sources, List<String> authors, List<String> entities, List<EntityType> types,
      Instant since, Instant until, SortOrder sort, int limit, String after, boolean facets, boolean explain,
      Syntax syntax, Integer recentDays, boolean allCopies) {
    this(text, sources, authors, entities, types, since, until, sort, limit, after, facets, explain, syntax, recentDays, allCopies,
        List.of(), null);
  }

  /** A request in the index's default mode. */
  public SearchRequest(String text, List<String> sources, List<String> authors, List<String> entities, List<EntityType> types,
      Instant since, Instant until, SortOrder sort, int limit, String after, boolean facets, boolean explain,
      Syntax syntax, Integer recentDays, boolean allCopies, List<String> languages) {
    this(text, sources, authors, entities, types, since, until, sort, limit, after, facets, explain, syntax, recentDays, allCopies,
        languages, null);
  }

  public SearchRequest {
    Objects.requireNonNull(text, "text");
    sources = List.copyOf(sources);
    authors = List.copyOf(authors);
    entities = List.copyOf(entities);
    types = List.copyOf(types);
    languages = List.copyOf(languages);
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(syntax, "syntax");
  }

  /**
   * The query, or an {@link IllegalArgumentException} (a usage error) naming what is wrong: an empty
   * date range, a recency under a day, a limit out of range, a language that is none.
   */
  public NewsQuery toQuery() {
    WhenConverter.checkRange(since, until);
    NewsQuery.Builder b = NewsQuery.builder(text)
        .syntax(syntax)
        .sources(sources)
        .authors(authors)
        .entities(entities)
        .entityTypes(types)
        .since(since)
        .until(until)
        .sort(sort)
        .limit(limit)
        .after(after)
        .explain(explain)
        .collapse(!allCopies)
        .languages(languages)
        .mode(mode);
    if (facets) {
      b.facet(Facet.values());
    }
    if (recentDays != null) {
      if (recentDays < 1) {
        throw new IllegalArgumentException("--recent must be at least 1 day, got " + recentDays);
      }
      b.recency(new Recency(0.15f, Duration.ofDays(recentDays), null));
    }
    return b.build();
  }
}
