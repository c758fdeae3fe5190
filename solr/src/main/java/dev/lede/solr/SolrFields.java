package dev.lede.solr;

import dev.lede.article.Article;
import dev.lede.article.Entity;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.solr.common.SolrInputDocument;

/**
 * The fields of Lede's Solr collection and how an article becomes a Solr document. The configset's
 * {@code schema.xml} declares exactly these fields; a test keeps the two in step.
 */
public final class SolrFields {
  /** The Solr document id, {@code story!article}: compositeId routing keeps a story on one shard. */
  public static final String ID = "id";
  /** The article's own id. */
  public static final String ARTICLE_ID = "aid";
  public static final String HEADLINE = "headline";
  public static final String LEAD = "lead";
  public static final String BODY = "body";
  /**
   * Headline unstemmed (copyField): the headline phrase boost. Solr only: the embedded index keeps
   * forms as written beside the stems in {@link #HEADLINE}, with a filter Solr's server does not have.
   */
  public static final String HEADLINE_EXACT = "headline_exact";
  /** Headline, lead and body unstemmed (copyField): quoted phrases as written. Solr only, as {@link #HEADLINE_EXACT}. */
  public static final String EXACT = "exact";
  /** Canonical entity names: facets. */
  public static final String ENTITY = "entity";
  /** Canonical names and aliases, lower-cased: filters. */
  public static final String ENTITY_KEY = "entity_key";
  public static final String ENTITY_TYPE = "entity_type";
  /** {@code TYPE:name} per entity, as in the embedded schema. */
  public static final String ENTITY_TYPED = "entity_typed";
  /** Entity names and aliases as searchable text. */
  public static final String ENTITY_TEXT = "entity_text";
  /** Author names as written: the author facet. */
  public static final String AUTHOR = dev.lede.index.Schema.AUTHOR;
  /** Whole author names, lower-cased with white space folded: the author filter. */
  public static final String AUTHOR_KEY = dev.lede.index.Schema.AUTHOR_KEY;
  /** Author names as searchable text (declared, as in the embedded schema). */
  public static final String AUTHOR_TEXT = dev.lede.index.Schema.AUTHOR_TEXT;
  public static final String SOURCE = "source";
  public static final String URL = "url";
  public static final String PUBLISHED = "published";
  /** {@code yyyy-MM} of publication in UTC: the month facet. */
  public static final String MONTH = "month";
  public static final String LANGUAGE = "language";
  public static final String FINGERPRINT = "fingerprint";
  public static final String STORY = "story";
  /** LSH band keys of the article's MinHash signature: story candidates with one query (see Lede's schema). */
  public static final String LSH = dev.lede.index.Schema.LSH;
  /** Hash of the normalised lead and body: exact duplicates. */
  public static final String STORY_HASH = dev.lede.index.Schema.STORY_HASH;
  /** The story entry (date, words, hash, signature) as one stored string. */
  public static final String STORY_ENTRY = dev.lede.index.Schema.STORY_ENTRY;
  /** The article as read, as JSON. */
  public static final String ORIGINAL = "original";
  /** See {@link dev.lede.index.Schema#BOILERPLATE}: declared for the one schema, never written (Solr learns no boilerplate). */
  public static final String BOILERPLATE = dev.lede.index.Schema.BOILERPLATE;
  public static final String VERSION = "_version_";

  /**
   * Fields only the Solr layout has: the routed document id, the article id, the url, Solr's version,
   * and the unstemmed copies that the embedded index folds into its text fields.
   */
  public static final List<String> SOLR_ONLY = List.of(ID, ARTICLE_ID, URL, VERSION, HEADLINE_EXACT, EXACT);

  /**
   * Fields of the embedded index that a Solr collection does not have: semantic search is
   * embedded-only for now (the CLI says so and exits 2), so its vectors and their keys stay out.
   */
  public static final List<String> EMBEDDED_ONLY = List.of(dev.lede.index.Schema.VECTOR_KEY, dev.lede.index.Schema.VECTOR_MODEL,
      dev.lede.index.Schema.VECTOR_TEXT);

