package dev.lede.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.article.Entity;
import dev.lede.search.Facet;
import dev.lede.search.FacetCount;
import dev.lede.search.Highlight;
import dev.lede.search.Hit;
import dev.lede.search.SearchResult;
import dev.lede.search.Span;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes of Lede's output, in one place. Field names are a contract (README "JSON output"):
 * add fields, never rename or remove them. Dates are ISO-8601 UTC; a score is null when hits are
 * sorted by date.
 */
public final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Compact JSON text. */
  public static String compact(Object node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indented JSON text. */
  public static String pretty(Object node) {
    try {
      return PRETTY.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The object {@code --format json} prints for a search or {@code similar}, and {@code lede serve}
   * sends: one contract for both (README "JSON output").
   *
   * @param note why nothing was found, or null
   */
  public static ObjectNode searchResult(SearchResult r, String note) {
    return result(r).put("note", note);
  }

  static ObjectNode result(SearchResult r) {
    ObjectNode o = object();
    o.put("query", r.query());
    o.put("total", r.total());
    o.put("articles", r.articles() == SearchResult.NOT_COUNTED ? null : r.articles());
    o.put("offset", r.offset());
    ArrayNode hits = o.putArray("hits");
    long rank = r.offset() + 1;
    for (Hit h : r.hits()) {
      hits.add(hit(h, rank++));
    }
    ObjectNode facets = o.putObject("facets");
    for (Map.Entry<Facet, List<FacetCount>> e : r.facets().entrySet()) {
      ArrayNode values = facets.putArray(e.getKey().name().toLowerCase(Locale.ROOT));
      for (FacetCount c : e.getValue()) {
        values.addObject().put("value", c.value()).put("count", c.count());
      }
    }
    o.put("next", r.next());
    o.put("did_you_mean", r.didYouMean());
    return o;
  }

  static ObjectNode hit(Hit h, long rank) {
    ObjectNode o = object();
    o.put("id", h.id());
    o.put("rank", rank);
    if (Float.isNaN(h.score())) {
      o.putNull("score");
    } else {
      o.put("score", h.score());
    }
    o.put("headline", h.headline());
    o.put("source", h.source());
    o.put("published", h.published() == null ? null : h.published().toString());
    o.put("url", h.url());
    o.set("entities", entities(h.entities()));
    o.put("snippet", h.snippet().text());
    o.set("headline_matches", spans(h.headlineHighlight()));
    o.set("snippet_matches", spans(h.snippet()));
    o.put("story", h.storyId());
    ArrayNode also = o.putArray("also_reported_by");
    h.alsoReportedBy().forEach(also::add);
    o.put("collapsed", h.collapsedCount());
    o.put("lead", h.lead());
    ArrayNode authors = o.putArray("authors");
    h.authors().forEach(authors::add);
    if (h.explanation() != null) {
      o.put("explanation", h.explanation());
    }
    return o;
  }

  static ArrayNode entities(List<Entity> entities) {
    ArrayNode a = MAPPER.createArrayNode();
    for (Entity e : entities) {
      ObjectNode en = a.addObject().put("name", e.name()).put("type", e.type().name());
      if (!e.aliases().isEmpty()) {
        ArrayNode al = en.putArray("aliases");
        e.aliases().forEach(al::add);
      }
    }
    return a;
  }

  private static ArrayNode spans(Highlight h) {
    ArrayNode a = MAPPER.createArrayNode();
    for (Span s : h.matches()) {
      a.addArray().add(s.start()).add(s.end());
    }
    return a;
  }
}
