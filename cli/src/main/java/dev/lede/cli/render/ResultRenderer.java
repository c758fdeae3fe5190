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

  /**
   * The one line that carries what the formats without a place for it leave out (jsonl, csv, trec):
   * {@code lede: summary total=N articles=M shown=K next=CURSOR}, fields separated by one space,
   * {@code articles=-1} when not counted, {@code next=} empty on the last page. Written to stderr, so
   * stdout keeps one hit per line (issue 15); documented in the README.
   */
  static String summary(SearchResult r) {
    return "lede: summary total=" + r.total() + " articles=" + r.articles() + " shown=" + r.hits().size()
        + " next=" + (r.next() == null ? "" : r.next());
  }

  /** Whether the format's output has no total and no cursor, so they go to stderr ({@link #summary}). */
  static boolean needsSummaryLine(OutputFormat format) {
    return format == OutputFormat.JSONL || format == OutputFormat.CSV || format == OutputFormat.TREC;
  }

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
