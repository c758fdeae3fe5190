package dev.lede.cli.render;

import dev.lede.article.Entity;
import dev.lede.search.Facet;
import dev.lede.search.FacetCount;
import dev.lede.search.Highlight;
import dev.lede.search.Hit;
import dev.lede.search.SearchResult;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Text for people: rank, highlighted headline, source, date and byline, a one-line snippet, entity chips. */
public final class TextRenderer implements ResultRenderer {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final int SNIPPET = 160;
  private static final int CHIPS = 4;
  /** The most characters of an entity name or a source in text output. */
  private static final int NAME = 80;

  private final Style style;

  public TextRenderer(boolean colour) {
    this.style = new Style(colour);
  }

  @Override
  public void render(SearchResult r, PrintWriter out) {
    if (r.didYouMean() != null) {
      out.println("Did you mean: " + style.bold(r.didYouMean()) + "?");
    }
    long rank = r.offset() + 1;
    for (Hit h : r.hits()) {
      out.println(String.format(Locale.ROOT, "%2d. ", rank++) + style.headline(TextLines.oneLine(h.headlineHighlight(), TextLines.HEADLINE)));
      StringBuilder meta = new StringBuilder();
      meta.append(source(h.source()));
      if (h.published() != null) {
        meta.append(" · ").append(DAY.format(h.published()));
      }
      if (!h.authors().isEmpty()) {
        meta.append(" · by ").append(String.join(", ", h.authors())); // a byline match is then visible
      }
      meta.append(" · ").append(h.id());
      out.println("    " + style.dim(meta.toString()));
      String snippet = oneLine(h.snippet());
      if (!snippet.isEmpty()) {
        out.println("    " + snippet);
      }
      if (!h.entities().isEmpty()) {
        StringBuilder chips = new StringBuilder("    ");
        List<Entity> shown = h.entities().subList(0, Math.min(CHIPS, h.entities().size()));
        for (Entity e : shown) {
          chips.append(style.dim("[" + e.type().name() + " " + TextLines.oneLine(e.name(), NAME) + "]")).append(' ');
        }
        if (h.entities().size() > CHIPS) {
          chips.append(style.dim("+" + (h.entities().size() - CHIPS)));
        }
        out.println(chips.toString().stripTrailing());
      }
      if (h.collapsedCount() > 0) {
        // Copies without a source are counted but have no name to list (issue 15).
        List<String> sources = h.alsoReportedBy().stream().filter(s -> s != null && !s.isBlank()).map(TextRenderer::source).toList();
        out.println("    also reported by: " + (sources.isEmpty() ? "(no source)" : String.join(", ", sources))
            + " (" + h.collapsedCount() + (h.collapsedCount() == 1 ? " copy)" : " copies)"));
      }
      if (h.explanation() != null) {
        h.explanation().lines().forEach(l -> out.println("      " + l));
      }
    }
    for (Map.Entry<Facet, List<FacetCount>> f : r.facets().entrySet()) {
      if (f.getValue().isEmpty()) {
        continue;
      }
      StringBuilder line = new StringBuilder(f.getKey().name().toLowerCase(Locale.ROOT)).append(": ");
      for (FacetCount c : f.getValue()) {
        line.append(TextLines.oneLine(c.value(), NAME)).append(" (").append(c.count()).append(")  ");
      }
      out.println(line.toString().stripTrailing());
    }
    String shown;
    if (r.hits().isEmpty()) {
      shown = ".";
    } else if (r.offset() == 0) {
      shown = ", showing " + r.hits().size() + ".";
    } else {
      shown = ", showing " + (r.offset() + 1) + "-" + (r.offset() + r.hits().size()) + "."; // a later page
    }
    out.println(style.dim(count(r) + shown + (r.next() == null ? "" : " Next page: --after " + r.next())));
  }

  /**
   * What the total counts, truthfully: collapsed syndicated copies make it a count of stories, and
   * it said "N articles found" all the same (issue 15).
   */
  static String count(SearchResult r) {
    if (r.articles() == r.total()) {
      return plural(r.total(), "article", "articles");
    }
    String stories = plural(r.total(), "story", "stories");
    return r.articles() == SearchResult.NOT_COUNTED ? stories : stories + " (" + plural(r.articles(), "article", "articles") + ")";
  }

  private static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** The snippet on one line, cut at a word near {@value #SNIPPET} chars, matches marked. */
  private String oneLine(Highlight h) {
    return style.marked(TextLines.oneLine(h, SNIPPET));
  }

  /** A source for text output: one line, "(no source)" when there is none. */
  static String source(String s) {
    return s == null || s.isBlank() ? "(no source)" : TextLines.oneLine(s, NAME);
  }

  /** ANSI styling, or none. */
  static final class Style {
    private final boolean on;

    Style(boolean on) {
      this.on = on;
    }

    String bold(String s) {
      return on ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    String dim(String s) {
      return on ? "\u001b[2m" + s + "\u001b[0m" : s;
    }

    String headline(Highlight h) {
      return on ? "\u001b[1m" + h.mark("\u001b[33m", "\u001b[39m") + "\u001b[0m" : h.text();
    }

    String marked(Highlight h) {
      return on ? h.mark("\u001b[1;33m", "\u001b[0m") : h.text();
    }
  }
}
