package dev.lede.cli.render;

import dev.lede.search.Hit;
import dev.lede.search.SearchResult;
import java.io.PrintWriter;
import java.util.Locale;

/** A TREC run file: {@code qid Q0 docid rank score tag}, for trec_eval and friends. */
final class TrecRenderer implements ResultRenderer {
  private final String queryId;

  TrecRenderer(String queryId) {
    this.queryId = queryId;
  }

  /**
   * A run file's fields are separated by whitespace, so a field must not hold any: an article id
   * from the input may, and gets underscores (issue 15). A --qid with whitespace is refused earlier.
   */
  static String field(String s) {
    return s.strip().replaceAll("\\s+", "_");
  }

  @Override
  public void render(SearchResult r, PrintWriter out) {
    long rank = r.offset() + 1;
    for (Hit h : r.hits()) {
      float score = Float.isNaN(h.score()) ? -rank : h.score();
      out.println(field(queryId) + " Q0 " + field(h.id()) + " " + rank + " " + String.format(Locale.ROOT, "%.6f", score) + " lede");
      rank++;
    }
  }
}
