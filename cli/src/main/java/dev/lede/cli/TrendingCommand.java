package dev.lede.cli;

import dev.lede.NewsIndex;
import dev.lede.cli.render.Json;
import dev.lede.cli.render.TextLines;
import dev.lede.search.TrendingEntity;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lede trending}: entities whose share of coverage rose most. */
@Command(name = "trending", addMethodSubcommands = false, header = "Entities whose share of coverage rose most in a recent window against the window before.",
    description = "Score = (after+1)/(articles after+1) divided by (before+1)/(articles before+1): add-one smoothing, "
        + "so a single mention is not a trend.")
final class TrendingCommand implements Callable<Integer> {
  @ParentCommand LedeCli lede;

  @Option(names = "--window", paramLabel = "DAYS", defaultValue = "7", description = "Window length in days (default: 7).")
  int windowDays;

  @Option(names = "--as-of", paramLabel = "WHEN", converter = WhenConverter.class,
      description = "End of the recent window (default: now; a date for reproducible results).")
  Instant asOf;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many (default: 10).")
  int limit;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
  TextOrJson format;

  @Override
  public Integer call() {
    if (windowDays < 1 || limit < 1) {
      throw new IllegalArgumentException("--window and --limit must be at least 1");
    }
    lede.embeddedOnly("trending (it counts entities per time window from the embedded index's doc values)");
    Instant end = asOf == null ? Instant.now() : asOf;
    Answers.Trending answer;
    try (NewsIndex index = lede.openForReading()) {
      answer = Answers.trending(index, end, windowDays, limit);
    }
    List<TrendingEntity> trends = answer.trends();
    PrintWriter out = lede.spec.commandLine().getOut();
    if (format == TextOrJson.JSON) {
      out.println(Json.pretty(answer.json()));
    } else {
      out.println(String.format(Locale.ROOT, "%-32s %-12s %7s %7s %7s", "entity", "type", "before", "after", "ratio"));
      for (TrendingEntity t : trends) {
        out.println(String.format(Locale.ROOT, "%-32s %-12s %7d %7d %7.2f", TextLines.oneLine(t.entity(), 80), t.type(), t.countBefore(), t.countAfter(), t.ratio()));
      }
      lede.note(answer.note(), false);
    }
    return trends.isEmpty() ? ExitCodes.NOTHING_FOUND : ExitCodes.OK;
  }
}
