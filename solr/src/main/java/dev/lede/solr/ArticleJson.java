package dev.lede.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.LedeException;
import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored original of an article: every field of {@link Article} as one JSON object, so that
 * {@code get} and a reindex rebuild the article exactly as it was read.
 */
final class ArticleJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ArticleJson() {}

  static String write(Article a) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", a.id());
    o.put("headline", a.headline());
    o.put("lead", a.lead());
    o.put("body", a.body());
    putIfPresent(o, "source", a.source());
    putIfPresent(o, "url", a.url());
    if (a.published() != null) {
      o.put("published", a.published().toString());
    }
    ArrayNode authors = o.putArray("authors");
    a.authors().forEach(authors::add);
    putIfPresent(o, "language", a.language());
    ArrayNode entities = o.putArray("entities");
    for (Entity e : a.entities()) {
      ObjectNode en = entities.addObject();
      en.put("name", e.name());
      en.put("type", e.type().name());
      ArrayNode aliases = en.putArray("aliases");
      e.aliases().forEach(aliases::add);
    }
    ObjectNode attributes = o.putObject("attributes");
    a.attributes().forEach(attributes::put);
    return o.toString();
  }

  static Article read(String json) {
    JsonNode o;
    try {
      o = JSON.readTree(json);
    } catch (IOException e) {
      throw new LedeException("the stored original is not JSON: " + e.getMessage(), e);
    }
    List<String> authors = new ArrayList<>();
    o.path("authors").forEach(n -> authors.add(n.asText()));
    List<Entity> entities = new ArrayList<>();
    for (JsonNode en : o.path("entities")) {
      List<String> aliases = new ArrayList<>();
      en.path("aliases").forEach(n -> aliases.add(n.asText()));
      entities.add(new Entity(en.path("name").asText(), EntityType.valueOf(en.path("type").asText()), aliases));
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    o.path("attributes").properties().forEach(e -> attributes.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    return new Article(
        o.path("id").asText(),
        o.path("headline").asText(""),
        o.path("lead").asText(""),
        o.path("body").asText(""),
        text(o, "source"),
        text(o, "url"),
        o.hasNonNull("published") ? Instant.parse(o.get("published").asText()) : null,
        authors,
        text(o, "language"),
        entities,
        attributes);
  }

  private static void putIfPresent(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }

  private static String text(JsonNode o, String name) {
    return o.hasNonNull(name) ? o.get(name).asText() : null;
  }
}
