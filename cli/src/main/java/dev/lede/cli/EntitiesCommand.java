package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.NewsIndex;
import dev.lede.cli.render.Json;
import dev.lede.cli.render.TextLines;
import dev.lede.search.FacetCount;
import dev.lede.search.NewsQuery;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lede entities [QUERY]}: the entities most matching articles name. */
@Command(name = "entities", header = "The entities most named by the articles matching a query or time window.")
final class EntitiesCommand implements Callable<Integer> {
  @ParentCommand LedeCli lede;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query (empty: every article).")
  List<String> query = new ArrayList<>();

  @Option(names = "--source", paramLabel = "DOMAIN", split = ",", description = "Only these sources.")
  List<String> sources = new ArrayList<>();

  @Option(names = "--author", paramLabel = "NAME", description = "Only articles by this author: the whole name, any case (repeatable: all must match).")
  List<String> authors = new ArrayList<>();

  @Option(names = "--since", paramLabel = "WHEN", converter = WhenConverter.class, description = "Published at or after: a date, an instant or an age like 7d.")
  Instant since;

  @Option(names = "--until", paramLabel = "WHEN", converter = WhenConverter.class, description = "Published before.")
  Instant until;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many entities (default: 20).")
  int limit;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
  TextOrJson format;

  @Override
  public Integer call() {
    WhenConverter.checkRange(since, until);
    if (limit < 1) {
      throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
    }
    NewsQuery q = NewsQuery.builder(QueryWords.text(spec, query)).sources(sources).authors(authors).since(since).until(until).collapse(false).highlight(false).build();
    List<FacetCount> top;
    long articles;
    String note = null;
    try (NewsIndex index = lede.openForReading()) {
      top = index.topEntities(q, limit);
      articles = index.search(q.toBuilder().limit(1).build()).total();
      if (top.isEmpty()) {
        // Say which of the two it is: nothing matched, or what matched names no entity (issue 15).
        String filters = NothingFound.searchNote(index, q);
        note = articles > 0
            ? articles + (articles == 1 ? " article matches" : " articles match") + " but none names an entity"
            : "no article matches" + (q.text().isBlank() ? "" : " '" + q.text() + "'") + (filters == null ? "" : ": " + filters);
      }
    }
    PrintWriter out = lede.spec.commandLine().getOut();
    if (format == TextOrJson.JSON) {
      ObjectNode o = Json.object().put("query", q.text());
      ArrayNode a = o.putArray("entities");
      top.forEach(c -> a.addObject().put("name", c.value()).put("articles", c.count()));
      o.put("articles", articles);
      o.put("note", note);
      out.println(Json.pretty(o));
    } else {
      top.forEach(c -> out.println(String.format(java.util.Locale.ROOT, "%6d  %s", c.count(), TextLines.oneLine(c.value(), 80))));
      lede.note(note, false);
    }
    return top.isEmpty() ? ExitCodes.NOTHING_FOUND : ExitCodes.OK;
  }
}
