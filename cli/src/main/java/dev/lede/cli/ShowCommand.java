package dev.lede.cli;

import dev.lede.NewsIndex;
import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.cli.render.Json;
import dev.lede.cli.render.TextLines;
import dev.lede.index.StoredArticles;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lede show ID}: the whole stored article. */
@Command(name = "show", addMethodSubcommands = false, header = "Show a whole article, as stored.")
final class ShowCommand implements Callable<Integer> {
  @ParentCommand LedeCli lede;

  @Parameters(paramLabel = "ID", description = "The article id.")
  String id;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, or json for the stored record.")
  TextOrJson format;

  @Override
  public Integer call() {
    try (NewsIndex index = lede.openForReading()) {
      Article a = index.get(id).orElseThrow(() -> new LedeCli.NotFoundException("no article with id '" + id + "'"));
      PrintWriter out = lede.spec.commandLine().getOut();
      if (format == TextOrJson.JSON) {
        out.println(Json.pretty(StoredArticles.toJson(a)));
        return ExitCodes.OK;
      }
      // The whole headline (show prints the whole article), but on one line: it heads the layout below.
      out.println(TextLines.oneLine(a.headline(), Integer.MAX_VALUE));
      out.println("id: " + a.id());
      out.println("source: " + (a.source() == null ? "-" : a.source()) + (a.published() == null ? "" : "   published: " + a.published()));
      if (a.url() != null) {
        out.println("url: " + a.url());
      }
      if (!a.authors().isEmpty()) {
        out.println("by: " + String.join(", ", a.authors()));
      }
      if (!a.entities().isEmpty()) {
        StringBuilder sb = new StringBuilder("entities:");
        for (Entity e : a.entities()) {
          sb.append(" [").append(e.type()).append(' ').append(e.name()).append(']');
        }
        out.println(sb);
      }
      out.println();
      out.println(a.text());
      return ExitCodes.OK;
    }
  }
}
