package dev.lede.search;

import dev.lede.article.EntityType;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to search for: an immutable description, built with {@link #builder(String)}.
 *
 * <p>Filters (sources, authors, entities, entity types, date range, languages) narrow the hits without
 * changing their scores. An empty text matches every article (then sort by date makes sense).
 *
 * @param text the query text; empty matches all
 * @param syntax how {@code text} is read
 * @param sources only these normalised source domains (empty: any)
 * @param entities only articles naming all of these entities, by canonical name or alias (empty: any)
 * @param entityTypes only articles with an entity of one of these types (empty: any)
 * @param since only articles published at or after this instant (null: no lower bound)
 * @param until only articles published before this instant (null: no upper bound)
 * @param languages only these languages: ISO 639 codes ({@code de}), tags ({@code de-AT}) or English
 *     names ({@code German}), kept as codes; a value naming no language is an {@link
 *     IllegalArgumentException} (empty: any)
 * @param sort the order of hits
 * @param limit how many hits a page holds, 1 to 10,000
 * @param cursor where the previous page ended ({@link SearchResult#next()}), or null for the first page
 * @param facets the facets to count
 * @param facetLimit the most values a facet returns
 * @param highlight whether hits carry highlighted headline and snippet
 * @param recency the recency boost (relevance sort only)
 * @param explain whether hits carry a score explanation
 * @param collapse whether syndicated copies of one story collapse into one hit
 * @param authors only articles by all of these authors, by whole name, case and spacing aside (empty: any)
 * @param feedback pseudo-relevance feedback for long queries ({@link Feedback#OFF}: none)
 * @param mode how the text is matched; null, the default, means hybrid on an index with semantic
 *     search on and lexical otherwise
 */
public record NewsQuery(
    String text,
    Syntax syntax,
    Set<String> sources,
    Set<String> entities,
    Set<EntityType> entityTypes,
    Instant since,
    Instant until,
    Set<String> languages,
    SortOrder sort,
    int limit,
    String cursor,
    Set<Facet> facets,
    int facetLimit,
    boolean highlight,
    Recency recency,
    boolean explain,
    boolean collapse,
    Set<String> authors,
    Feedback feedback,
    SearchMode mode) {

  public static final int MAX_LIMIT = 10_000;

  /** A query without an author filter (the shape before it was added). */
  public NewsQuery(String text, Syntax syntax, Set<String> sources, Set<String> entities, Set<EntityType> entityTypes,
      Instant since, Instant until, Set<String> languages, SortOrder sort, int limit, String cursor, Set<Facet> facets,
      int facetLimit, boolean highlight, Recency recency, boolean explain, boolean collapse) {
    this(text, syntax, sources, entities, entityTypes, since, until, languages, sort, limit, cursor, facets, facetLimit,
        highlight, recency, explain, collapse, Set.of(), Feedback.defaults(), null);
  }

  /** A query with {@link Feedback#defaults() default feedback} (the shape before it was added). */
  public NewsQuery(String text, Syntax syntax, Set<String> sources, Set<String> entities, Set<EntityType> entityTypes,
      Instant since, Instant until, Set<String> languages, SortOrder sort, int limit, String cursor, Set<Facet> facets,
      int facetLimit, boolean highlight, Recency recency, boolean explain, boolean collapse, Set<String> authors) {
    this(text, syntax, sources, entities, entityTypes, since, until, languages, sort, limit, cursor, facets, facetLimit,
        highlight, recency, explain, collapse, authors, Feedback.defaults(), null);
  }

  /** A query in the index's default mode (the shape before modes were added). */
  public NewsQuery(String text, Syntax syntax, Set<String> sources, Set<String> entities, Set<EntityType> entityTypes,
      Instant since, Instant until, Set<String> languages, SortOrder sort, int limit, String cursor, Set<Facet> facets,
      int facetLimit, boolean highlight, Recency recency, boolean explain, boolean collapse, Set<String> authors,
      Feedback feedback) {
    this(text, syntax, sources, entities, entityTypes, since, until, languages, sort, limit, cursor, facets, facetLimit,
        highlight, recency, explain, collapse, authors, feedback, null);
  }

  public NewsQuery {
    authors = Set.copyOf(authors == null ? Set.of() : authors);
    text = text == null ? "" : text;
    Objects.requireNonNull(syntax, "syntax");
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(recency, "recency");
    feedback = feedback == null ? Feedback.OFF : feedback;
    sources = Set.copyOf(sources == null ? Set.of() : sources);
    entities = Set.copyOf(entities == null ? Set.of() : entities);
    entityTypes = entityTypes == null || entityTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(entityTypes));
    // Codes as the index writes them ("de" for "DE", "de-AT", "German"); a name of no language is refused.
    languages = languages == null ? Set.of() : Set.copyOf(languages.stream().map(dev.lede.article.Languages::require).toList());
    facets = facets == null || facets.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(facets));
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("illegal limit " + limit + ", must be between 1 and " + MAX_LIMIT);
    }
    if (facetLimit < 1) {
      throw new IllegalArgumentException("illegal facet limit " + facetLimit + ", must be >= 1");
    }
    if (since != null && until != null && until.isBefore(since)) {
      throw new IllegalArgumentException("illegal date range: until " + until + " is before since " + since);
    }
  }

  /** A builder for a query with this text. */
  public static Builder builder(String text) {
    return new Builder(text);
  }

  /** A builder that starts from this query. */
  public Builder toBuilder() {
    Builder b = new Builder(text);
    b.syntax = syntax;
    b.sources.addAll(sources);
    b.entities.addAll(entities);
    b.entityTypes.addAll(entityTypes);
    b.since = since;
    b.until = until;
    b.languages.addAll(languages);
    b.sort = sort;
    b.limit = limit;
    b.cursor = cursor;
    b.facets.addAll(facets);
    b.facetLimit = facetLimit;
    b.highlight = highlight;
    b.recency = recency;
    b.explain = explain;
    b.collapse = collapse;
    b.authors.addAll(authors);
    b.feedback = feedback;
    b.mode = mode;
    return b;
  }

  /**
   * Collects a query. Defaults: simple syntax, relevance, 10 hits, highlights on, recency off, collapse on,
   * {@link Feedback#defaults() feedback} for long queries.
   */
  public static final class Builder {
    private final String text;
    private Syntax syntax = Syntax.SIMPLE;
    private final Set<String> sources = new LinkedHashSet<>();
    private final Set<String> entities = new LinkedHashSet<>();
    private final Set<EntityType> entityTypes = EnumSet.noneOf(EntityType.class);
    private Instant since;
    private Instant until;
    private final Set<String> languages = new LinkedHashSet<>();
    private SortOrder sort = SortOrder.RELEVANCE;
    private int limit = 10;
    private String cursor;
    private final Set<Facet> facets = EnumSet.noneOf(Facet.class);
    private int facetLimit = 10;
    private boolean highlight = true;
    private Recency recency = Recency.OFF;
    private boolean explain;
    private boolean collapse = true;
    private final Set<String> authors = new LinkedHashSet<>();
    private Feedback feedback = Feedback.defaults();
    private SearchMode mode;

    private Builder(String text) {
      this.text = text;
    }

    public Builder syntax(Syntax syntax) {
      this.syntax = syntax;
      return this;
    }

    /** Only articles of these sources, as domains or URLs; a blank source is refused. */
    public Builder source(String... sources) {
      for (String s : sources) {
        String normalized = dev.lede.article.Sources.normalize(s);
        if (normalized == null) {
          // Normalising a blank gives null, which used to end in a NullPointerException (issue 15).
          throw new IllegalArgumentException("blank source filter: \"" + s + "\"");
        }
        this.sources.add(normalized);
      }
      return this;
    }

    public Builder sources(Collection<String> sources) {
      sources.forEach(this::source);
      return this;
    }

    /** Only articles naming all of these entities; a blank name is refused. */
    public Builder entity(String... entities) {
      for (String e : entities) {
        if (e == null || e.isBlank()) {
          throw new IllegalArgumentException("blank entity filter: \"" + e + "\"");
        }
        this.entities.add(e);
      }
      return this;
    }

    public Builder entities(Collection<String> entities) {
      entities.forEach(this::entity);
      return this;
    }

    /** Only articles by this author (repeat for all of several): a whole name, case and spacing aside. */
    public Builder author(String... authors) {
      this.authors.addAll(java.util.List.of(authors));
      return this;
    }

    public Builder authors(Collection<String> authors) {
      this.authors.addAll(authors);
      return this;
    }

    public Builder entityType(EntityType... types) {
      this.entityTypes.addAll(java.util.List.of(types));
      return this;
    }

    public Builder entityTypes(Collection<EntityType> types) {
      this.entityTypes.addAll(types);
      return this;
    }

    public Builder since(Instant since) {
      this.since = since;
      return this;
    }

    public Builder until(Instant until) {
      this.until = until;
      return this;
    }

    /** Only articles in these languages (see {@link NewsQuery#languages()}); repeatable. */
    public Builder language(String... languages) {
      this.languages.addAll(java.util.List.of(languages));
      return this;
    }

    /** Only articles in these languages; the same as {@link #language(String...)}. */
    public Builder languages(java.util.Collection<String> languages) {
      this.languages.addAll(languages);
      return this;
    }

    public Builder sort(SortOrder sort) {
      this.sort = sort;
      return this;
    }

    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    public Builder after(String cursor) {
      this.cursor = cursor;
      return this;
    }

    public Builder facet(Facet... facets) {
      this.facets.addAll(java.util.List.of(facets));
      return this;
    }

    public Builder facetLimit(int facetLimit) {
      this.facetLimit = facetLimit;
      return this;
    }

    public Builder highlight(boolean highlight) {
      this.highlight = highlight;
      return this;
    }

    public Builder recency(Recency recency) {
      this.recency = recency;
      return this;
    }

    public Builder explain(boolean explain) {
      this.explain = explain;
      return this;
    }

    public Builder collapse(boolean collapse) {
      this.collapse = collapse;
      return this;
    }

    /** How the text is matched; null (the default): hybrid when the index has vectors, else lexical. */
    public Builder mode(SearchMode mode) {
      this.mode = mode;
      return this;
    }

    /** Pseudo-relevance feedback for long queries: these settings, or {@link Feedback#OFF}. */
    public Builder feedback(Feedback feedback) {
      this.feedback = Objects.requireNonNull(feedback, "feedback");
      return this;
    }

    /** Turns {@link Feedback#defaults() default feedback} on or off. */
    public Builder feedback(boolean on) {
      return feedback(on ? Feedback.defaults() : Feedback.OFF);
    }

    public NewsQuery build() {
      return new NewsQuery(text, syntax, sources, entities, entityTypes, since, until, languages, sort, limit,
          cursor, facets, facetLimit, highlight, recency, explain, collapse, authors, feedback, mode);
    }
  }
}
