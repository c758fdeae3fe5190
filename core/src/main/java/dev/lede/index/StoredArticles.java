package dev.lede.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.lucene.index.CorruptIndexException;

/**
 * The stored original: an article as plain JSON, readable by any version of Lede that knows this
 * layout, which is what {@code reindex} needs. The index's stored-fields codec compresses it.
 */
public final class StoredArticles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredArticles() {}

  /** The article as a JSON tree (the layout {@code lede show --format json} prints). */
  public static ObjectNode toJson(Article a) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", a.id());
    o.put("headline", a.headline());
    o.put("lead", a.lead());
    o.put("body", a.body());
    o.put("source", a.source());
    o.put("url", a.url());
    o.put("published", a.published() == null ? null : a.published().toString());
    ArrayNode authors = o.putArray("authors");
    a.authors().forEach(authors::add);
    o.put("language", a.language());
    ArrayNode entities = o.putArray("entities");
    for (Entity e : a.entities()) {
      ObjectNode en = entities.addObject();
      en.put("name", e.name());
      en.put("type", e.type().name());
      if (!e.aliases().isEmpty()) {
        ArrayNode al = en.putArray("aliases");
        e.aliases().forEach(al::add);
      }
    }
    ObjectNode attrs = o.putObject("attributes");
    a.attributes().forEach(attrs::put);
    return o;
  }

  /** Reads an article from the JSON tree {@link #toJson} makes. */
  public static Article fromJson(JsonNode o) {
    List<String> authors = new ArrayList<>();
    o.path("authors").forEach(n -> authors.add(n.asText()));
    List<Entity> entities = entities(o.path("entities"));
    Map<String, String> attributes = new LinkedHashMap<>();
    o.path("attributes").properties().forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
    String published = text(o, "published");
    return new Article(
        o.path("id").asText(),
        text(o, "headline"),
        text(o, "lead"),
        text(o, "body"),
        text(o, "source"),
        text(o, "url"),
        published == null ? null : Instant.parse(published),
        authors,
        text(o, "language"),
        entities,
        attributes);
  }

  /**
   * The stored bytes: plain UTF-8 JSON. Compression is left to the index's stored-fields codec
   * (BEST_COMPRESSION), which compresses blocks of articles together and so beats deflating each
   * article alone (docs/schema.md has the numbers).
   */
  static byte[] encode(Article a) {
    return encode(a, a.entities());
  }

  /**
   * The stored bytes of an article as read, with the entities preparation gave it beside, under
   * {@code "prepared"}, when they differ from the ones it brought: the input stays as it was, so a
   * reindex with a better extractor starts from what the reader read (issue 14), and a reindex with
   * the same extractor can carry the entities over without extracting again.
   */
  static byte[] encode(Article input, List<Entity> prepared) {
    return encode(input, prepared, null);
  }

  /**
   * As {@link #encode(Article, List)}, with the language preparation detected beside too, under
   * {@code "prepared"}, when the input brought none: an article that brought one shows it as it
   * was written.
   */
  static byte[] encode(Article input, List<Entity> prepared, String language) {
    try {
      ObjectNode o = toJson(input);
      if (!prepared.equals(input.entities())) {
        o.putObject(PREPARED).set("entities", toJson(input.withEntities(prepared)).get("entities"));
      }
      if (input.language() == null && language != null) {
        (o.get(PREPARED) instanceof ObjectNode p ? p : o.putObject(PREPARED)).put("language", language);
      }
      return JSON.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String PREPARED = "prepared";

  /** The stored article as shown: as read, with the entities preparation gave it. */
  static Article decode(byte[] bytes, int offset, int length) {
    JsonNode o = tree(bytes, offset, length);
    Stored s = stored(o);
    Article a = s.prepared() == s.input().entities() ? s.input() : s.input().withEntities(s.prepared());
    String detected = text(o.path(PREPARED), "language");
    return a.language() == null && detected != null ? a.withLanguage(detected) : a;
  }

  /** The stored article as read, and the entities preparation gave it, from one parse. */
  static Stored decodeStored(byte[] bytes, int offset, int length) {
    return stored(tree(bytes, offset, length));
  }

  private static Stored stored(JsonNode o) {
    try {
      Article input = fromJson(o);
      JsonNode prepared = o.path(PREPARED).path("entities");
      return new Stored(input, prepared.isArray() ? entities(prepared) : input.entities());
    } catch (IllegalStateException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
      throw damaged(e);
    }
  }

  /** An article as read, with the entities preparation gave it. */
  public record Stored(Article input, List<Entity> prepared) {}

  /**
   * We wrote these bytes ourselves: when they do not read back, the stored fields are damaged.
   * Said in Lucene's terms, the index's callers report it as a corrupt index like any other.
   */
  private static UncheckedIOException damaged(Exception e) {
    return new UncheckedIOException(new CorruptIndexException("stored article cannot be read: " + e.getMessage(), "stored field 'original'", e));
  }

  private static List<Entity> entities(JsonNode array) {
    List<Entity> entities = new ArrayList<>();
    for (JsonNode en : array) {
      List<String> aliases = new ArrayList<>();
      en.path("aliases").forEach(n -> aliases.add(n.asText()));
      entities.add(new Entity(en.path("name").asText(), EntityType.parse(en.path("type").asText()), aliases));
    }
    return entities;
  }

  /** Reads plain JSON, or the per-article deflated JSON that the first indexes stored. */
  private static JsonNode tree(byte[] bytes, int offset, int length) {
    try {
      if (length > 0 && bytes[offset] == '{') {
        return JSON.readTree(bytes, offset, length);
      }
      return JSON.readTree(inflate(bytes, offset, length));
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      throw damaged(e);
    }
  }

  private static byte[] inflate(byte[] bytes, int offset, int length) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(bytes, offset, length);
      ByteArrayOutputStream out = new ByteArrayOutputStream(length * 3);
      byte[] buf = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalStateException("stored article is truncated");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IllegalStateException("stored article is damaged: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  private static String text(JsonNode o, String field) {
    JsonNode n = o.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }
}
