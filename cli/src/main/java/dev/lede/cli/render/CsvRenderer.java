package dev.lede.cli.render;

import dev.lede.search.Hit;
import dev.lede.search.SearchResult;
import java.io.PrintWriter;

/** RFC 4180 CSV: a header row, then one row per hit. */
final class CsvRenderer implements ResultRenderer {
  @Override
  public void render(SearchResult r, PrintWriter out) {
    out.print("rank,id,score,headline,source,published,url,story\r\n");
    long rank = r.offset() + 1;
    for (Hit h : r.hits()) {
      out.print(String.join(",",
          Long.toString(rank++),
          field(h.id()),
          Float.isNaN(h.score()) ? "" : Float.toString(h.score()),
          field(h.headline()),
          field(h.source()),
          h.published() == null ? "" : h.published().toString(),
          field(h.url()),
          field(h.storyId())));
      out.print("\r\n");
    }
  }

  static String field(String s) {
    if (s == null) {
      return "";
    }
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
