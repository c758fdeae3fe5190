package dev.lede.cli;

import dev.lede.cli.render.CsvColumn;
import dev.lede.cli.render.OutputFormat;
import dev.lede.cli.render.ResultRenderer;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --columns} and {@code --bom}: the shape of {@code --format csv}, shared by the commands that print hits. */
final class CsvOptions {
  @Option(names = "--columns", paramLabel = "COLUMN", split = ",",
      description = "With --format csv: these columns, in this order (default: all). One or more of: "
          + "rank, id, score, headline, source, published, url, story, lead, authors, snippet, entities.")
  List<CsvColumn> columns;

  @Option(names = "--bom", description = "With --format csv: start with a UTF-8 byte order mark, for spreadsheet programs.")
  boolean bom;

  /** The renderer for a format, refusing CSV options with another format. */
  ResultRenderer renderer(OutputFormat format, boolean colour, String queryId) {
    if (format != OutputFormat.CSV && (columns != null || bom)) {
      throw new IllegalArgumentException("--columns and --bom apply to --format csv only, not " + format.name().toLowerCase(java.util.Locale.ROOT));
    }
    return ResultRenderer.of(format, colour, queryId, columns == null ? CsvColumn.DEFAULT : columns, bom);
  }
}
