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
  public void render(SearchResult r, PrintWriter out) {
    if (!lines) {
      out.println(Json.pretty(Json.result(r)));
      return;
    }
    int rank = 1;
    for (Hit h : r.hits()) {
      ObjectNode o = Json.hit(h, rank++);
      out.println(Json.compact(o));
    }
  }
}
