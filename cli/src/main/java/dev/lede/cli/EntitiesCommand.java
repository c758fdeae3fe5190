package dev.lede.cli;

import dev.lede.NewsIndex;
import dev.lede.cli.render.Json;
import dev.lede.cli.render.TextLines;
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
@Command(name = "entities", addMethodSubcommands = false, header = "The entities most named by the articles matching a query or time window.")
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
    if (limit < 1) {
      throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
    }
    NewsQuery q = Answers.entitiesQuery(QueryWords.text(spec, query), sources, authors, since, until);
    Answers.Entities answer;
    try (NewsIndex index = lede.openForReading()) {
      answer = Answers.entities(index, q, limit);
    }
    PrintWriter out = lede.spec.commandLine().getOut();
    if (format == TextOrJson.JSON) {
      out.println(Json.pretty(answer.json()));
    } else {
      answer.top().forEach(c -> out.println(String.format(java.util.Locale.ROOT, "%6d  %s", c.count(), TextLines.oneLine(c.value(), 80))));
      lede.note(answer.note(), false);
    }
    return answer.top().isEmpty() ? ExitCodes.NOTHING_FOUND : ExitCodes.OK;
  }
}
