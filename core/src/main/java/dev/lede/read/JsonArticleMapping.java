package dev.lede.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one JSON object into an {@link Article}, tolerant of the field names news dumps use. For
 * each article field the first name of its list that the object has wins (names compare
 * case-insensitively); every other field, including a second spelling of a field already taken,
 * goes to the article's attributes, so nothing in the input is lost. news-please's layout (title,
 * description, maintext, source_domain, date_publish, authors, url, language) is covered by the same
 * lists.
 */
final class JsonArticleMapping {
  private JsonArticleMapping() {}

  enum Role {
    ID("id", "uuid", "_id"),
    HEADLINE("headline", "title", "title_page", "title_rss"),
    LEAD("lead", "description", "summary", "abstract", "short_description"),
    BODY("body", "text", "content", "maintext"),
    SOURCE("source", "source_domain", "site", "domain"),
    URL("url", "link"),
    PUBLISHED("published", "date", "date_publish", "publish_date", "pubdate", "datetime", "published_at", "publishedat"),
    AUTHORS("authors", "author", "byline"),
    LANGUAGE("language", "lang"),
    ENTITIES("entities");

    final List<String> names;

    Role(String... names) {
      this.names = List.of(names);
    }
  }

  private record Slot(Role role, int rank) {}

  private static final Map<String, Slot> SLOTS = new HashMap<>();

  static {
    for (Role role : Role.values()) {
      for (int i = 0; i < role.names.size(); i++) {
        SLOTS.put(role.names.get(i), new Slot(role, i));
      }
    }
  }

  /** The article field a (lower-case) name stands for, or null: CSV headers use the JSON names. */
  static Role role(String lowerCaseName) {
    Slot slot = SLOTS.get(lowerCaseName);
    return slot == null ? null : slot.role();
  }

  private static final Pattern AUTHOR_SEPARATORS = Pattern.compile("\\s*(?:[,;&]|\\band\\b)\\s*");

  /** Whether an object is laid out the way news-please writes its articles. */
  static boolean isNewsPlease(JsonNode object) {
    return object.has("maintext") || (object.has("source_domain") && object.has("date_publish"));
  }

  /**
   * Maps one object.
   *
   * @throws RecordException naming the field and the value when a field has the wrong shape, or
   *     when the article has neither headline nor body
   */
  static Article toArticle(JsonNode object) throws RecordException {
    if (!object.isObject()) {
      throw new RecordException("expected a JSON object, found " + kind(object));
    }
    // Choose, per role, the best-ranked field present.
    String[] chosen = new String[Role.values().length];
    int[] rank = new int[chosen.length];
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      Slot slot = SLOTS.get(name);
      if (slot == null) {
        slot = SLOTS.get(name.toLowerCase(Locale.ROOT));
      }
      if (slot == null || object.get(name).isNull()) {
        continue;
      }
      int r = slot.role().ordinal();
      if (chosen[r] == null || slot.rank() < rank[r]) {
        chosen[r] = name;
        rank[r] = slot.rank();
      }
    }

    Article.Builder b = Article.builder();
    b.id(text(object, chosen[Role.ID.ordinal()]));
    // Scraped text carries HTML: clean it here so that the id derived from the headline, the index
    // and every output see the same clean text (issue 15).
    b.headline(HtmlText.line(text(object, chosen[Role.HEADLINE.ordinal()])));
    b.lead(HtmlText.text(text(object, chosen[Role.LEAD.ordinal()])));
    b.body(HtmlText.text(text(object, chosen[Role.BODY.ordinal()])));
    String url = text(object, chosen[Role.URL.ordinal()]);
    b.url(url);
    String sourceField = chosen[Role.SOURCE.ordinal()];
    String source = null;
    if (sourceField != null && object.get(sourceField).isValueNode()) {
      source = object.get(sourceField).asText();
    } else {
      sourceField = null; // e.g. {"source": {"id": ..., "name": ...}}: kept as an attribute
    }
    if ((source == null || source.isBlank()) && url != null && url.contains("://")) {
      source = url; // normalised to its host by the article
    }
    b.source(source);
    b.published(published(object, chosen[Role.PUBLISHED.ordinal()]));
    b.authors(authors(object, chosen[Role.AUTHORS.ordinal()]));
    b.language(text(object, chosen[Role.LANGUAGE.ordinal()]));
    b.entities(entities(object, chosen[Role.ENTITIES.ordinal()]));

