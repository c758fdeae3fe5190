package dev.lede.cli;

import dev.lede.NewsIndex;
import dev.lede.cli.render.OutputFormat;
import dev.lede.cli.render.ResultRenderer;
import dev.lede.search.NewsQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lede similar ID}: related articles. */
@Command(name = "similar", addMethodSubcommands = false, header = "Articles related to one article (more-like-this).")
final class SimilarCommand implements Callable<Integer> {
  @ParentCommand LedeCli lede;

  @Parameters(paramLabel = "ID", description = "The article id.")
  String id;

  @Option(names = "--source", paramLabel = "DOMAIN", split = ",", description = "Only these sources.")
  List<String> sources = new ArrayList<>();

  @Option(names = "--author", paramLabel = "NAME", description = "Only articles by this author: the whole name, any case (repeatable: all must match).")
  List<String> authors = new ArrayList<>();

  @Option(names = "--since", paramLabel = "WHEN", converter = WhenConverter.class, description = "Published at or after.")
  Instant since;

  @Option(names = "--until", paramLabel = "WHEN", converter = WhenConverter.class, description = "Published before.")
  Instant until;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many (default: 10).")
  int limit;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json, jsonl, csv or trec.")
  OutputFormat format;

  @Mixin CsvOptions csv;

  @Override
  public Integer call() {
    WhenConverter.checkRange(since, until);
    NewsQuery constraints = NewsQuery.builder("").sources(sources).authors(authors).since(since).until(until).limit(limit).build();
    ResultRenderer renderer = csv.renderer(format, format == OutputFormat.TEXT && lede.colour(), id);
    try (NewsIndex index = lede.openForReading()) {
      return lede.print(Answers.similar(index, id, constraints)
          .orElseThrow(() -> new LedeCli.NotFoundException("no article with id '" + id + "'")), renderer, format);
    }
  }
}
