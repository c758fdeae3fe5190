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

  private final Style style;

  public TextRenderer(boolean colour) {
    this.style = new Style(colour);
  }

  @Override
  public void render(SearchResult r, PrintWriter out) {
    if (r.didYouMean() != null) {
      out.println("Did you mean: " + style.bold(r.didYouMean()) + "?");
    }
    int rank = 1;
    for (Hit h : r.hits()) {
      out.println(String.format(Locale.ROOT, "%2d. ", rank++) + style.headline(h.headlineHighlight()));
      StringBuilder meta = new StringBuilder();
      meta.append(h.source() == null ? "(no source)" : h.source());
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
          chips.append(style.dim("[" + e.type().name() + " " + e.name() + "]")).append(' ');
        }
        if (h.entities().size() > CHIPS) {
          chips.append(style.dim("+" + (h.entities().size() - CHIPS)));
        }
        out.println(chips.toString().stripTrailing());
      }
      if (h.collapsedCount() > 0) {
        out.println("    also reported by: " + String.join(", ", h.alsoReportedBy()) + " (" + h.collapsedCount() + ")");
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
        line.append(c.value()).append(" (").append(c.count()).append(")  ");
      }
      out.println(line.toString().stripTrailing());
    }
    String noun = r.total() == 1 ? "article" : "articles";
    out.println(style.dim(r.total() + " " + noun + " found" + (r.hits().isEmpty() ? "." : ", showing " + r.hits().size() + ".")
        + (r.next() == null ? "" : " Next page: --after " + r.next())));
  }

  /** The snippet on one line, cut at a word near {@value #SNIPPET} chars, matches marked. */
  private String oneLine(Highlight h) {
    String text = h.text();
    int end = text.length();
    if (end > SNIPPET) {
      end = text.lastIndexOf(' ', SNIPPET);
      if (end < SNIPPET / 2) {
        end = SNIPPET;
      }
    }
    int cut = end;
    Highlight shown = new Highlight(text.substring(0, cut),
        h.matches().stream().filter(s -> s.end() <= cut).toList());
    return style.marked(shown) + (cut < text.length() ? "…" : "");
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
