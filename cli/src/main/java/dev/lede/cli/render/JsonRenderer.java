package dev.lede.cli.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.search.Hit;
import dev.lede.search.SearchResult;
import java.io.PrintWriter;

/** {@code json}: one object for the whole result; {@code jsonl}: one hit object per line. */
final class JsonRenderer implements ResultRenderer {
  private final boolean lines;

  JsonRenderer(boolean lines) {
    this.lines = lines;
  }

  @Override
  public boolean carriesNote() {
    return !lines; // jsonl holds one hit per line and nothing else
  }

  @Override
  public void render(SearchResult r, PrintWriter out) {
    render(r, null, out);
  }

  @Override
  public void render(SearchResult r, String note, PrintWriter out) {
    if (!lines) {
      out.println(Json.pretty(Json.searchResult(r, note)));
      return;
    }
    long rank = r.offset() + 1;
    for (Hit h : r.hits()) {
      ObjectNode o = Json.hit(h, rank++);
      out.println(Json.compact(o));
    }
  }
}
