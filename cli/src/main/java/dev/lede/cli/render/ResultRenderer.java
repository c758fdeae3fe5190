package dev.lede.cli.render;

import dev.lede.search.SearchResult;
import java.io.PrintWriter;

/** Writes a search result in one format. */
public interface ResultRenderer {
  void render(SearchResult result, PrintWriter out);

  /**
   * Writes a result with a note saying why it is empty (null when there is none). Only the JSON
   * format has a place for it, the {@code note} field; the command writes it to stderr otherwise.
   */
  default void render(SearchResult result, String note, PrintWriter out) {
    render(result, out);
  }

  /** Whether {@link #render(SearchResult, String, PrintWriter)} writes the note itself. */
  default boolean carriesNote() {
    return false;
  }

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