    Map<String, String> attributes = new java.util.LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (value.isNull() || isChosen(chosen, name, sourceField)) {
        continue;
      }
      attributes.put(name, value.isTextual() ? value.textValue() : value.toString());
    }
    b.attributes(attributes);
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new RecordException(e.getMessage());
    }
  }

  private static boolean isChosen(String[] chosen, String name, String sourceField) {
    for (int i = 0; i < chosen.length; i++) {
      if (name.equals(chosen[i])) {
        return i != Role.SOURCE.ordinal() || name.equals(sourceField);
      }
    }
    return false;
  }

  private static String text(JsonNode object, String field) throws RecordException {
    if (field == null) {
      return null;
    }
    JsonNode v = object.get(field);
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isNumber() || v.isBoolean()) {
      return v.asText();
    }
    throw new RecordException("'" + field + "' is not text: " + shown(v));
  }

  private static Instant published(JsonNode object, String field) throws RecordException {
    if (field == null) {
      return null;
    }
    JsonNode v = object.get(field);
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return Dates.fromEpoch(v.longValue());
    }
    if (v.isTextual()) {
      if (v.textValue().isBlank()) {
        return null;
      }
      Instant instant = Dates.parse(v.textValue());
      if (instant != null) {
        return instant;
      }
    }
    throw new RecordException(Dates.notADate(field, shown(v), v.isTextual() ? v.textValue() : null));
  }

  private static List<String> authors(JsonNode object, String field) throws RecordException {
    if (field == null) {
      return List.of();
    }
    JsonNode v = object.get(field);
    if (v.isTextual()) {
      return splitAuthors(v.textValue());
    }
    if (v.isArray()) {
      List<String> out = new ArrayList<>();
      for (JsonNode a : v) {
        if (a.isTextual()) {
          out.add(stripBy(HtmlText.line(a.textValue())));
        } else if (a.isObject() && a.path("name").isTextual()) {
          out.add(HtmlText.line(a.get("name").textValue()));
        } else if (!a.isNull()) {
          throw new RecordException("'" + field + "' holds a value that is not a name: " + shown(a));
        }
      }
      return out;
    }
    throw new RecordException("'" + field + "' is not a name or a list of names: " + shown(v));
  }

  /** {@code "By Ann Lee, Bo Chen and Cy Diaz"} is three authors; markup is removed first. */
  static List<String> splitAuthors(String s) {
    List<String> out = new ArrayList<>();
    for (String part : AUTHOR_SEPARATORS.split(stripBy(HtmlText.line(s)))) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  private static String stripBy(String s) {
    String t = s.strip();
    return t.regionMatches(true, 0, "by ", 0, 3) ? t.substring(3).strip() : t;
  }

  private static List<Entity> entities(JsonNode object, String field) throws RecordException {
    if (field == null) {
      return List.of();
    }
    JsonNode v = object.get(field);
    if (!v.isArray()) {
      throw new RecordException("'" + field + "' is not a list: " + shown(v));
    }
    List<Entity> out = new ArrayList<>();
    for (JsonNode e : v) {
      String name;
      String type = null;
      if (e.isTextual()) {
        name = e.textValue();
      } else if (e.isObject()) {
        name = firstText(e, "name", "text", "entity");
        type = firstText(e, "type", "label");
      } else {
        throw new RecordException("'" + field + "' holds a value that is not an entity: " + shown(e));
      }
      if (name != null && !name.isBlank()) {
        out.add(new Entity(name, EntityType.parse(type)));
      }
    }
    return out;
  }

  private static String firstText(JsonNode object, String... names) {
    for (String n : names) {
      JsonNode v = object.get(n);
      if (v != null && v.isTextual()) {
        return v.textValue();
      }
    }
    return null;
  }

  static String kind(JsonNode v) {
    return switch (v.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "a " + v.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  /** A value as JSON, cut to a length that fits in an error line. */
  static String shown(JsonNode v) {
    String s = v.toString();
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
