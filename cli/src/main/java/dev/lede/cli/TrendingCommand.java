package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.NewsIndex;
import dev.lede.cli.render.Json;
import dev.lede.cli.render.TextLines;
import dev.lede.search.TrendingEntity;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lede trending}: entities whose share of coverage rose most. */
@Command(name = "trending", header = "Entities whose share of coverage rose most in a recent window against the window before.",
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
    List<TrendingEntity> trends;
    String note = null;
    try (NewsIndex index = lede.openForReading()) {
      trends = index.trending(end, Duration.ofDays(windowDays), limit);
      if (trends.isEmpty()) {
        // The window ends now by default: on an archive, years after its newest article (issue 15).
        note = NothingFound.windowNote(index, end, windowDays);
      }
    }
    PrintWriter out = lede.spec.commandLine().getOut();
    if (format == TextOrJson.JSON) {
      ObjectNode o = Json.object().put("as_of", end.toString()).put("window_days", windowDays);
      ArrayNode a = o.putArray("trending");
      for (TrendingEntity t : trends) {
        a.addObject().put("entity", t.entity()).put("type", t.type().name())
            .put("before", t.countBefore()).put("after", t.countAfter()).put("ratio", t.ratio());
      }
      o.put("note", note);
      out.println(Json.pretty(o));
    } else {
      out.println(String.format(Locale.ROOT, "%-32s %-12s %7s %7s %7s", "entity", "type", "before", "after", "ratio"));
      for (TrendingEntity t : trends) {
        out.println(String.format(Locale.ROOT, "%-32s %-12s %7d %7d %7.2f", TextLines.oneLine(t.entity(), 80), t.type(), t.countBefore(), t.countAfter(), t.ratio()));
      }
      lede.note(note, false);
    }
    return trends.isEmpty() ? ExitCodes.NOTHING_FOUND : ExitCodes.OK;
  }
}
