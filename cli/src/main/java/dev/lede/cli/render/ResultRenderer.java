package dev.lede.cli.render;

import dev.lede.search.SearchResult;
import java.io.PrintWriter;

/** Writes a search result in one format. */
public interface ResultRenderer {
  void render(SearchResult result, PrintWriter out);

  /** The renderer of a format; CSV with every column and no byte order mark. */
  static ResultRenderer of(OutputFormat format, boolean colour, String queryId) {
    return of(format, colour, queryId, CsvColumn.DEFAULT, false);
  }

  /**
   * The renderer of a format.
   *
   * @param columns the CSV columns, in order (ignored by the other formats)
   * @param bom whether CSV starts with a UTF-8 byte order mark (ignored by the other formats)
   */
  static ResultRenderer of(OutputFormat format, boolean colour, String queryId, java.util.List<CsvColumn> columns, boolean bom) {
    return switch (format) {
      case TEXT -> new TextRenderer(colour);
      case JSON -> new JsonRenderer(false);
      case JSONL -> new JsonRenderer(true);
      case CSV -> new CsvRenderer(columns, bom);
      case TREC -> new TrecRenderer(queryId);
    };
  }
}
