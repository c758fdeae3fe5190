package dev.lede.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
  /**
   * Reading needs only the streaming parser: a search decodes its page with it and never builds the
   * mapper, whose set-up was about a tenth of a {@code lede search}'s start-up (issue 17).
   */
  private static final JsonFactory PARSERS = new JsonFactory();

  /** The mapper, made on first use (writing, JSON trees). */
  private static final class Mapper {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  private StoredArticles() {}

  /** The article as a JSON tree (the layout {@code lede show --format json} prints). */
  public static ObjectNode toJson(Article a) {
    ObjectNode o = Mapper.JSON.createObjectNode();
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
      return Mapper.JSON.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String PREPARED = "prepared";

  /** The stored article as shown: as read, with the entities (and language) preparation gave it. */
  static Article decode(byte[] bytes, int offset, int length) {
    Read r = readAny(bytes, offset, length);
    Stored s = r.stored();
    Article a = s.prepared() == s.input().entities() ? s.input() : s.input().withEntities(s.prepared());
    return a.language() == null && r.detectedLanguage() != null ? a.withLanguage(r.detectedLanguage()) : a;
  }

  /** The stored article as read, and the entities preparation gave it, from one parse. */
  static Stored decodeStored(byte[] bytes, int offset, int length) {
    return readAny(bytes, offset, length).stored();
  }

  /** What one parse of a stored article gives: the article as read and prepared, and the language detected for it. */
  private record Read(Stored stored, String detectedLanguage) {}

  private static Read readAny(byte[] bytes, int offset, int length) {
    try {
      if (length > 0 && bytes[offset] == '{') {
        return read(bytes, offset, length);
      }
      byte[] plain = inflate(bytes, offset, length);
      return read(plain, 0, plain.length);
    } catch (IOException | IllegalStateException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
      throw damaged(e);
    }
  }

  /**
   * Reads the stored JSON with Jackson's streaming parser, straight into the article: a search
   * decodes every hit of its page, and building a tree first was a tenth of a search's CPU under
   * load (issue 19). Reads what {@link #fromJson} reads; unknown fields are skipped.
   */
  private static Read read(byte[] bytes, int offset, int length) throws IOException {
    try (JsonParser p = PARSERS.createParser(bytes, offset, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("a stored article is a JSON object");
      }
      String id = "";
      String headline = null;
      String lead = null;
      String body = null;
      String source = null;
      String url = null;
      String published = null;
      String language = null;
      List<String> authors = new ArrayList<>();
      List<Entity> entities = new ArrayList<>();
      List<Entity> prepared = null;
      String detected = null;
      Map<String, String> attributes = new LinkedHashMap<>();
      for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
        JsonToken t = p.nextToken();
        switch (field) {
          case "id" -> id = t == JsonToken.VALUE_NULL ? "null" : scalar(p, t, "");
          case "headline" -> headline = scalar(p, t, null);
          case "lead" -> lead = scalar(p, t, null);
          case "body" -> body = scalar(p, t, null);
          case "source" -> source = scalar(p, t, null);
          case "url" -> url = scalar(p, t, null);
          case "published" -> published = scalar(p, t, null);
          case "language" -> language = scalar(p, t, null);
          case "authors" -> strings(p, t, authors);
          case "entities" -> entities(p, t, entities);
          case "attributes" -> {
            if (t == JsonToken.START_OBJECT) {
              for (String k = p.nextFieldName(); k != null; k = p.nextFieldName()) {
                JsonToken v = p.nextToken();
                attributes.put(k, v == JsonToken.VALUE_NULL ? "null" : scalar(p, v, ""));
              }
            } else {
              p.skipChildren();
            }
          }
          case PREPARED -> {
            if (t == JsonToken.START_OBJECT) {
              for (String k = p.nextFieldName(); k != null; k = p.nextFieldName()) {
                JsonToken v = p.nextToken();
                if (k.equals("entities") && v == JsonToken.START_ARRAY) {
                  prepared = new ArrayList<>();
                  entities(p, v, prepared);
                } else if (k.equals("language")) {
                  detected = scalar(p, v, null);
                } else {
                  p.skipChildren();
                }
              }
            } else {
              p.skipChildren();
            }
          }
          default -> p.skipChildren();
        }
      }
      Article input = new Article(id, headline, lead, body, source, url, published == null ? null : Instant.parse(published), authors,
          language, entities, attributes);
      return new Read(new Stored(input, prepared == null ? input.entities() : prepared), detected);
    }
  }

  /** A scalar's text (as JsonNode.asText gives it), {@code ifNull} for null, "" for an object or array. */
  private static String scalar(JsonParser p, JsonToken t, String ifNull) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return ifNull;
    }
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      p.skipChildren();
      return "";
    }
    return p.getText();
  }

  private static void strings(JsonParser p, JsonToken t, List<String> into) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
      into.add(v == JsonToken.VALUE_NULL ? "null" : scalar(p, v, ""));
    }
  }

  private static void entities(JsonParser p, JsonToken t, List<Entity> into) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
      if (e != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      String name = "";
      String type = "";
      List<String> aliases = new ArrayList<>();
      for (String k = p.nextFieldName(); k != null; k = p.nextFieldName()) {
        JsonToken v = p.nextToken();
        switch (k) {
          case "name" -> name = v == JsonToken.VALUE_NULL ? "null" : scalar(p, v, "");
          case "type" -> type = v == JsonToken.VALUE_NULL ? "null" : scalar(p, v, "");
          case "aliases" -> strings(p, v, aliases);
          default -> p.skipChildren();
        }
      }
      into.add(new Entity(name, EntityType.parse(type), aliases));
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

  /** Inflates the per-article deflated JSON that the first indexes stored. */
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
