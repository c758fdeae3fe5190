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
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The stored original: an article as JSON, deflated. Lucene compresses stored fields in blocks
 * already, but a whole article compresses better on its own and stays readable by any version of
 * Lede that knows this layout, which is what {@code reindex} needs.
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
    List<Entity> entities = new ArrayList<>();
    for (JsonNode en : o.path("entities")) {
      List<String> aliases = new ArrayList<>();
      en.path("aliases").forEach(n -> aliases.add(n.asText()));
      entities.add(new Entity(en.path("name").asText(), EntityType.parse(en.path("type").asText()), aliases));
    }
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

  static byte[] encode(Article a) {
    try {
      byte[] json = JSON.writeValueAsBytes(toJson(a));
      Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
      try {
        deflater.setInput(json);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 2 + 16);
        byte[] buf = new byte[8192];
        while (!deflater.finished()) {
          out.write(buf, 0, deflater.deflate(buf));
        }
        return out.toByteArray();
      } finally {
        deflater.end();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Article decode(byte[] bytes, int offset, int length) {
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
      return fromJson(JSON.readTree(out.toByteArray()));
    } catch (DataFormatException e) {
      throw new IllegalStateException("stored article is damaged: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      inflater.end();
    }
  }

  private static String text(JsonNode o, String field) {
    JsonNode n = o.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }
}
