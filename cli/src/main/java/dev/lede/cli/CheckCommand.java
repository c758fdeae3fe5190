package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.IndexCheck;
import dev.lede.NewsIndex;
import dev.lede.cli.render.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lede check}: Lucene's index checker, reported in plain words; {@code --repair --confirm} drops damaged segments. */
@Command(name = "check", addMethodSubcommands = false, header = "Check the index for damage: every segment's checksums and structure, and the schema version.",
    description = {"Exit 0 when the index is clean, 3 when something is wrong.",
        "With --repair it says which damaged segments, and how many articles, a repair would drop; with --repair --confirm "
            + "it drops them (nothing else changes). Index the source files again to get those articles back.",
        "Needs the index's write lock: stop any running `lede index` first."})
final class CheckCommand implements Callable<Integer> {
  @ParentCommand LedeCli lede;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
  TextOrJson format;

  @Option(names = "--repair", description = "Say what dropping the damaged segments would lose; with --confirm, drop them.")
  boolean repair;

  @Option(names = "--confirm", description = "With --repair: really drop the damaged segments and their articles.")
  boolean confirm;

  @Override
  public Integer call() {
    if (confirm && !repair) {
      throw new IllegalArgumentException("--confirm only goes with --repair");
    }
    IndexCheck check = NewsIndex.check(lede.indexDir());
    IndexCheck after = null;
    if (repair && confirm && check.repairable()) {
      after = NewsIndex.repair(lede.indexDir(), check);
    }
    PrintWriter out = lede.spec.commandLine().getOut();
    if (format == TextOrJson.JSON) {
      ObjectNode o = json(check);
      if (repair) {
        ObjectNode r = o.putObject("repair");
        r.put("possible", check.repairable()).put("done", after != null);
        ArrayNode dropped = r.putArray("drops");
        check.damaged().forEach(s -> dropped.addObject().put("segment", s.name()).put("articles", s.articles()));
        if (after != null) {
          r.set("after", json(after));
        }
      }
      out.println(Json.pretty(o));
    } else {
      text(out, check);
      if (repair) {
        repairText(out, check, after);
      }
    }
    boolean healthy = after != null ? after.clean() : check.clean();
    return healthy ? ExitCodes.OK : ExitCodes.INDEX_UNAVAILABLE;
  }

  private ObjectNode json(IndexCheck c) {
    ObjectNode o = Json.object()
        .put("index", c.directory().toString())
        .put("clean", c.clean())
        .put("commit", c.commit())
        .put("schema_version", c.schemaVersion())
        .put("articles", c.articles())
        .put("articles_in_damaged_segments", c.articlesInDamagedSegments())
        .put("repairable", c.repairable());
    ArrayNode segments = o.putArray("segments");
    for (IndexCheck.Segment s : c.segments()) {
      segments.addObject().put("name", s.name()).put("articles", s.articles()).put("deleted", s.deleted())
          .put("size_bytes", s.sizeBytes()).put("ok", s.ok()).put("problem", s.problem());
    }
    ArrayNode problems = o.putArray("problems");
    c.problems().forEach(problems::add);
    return o;
  }

  private void text(PrintWriter out, IndexCheck c) {
    out.println("index:    " + c.directory());
    out.println("commit:   " + c.commit() + (c.schemaVersion() < 0 ? " (not written by Lede)" : " (Lede schema v" + c.schemaVersion() + ")"));
    out.println("segments: " + c.segments().size() + ", " + c.articles() + " articles");
    for (IndexCheck.Segment s : c.segments()) {
      out.println(String.format(Locale.ROOT, "  %-6s %8d articles %10s  %s", s.name(), s.articles(), size(s.sizeBytes()),
          s.ok() ? "ok" : "DAMAGED: " + s.problem()));
    }
    if (c.clean()) {
      out.println("result:   clean");
      return;
    }
    out.println("problems: " + c.problems().size());
    c.problems().forEach(p -> out.println("  " + p));
    if (c.repairable()) {
      out.println(String.format(Locale.ROOT, "result:   damaged: %d of %d articles are in damaged segments; "
          + "`lede check --repair` says what a repair would drop", c.articlesInDamagedSegments(), c.articles()));
    } else {
      out.println("result:   unusable as it is; no repair by dropping segments would fix it");
    }
  }

  private static void repairText(PrintWriter out, IndexCheck check, IndexCheck after) {
    if (check.clean()) {
      out.println("repair:   nothing to repair");
    } else if (!check.repairable()) {
      out.println("repair:   not possible: dropping segments would not fix " + (check.damaged().isEmpty() ? "these problems" : "every problem"));
    } else if (after == null) {
      out.println("repair:   would drop " + describe(check.damaged()) + "; nothing else changes. Run again with --repair --confirm to do it");
    } else {
      out.println("repair:   dropped " + describe(check.damaged()) + "; the index now holds " + after.articles() + " articles and is "
          + (after.clean() ? "clean" : "still damaged") + ". Index the source files again to restore what was dropped");
    }
  }

  private static String describe(List<IndexCheck.Segment> segments) {
    long articles = segments.stream().mapToLong(IndexCheck.Segment::articles).sum();
    return (segments.size() == 1 ? "segment " : "segments ") + segments.stream().map(IndexCheck.Segment::name).collect(Collectors.joining(", "))
        + " (" + articles + (articles == 1 ? " article)" : " articles)");
  }

  private static String size(long bytes) {
    return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6) : String.format(Locale.ROOT, "%.1f KB", bytes / 1e3);
  }
}
