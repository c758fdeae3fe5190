package dev.lede.search;

import dev.lede.article.Entity;
import java.time.Instant;
import java.util.List;

/**
 * One article in a result.
 *
 * @param id the article id
 * @param score the ranking score (NaN when sorted by date)
 * @param headline the headline
 * @param source the normalised source domain, or null
 * @param published the publication instant, or null
 * @param url the url, or null
 * @param entities the article's entities
 * @param headlineHighlight the headline with matches marked (no matches when highlighting is off)
 * @param snippet the best passage of lead and body with matches marked (the lead's start when nothing matched)
 * @param explanation the score explanation when asked for, else null
 * @param storyId the story this article belongs to (its own id when it stands alone)
 * @param alsoReportedBy sources of the other copies of this story that were collapsed into this hit
 * @param collapsedCount how many other copies were collapsed into this hit
 * @param lead the article's lead paragraph (empty when it has none)
 * @param authors the article's bylines, in input order
 */
public record Hit(
    String id,
    float score,
    String headline,
    String source,
    Instant published,
    String url,
    List<Entity> entities,
    Highlight headlineHighlight,
    Highlight snippet,
    String explanation,
    String storyId,
    List<String> alsoReportedBy,
    int collapsedCount,
    String lead,
    List<String> authors) {

  public Hit {
    lead = lead == null ? "" : lead;
    authors = authors == null ? List.of() : List.copyOf(authors);
    entities = entities == null ? List.of() : List.copyOf(entities);
    alsoReportedBy = alsoReportedBy == null ? List.of() : List.copyOf(alsoReportedBy);
    headlineHighlight = headlineHighlight == null ? Highlight.plain(headline) : headlineHighlight;
    snippet = snippet == null ? Highlight.plain("") : snippet;
    storyId = storyId == null ? id : storyId;
  }

  /** A hit without lead and authors (the shape before they were added). */
  public Hit(String id, float score, String headline, String source, Instant published, String url, List<Entity> entities,
      Highlight headlineHighlight, Highlight snippet, String explanation, String storyId, List<String> alsoReportedBy,
      int collapsedCount) {
    this(id, score, headline, source, published, url, entities, headlineHighlight, snippet, explanation, storyId,
        alsoReportedBy, collapsedCount, "", List.of());
  }
}