  /** Every field the schema must declare, in schema order. */
  public static final List<String> ALL = List.of(
      ID, ARTICLE_ID, VERSION, HEADLINE, LEAD, BODY, HEADLINE_EXACT, EXACT, ENTITY, ENTITY_KEY,
      ENTITY_TYPE, ENTITY_TYPED, ENTITY_TEXT, AUTHOR, AUTHOR_KEY, AUTHOR_TEXT, SOURCE, URL, PUBLISHED, MONTH, LANGUAGE, FINGERPRINT, STORY, LSH,
      STORY_HASH, STORY_ENTRY, ORIGINAL, BOILERPLATE);

  /**
   * The version of this layout; a collection made with another must be rebuilt. 2: the story
   * candidate fields ({@link #LSH}, {@link #STORY_HASH}, {@link #STORY_ENTRY}); 3: the author
   * fields, and the story entry packed with the article's fingerprint; 4: no {@code text} catch-all
   * (words are searched in the headline, lead and body).
   */
  public static final int SCHEMA_VERSION = 4;

  private static final DateTimeFormatter MONTH_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT).withZone(ZoneOffset.UTC);

  private SolrFields() {}

  /**
   * The Solr document id of an article in a story. {@code !} separates route key and id in Solr's
   * compositeId router, and {@code %} escapes, so both are percent-encoded in the parts: an id with
   * a {@code !} must not turn into a three-level route that would scatter the story.
   */
  public static String documentId(String story, String articleId) {
    return escape(story) + "!" + escape(articleId);
  }

  private static String escape(String s) {
    return s.replace("%", "%25").replace("!", "%21");
  }

  /** The month facet value of an article, or null without a date. */
  static String month(Article a) {
    return a.published() == null ? null : MONTH_FORMAT.format(a.published());
  }

  /** The Solr document of an article as read, unprepared, in a story given by the caller. */
  static SolrInputDocument toDocument(Article a, String story) {
    return toDocument(dev.lede.prepare.PreparedArticle.of(a).withStoryId(story));
  }

  /**
   * The Solr document of a prepared article: the indexed body is the prepared one (cleaned), the
   * stored original the article with its entities, the fingerprint that of the article as read.
   */
  static SolrInputDocument toDocument(dev.lede.prepare.PreparedArticle prepared) {
    Article a = prepared.article();
    String story = prepared.story();
    SolrInputDocument d = new SolrInputDocument();
    d.setField(ID, documentId(story, a.id()));
    d.setField(ARTICLE_ID, a.id());
    d.setField(HEADLINE, a.headline());
    d.setField(LEAD, a.lead());
    d.setField(BODY, prepared.indexedBody());
    Set<String> names = new LinkedHashSet<>();
    Set<String> keys = new LinkedHashSet<>();
    Set<String> types = new LinkedHashSet<>();
    Set<String> typed = new LinkedHashSet<>();
    Set<String> text = new LinkedHashSet<>();
    for (Entity e : a.entities()) {
      names.add(e.name());
      types.add(e.type().name());
      typed.add(e.type().name() + ":" + e.name());
      keys.add(entityKey(e.name()));
      text.add(e.name());
      for (String alias : e.aliases()) {
        keys.add(entityKey(alias));
        text.add(alias);
      }
    }
    if (!names.isEmpty()) {
      d.setField(ENTITY, names);
      d.setField(ENTITY_KEY, keys);
      d.setField(ENTITY_TYPE, types);
      d.setField(ENTITY_TYPED, typed);
      d.setField(ENTITY_TEXT, text);
    }
    if (!a.authors().isEmpty()) {
      d.setField(AUTHOR, new LinkedHashSet<>(a.authors()));
      d.setField(AUTHOR_KEY, a.authors().stream().map(dev.lede.index.Schema::authorKey).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
      d.setField(AUTHOR_TEXT, a.authors());
    }
    setIfPresent(d, SOURCE, a.source());
    setIfPresent(d, URL, a.url());
    if (a.published() != null) {
      d.setField(PUBLISHED, Date.from(a.published()));
      d.setField(MONTH, month(a));
    }
    setIfPresent(d, LANGUAGE, a.language());
    d.setField(FINGERPRINT, prepared.fingerprint());
    d.setField(STORY, story);
    d.setField(ORIGINAL, ArticleJson.write(a));
    return d;
  }

  /** How an entity name is matched by filters: case-insensitive, as typed otherwise. */
  static String entityKey(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  private static void setIfPresent(SolrInputDocument d, String field, String value) {
    if (value != null) {
      d.setField(field, value);
    }
  }
}
