package dev.lede.cli;

import dev.lede.NewsIndex;
import dev.lede.cli.render.Json;
import dev.lede.cli.render.TextLines;
import dev.lede.search.Suggestion;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lede suggest}: completions of what a user has typed, from the index itself. */
@Command(name = "suggest", header = "Complete typed text: entity names (most named first), then headlines (newest first).",
    description = "Entities whose name or an alias starts with the text come first, by the number of articles naming them, "
        + "then names one typo away (from " + dev.lede.search.Suggester.FUZZY_FROM + " letters on, after the first two); "
        + "then headlines that hold every word typed, the last as a prefix, newest first. Built from the index: "
        + "nothing to rebuild after indexing.")
final class SuggestCommand implements Callable<Integer> {
  @ParentCommand LedeCli lede;

  @Parameters(arity = "1..*", paramLabel = "TEXT", description = "What has been typed so far.")
  List<String> text;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many, 1 to 100 (default: 10).")
  int limit;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
  TextOrJson format;

  @Override
  public Integer call() {
    lede.embeddedOnly("suggest (it reads the embedded index's term dictionaries)");
    Answers.Suggested answer;
    try (NewsIndex index = lede.openForReading()) {
      answer = Answers.suggest(index, String.join(" ", text), limit);
    }
    PrintWriter out = lede.spec.commandLine().getOut();
    if (format == TextOrJson.JSON) {
      out.println(Json.pretty(answer.json()));
    } else {
      for (Suggestion s : answer.suggestions()) {
        String detail = s.kind() == Suggestion.Kind.ENTITY
            ? s.entityType() + ", " + s.articles() + (s.articles() == 1 ? " article" : " articles") + (s.approximate() ? ", one typo away" : "")
            : "headline, " + (s.published() == null ? "undated" : s.published().toString().substring(0, 10)) + ", " + s.id();
        out.println(TextLines.oneLine(s.text(), 120) + "  (" + detail + ")");
      }
    }
    return answer.suggestions().isEmpty() ? ExitCodes.NOTHING_FOUND : ExitCodes.OK;
  }
}
