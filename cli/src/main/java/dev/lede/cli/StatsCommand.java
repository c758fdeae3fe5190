package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.NewsIndex;
import dev.lede.cli.render.Json;
import dev.lede.cli.render.TextLines;
import dev.lede.index.Generations;
import dev.lede.search.FacetCount;
import dev.lede.search.IndexStats;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lede stats}. */
@Command(name = "stats", addMethodSubcommands = false, header = "What the index holds: articles, sources, dates, size, segments, schema.")
final class StatsCommand implements Callable<Integer> {
  @ParentCommand LedeCli lede;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
  TextOrJson format;

  @Option(names = "--boilerplate", description = "Show the boilerplate learned per source instead.")
  boolean boilerplate;

  /** The most sources text output lists: an index of news from everywhere has thousands. */
  static final int SOURCES_SHOWN = 20;

  static String generation(String live, String previous) {
    String name = live.equals(Generations.FLAT) ? "flat" : live;
    if (previous == null) {
      return live.equals(Generations.FLAT) ? "flat (never reindexed)" : name;
    }
    String before = previous.equals(Generations.FLAT) ? "flat" : previous;
    return name + (live.equals(Generations.FLAT) ? " (the first build, live again after a rollback)" : "")
        + "; " + before + " is kept for --rollback";
  }

  @Override
  public Integer call() {
    if (boilerplate) {
      lede.embeddedOnly("stats --boilerplate (boilerplate is learned by the embedded index's writer)");
    }
    java.util.Map<String, java.util.List<dev.lede.prepare.boilerplate.LearnedLine>> learned;
    Answers.Stats answer = null;
    try (NewsIndex index = lede.openForReading()) {
      learned = boilerplate ? index.boilerplate() : java.util.Map.of();
      if (!boilerplate) {
        answer = Answers.stats(index, lede.indexName(), lede.onSolr() ? null : lede.indexDir());
      }
    }
    PrintWriter out = lede.spec.commandLine().getOut();
    if (boilerplate) {
      if (format == TextOrJson.JSON) {
        ObjectNode o = Json.object();
        learned.forEach((source, lines) -> {
          com.fasterxml.jackson.databind.node.ArrayNode a = o.putArray(source);
          lines.forEach(l -> a.addObject().put("text", l.text()).put("count", l.count()).put("articles", l.articles()));
        });
        out.println(Json.pretty(o));
      } else if (learned.isEmpty()) {
        out.println("no boilerplate learned yet");
      } else {
        learned.forEach((source, lines) -> {
          out.println(source + ":");
          lines.forEach(l -> out.println(String.format(Locale.ROOT, "  %4d/%-4d %s", l.count(), l.articles(),
              TextLines.oneLine(l.text(), TextLines.HEADLINE))));
        });
      }
      return ExitCodes.OK;
    }
    IndexStats s = answer.stats();
    List<FacetCount> sources = answer.sources();
    long noSource = answer.noSource();
    String previous = answer.previous();
    if (format == TextOrJson.JSON) {
      out.println(Json.pretty(answer.json()));
    } else {
      out.println("index:    " + lede.indexName());
      out.println("articles: " + s.articles());
      out.println("sources:  " + s.sources());
      int shown = Math.min(sources.size(), SOURCES_SHOWN);
      for (FacetCount c : sources.subList(0, shown)) {
        out.println(String.format(Locale.ROOT, "%6d  %s", c.count(), TextLines.oneLine(c.value(), 80)));
      }
      if (sources.size() > shown) {
        out.println("        and " + (sources.size() - shown) + " more (--format json lists every one)");
      }
      if (noSource > 0) {
        out.println(String.format(Locale.ROOT, "%6d  %s", noSource, "(no source)"));
      }
      out.println("dates:    " + (s.oldest() == null ? "-" : s.oldest().toString().substring(0, 10) + " .. " + s.newest().toString().substring(0, 10)));
      if (!lede.onSolr()) { // Solr's stats do not count bytes or segments (one admin call per core)
        out.println(String.format(Locale.ROOT, "size:     %.1f MB in %d segments", s.sizeBytes() / 1e6, s.segments()));
      }
      out.println("schema:   v" + s.schemaVersion());
      if (s.generation() != null) {
        out.println("generation: " + generation(s.generation(), previous));
      }
    }
    return ExitCodes.OK;
  }
}
