package dev.lede.cli.render;

import dev.lede.search.Hit;
import dev.lede.search.SearchResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;

/**
 * RFC 4180 CSV: a header row, then one row per hit, CRLF line ends. The columns are chosen with
 * {@code --columns} (default: all, see {@link CsvColumn}); {@code --bom} starts the output with a
 * UTF-8 byte order mark, which spreadsheet programs need to read the file as UTF-8.
 */
final class CsvRenderer implements ResultRenderer {
  private final List<CsvColumn> columns;
  private final boolean bom;

  CsvRenderer(List<CsvColumn> columns, boolean bom) {
    this.columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    if (this.columns.isEmpty()) {
      throw new IllegalArgumentException("CSV output needs at least one column, expected some of: " + CsvColumn.names());
    }
    this.bom = bom;
  }

  @Override
  public void render(SearchResult r, PrintWriter out) {
    if (bom) {
      out.print('\uFEFF');
    }
    StringBuilder line = new StringBuilder();
    for (CsvColumn c : columns) {
      line.append(line.isEmpty() ? "" : ",").append(c.header());
    }
    out.print(line.append("\r\n"));
    long rank = r.offset() + 1;
    for (Hit h : r.hits()) {
      line.setLength(0);
      for (int i = 0; i < columns.size(); i++) {
        if (i > 0) {
          line.append(',');
        }
        line.append(field(columns.get(i).value(h, rank)));
      }
      out.print(line.append("\r\n"));
      rank++;
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
