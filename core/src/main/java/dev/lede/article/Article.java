package dev.lede.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A news article, as read from any input format. Immutable.
 *
 * <p>Text fields are never null: an absent headline, lead or body is the empty string. {@code
 * source}, {@code url}, {@code published} and {@code language} are null when the input did not have
 * them. Lists and maps are unmodifiable copies.
 *
 * @param id stable id: the input's own, or {@link ArticleIds#derive derived} from source and url or
 *     headline
 * @param headline the title
 * @param lead the summary paragraph that opens the article (may be empty)
 * @param body the text after the lead
 * @param source the publishing site, {@link Sources#normalize normalised} to a bare domain
 * @param url where the article was published
 * @param published when it was published
 * @param authors bylines, in input order
 * @param language language code as given by the input (e.g. {@code "en"})
 * @param entities named entities the input brought or extraction found
 * @param attributes the input's other fields, kept as text (JSON values as JSON); entries without a
 *     value are dropped
 */
public record Article(
    String id,
    String headline,
    String lead,
    String body,
    String source,
    String url,
    Instant published,
    List<String> authors,
    String language,
    List<Entity> entities,
    Map<String, String> attributes) {

  public Article {
    id = blankToNull(id);
    Objects.requireNonNull(id, "an article needs an id");
    if (id.length() > MAX_ID_LENGTH) {
      // Cutting an id could merge two articles, so it is refused rather than trimmed.
      throw new IllegalArgumentException("article id of " + id.length() + " characters is too long: at most " + MAX_ID_LENGTH);
    }
    headline = headline == null ? "" : headline.strip();
    lead = lead == null ? "" : lead.strip();
    body = body == null ? "" : body.strip();
    if (headline.isEmpty() && body.isEmpty() && lead.isEmpty()) {
      throw new IllegalArgumentException("article '" + id + "' has neither a headline nor a body");
    }
    source = Sources.normalize(source);
    url = blankToNull(url);
    language = blankToNull(language);
    authors =
        authors == null
            ? List.of()
            : authors.stream().filter(Objects::nonNull).map(String::strip).filter(a -> !a.isEmpty()).toList();
    entities = entities == null ? List.of() : List.copyOf(entities);
    // An attribute without a value carries nothing, and null values break Map.copyOf and JSON writers.
    LinkedHashMap<String, String> attrs = new LinkedHashMap<>();
    if (attributes != null) {
      attributes.forEach((k, v) -> {
        if (k != null && v != null) {
          attrs.put(k, v);
        }
      });
    }
    attributes = java.util.Collections.unmodifiableMap(attrs);
  }

  /**
   * The longest id: far above any URL-derived or feed id, far below Lucene's 32766-byte term limit,
   * which would otherwise fail the article's write.
   */
  public static final int MAX_ID_LENGTH = 1024;

  /** A builder, for the many optional fields. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this article's values. */
  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .headline(headline)
        .lead(lead)
        .body(body)
        .source(source)
        .url(url)
        .published(published)
        .authors(authors)
        .language(language)
        .entities(entities)
        .attributes(attributes);
  }

  /** A copy with other entities. */
  public Article withEntities(List<Entity> newEntities) {
    return new Article(id, headline, lead, body, source, url, published, authors, language, newEntities, attributes);
  }

  /** A copy with another language code. */
  public Article withLanguage(String newLanguage) {
    return new Article(id, headline, lead, body, source, url, published, authors, newLanguage, entities, attributes);
  }

  /** The lead and body as one text, separated by a blank line. */
  public String text() {
    if (lead.isEmpty()) {
      return body;
    }
    return body.isEmpty() ? lead : lead + "\n\n" + body;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /**
   * Collects an article's fields. {@link #build()} derives the id from source and url (or headline)
   * when none was given, and validates.
   */
  public static final class Builder {
    private String id;
    private String headline;
    private String lead;
    private String body;
    private String source;
    private String url;
    private Instant published;
    private final List<String> authors = new ArrayList<>();
    private String language;
    private final List<Entity> entities = new ArrayList<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder headline(String headline) {
      this.headline = headline;
      return this;
    }

    public Builder lead(String lead) {
      this.lead = lead;
      return this;
    }

    public Builder body(String body) {
      this.body = body;
      return this;
    }

    public Builder source(String source) {
      this.source = source;
      return this;
    }

    public Builder url(String url) {
      this.url = url;
      return this;
    }

    public Builder published(Instant published) {
      this.published = published;
      return this;
    }

    public Builder author(String author) {
      this.authors.add(author);
      return this;
    }

    public Builder authors(Collection<String> authors) {
      this.authors.clear();
      if (authors != null) {
        this.authors.addAll(authors);
      }
      return this;
    }

    public Builder language(String language) {
      this.language = language;
      return this;
    }

    public Builder entity(Entity entity) {
      this.entities.add(Objects.requireNonNull(entity, "entity"));
      return this;
    }

    public Builder entities(Collection<Entity> entities) {
      this.entities.clear();
      if (entities != null) {
        this.entities.addAll(entities);
      }
      return this;
    }

    public Builder attribute(String name, String value) {
      this.attributes.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    public Builder attributes(Map<String, String> attributes) {
      this.attributes.clear();
      if (attributes != null) {
        this.attributes.putAll(attributes);
      }
      return this;
    }

    /** The headline given so far, or null. */
    public String headline() {
      return headline;
    }

    /**
     * Builds the article.
     *
     * @throws IllegalArgumentException when the article has neither a headline nor a body, or no id
     *     and nothing to derive one from
     */
    public Article build() {
      boolean noText = isBlank(headline) && isBlank(body) && isBlank(lead);
      if (noText) {
        throw new IllegalArgumentException("article has neither a headline nor a body");
      }
      String theId = isBlank(id) ? ArticleIds.derive(source, url, isBlank(headline) ? lead + body : headline) : id;
      return new Article(theId, headline, lead, body, source, url, published, authors, language, entities, attributes);
    }

    private static boolean isBlank(String s) {
      return s == null || s.isBlank();
    }
  }
}
