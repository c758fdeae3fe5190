package dev.lede.cli.render;

import dev.lede.search.SearchResult;
import java.io.PrintWriter;

/** Writes a search result in one format. */
public interface ResultRenderer {
  void render(SearchResult result, PrintWriter out);

  /** The renderer of a format. */
  static ResultRenderer of(OutputFormat format, boolean colour, String queryId) {
    return switch (format) {
      case TEXT -> new TextRenderer(colour);
      case JSON -> new JsonRenderer(false);
      case JSONL -> new JsonRenderer(true);
      case CSV -> new CsvRenderer();
      case TREC -> new TrecRenderer(queryId);
    };
  }
}
