package dev.lede.cli;

import dev.lede.IndexOptions;
import dev.lede.NewsIndex;
import dev.lede.article.EntityType;
import dev.lede.cli.render.OutputFormat;
import dev.lede.cli.render.ResultRenderer;
import dev.lede.search.NewsQuery;
import dev.lede.search.SortOrder;
import dev.lede.search.Syntax;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lede search QUERY}: ranked search with filters, facets and paging. */
@Command(name = "search", addMethodSubcommands = false, header = "Search the index.",
    description = "Query syntax (simple, the default): words, \"a phrase\", -exclude, +require, OR, prefix*, "
        + "headline:, lead:, body:, entity:, source:, author:\"Jane Doe\", type:, language:, published:[2025-01-01 TO 2025-06-30]. "
        + "--syntax lucene reads Lucene's classic syntax strictly.")
final class SearchCommand implements Callable<Integer> {
  @ParentCommand LedeCli lede;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query (several words are joined; empty matches everything).")
  List<String> query = new ArrayList<>();

  @Option(names = "--source", paramLabel = "DOMAIN", split = ",", description = "Only these sources (repeatable or comma-separated).")
  List<String> sources = new ArrayList<>();

  @Option(names = "--author", paramLabel = "NAME",
      description = "Only articles by this author: the whole name, any case (repeatable: all must match).")
  List<String> authors = new ArrayList<>();

  @Option(names = "--entity", paramLabel = "NAME", description = "Only articles naming this entity, by name or alias (repeatable: all must match).")
  List<String> entities = new ArrayList<>();

  @Option(names = "--type", paramLabel = "TYPE", split = ",", description = "Only articles with an entity of this type: person, organization, place, other.")
  List<EntityType> types = new ArrayList<>();

  @Option(names = "--language", paramLabel = "CODE", split = ",",
      description = "Only articles in these languages: ISO 639 codes such as en, de, fr (repeatable or comma-separated; default: all).")
  List<String> languages = new ArrayList<>();

  @Option(names = "--since", paramLabel = "WHEN", converter = WhenConverter.class, description = "Published at or after: 2025, 2025-01, 2025-01-31, an instant, or an age like 7d.")
  Instant since;

  @Option(names = "--until", paramLabel = "WHEN", converter = WhenConverter.class, description = "Published before (exclusive): as --since.")
  Instant until;

  @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance", description = "relevance, newest or oldest (default: relevance).")
  SortOrder sort;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Hits per page, 1 to 10000 (default: 10).")
  int limit;

  @Option(names = "--after", paramLabel = "CURSOR", description = "The next page: the cursor a previous search printed.")
  String after;

  @Option(names = "--facets", description = "Count matches by source, entity, entity type, month, author and language.")
  boolean facets;

  @Option(names = "--explain", description = "Show how each score was computed.")
  boolean explain;

  @Option(names = "--syntax", paramLabel = "SYNTAX", defaultValue = "simple", description = "simple (forgiving) or lucene (strict).")
  Syntax syntax;

  @Option(names = "--recent", paramLabel = "DAYS", description = "Favour recent articles among near-equal matches: half the boost at DAYS old.")
  Integer recentDays;

  @Option(names = "--all-copies", description = "Show every copy of a syndicated story instead of one hit per story.")
  boolean allCopies;

  @Option(names = "--no-feedback",
      description = "Rank by the words as typed only: no expansion of long queries (7 words or more) with the words of their best hits.")
  boolean noFeedback;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "Stop a search that runs longer, with an error (default: 10).")
  double timeoutSeconds;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json, jsonl, csv or trec (default: text).")
  OutputFormat format;

  @Option(names = "--qid", paramLabel = "ID", defaultValue = "1", description = "Query id for --format trec (default: 1).")
  String qid;

  @Option(names = "--mode", paramLabel = "MODE",
      description = "lexical (words), semantic (meaning) or hybrid (both); default: hybrid on an index with semantic search on (`lede semantic enable`), else lexical.")
  dev.lede.search.SearchMode mode;

  @Mixin CsvOptions csv;

  @Override
  public Integer call() {
    if (qid.chars().anyMatch(Character::isWhitespace)) {
      // trec_eval splits a run file's lines on whitespace: "a b" would make seven fields (issue 15).
      throw new IllegalArgumentException("--qid must not contain whitespace, got '" + qid + "': a TREC run separates its fields by spaces");
    }
    NewsQuery q = new SearchRequest(QueryWords.text(spec, query), sources, authors, entities, types, since, until, sort, limit,
        after, facets, explain, syntax, recentDays, allCopies, languages, mode).toQuery();
    if (noFeedback) {
      q = q.toBuilder().feedback(false).build();
    }
    if (!(timeoutSeconds >= 0) || timeoutSeconds > 86_400) {
      throw new IllegalArgumentException("illegal --timeout " + timeoutSeconds + ", must be between 0 and 86400 seconds");
    }
    if (mode != null && mode != dev.lede.search.SearchMode.LEXICAL) {
      lede.embeddedOnly("--mode " + mode.name().toLowerCase(java.util.Locale.ROOT) + " (semantic search is embedded-only for now)");
    }
    IndexOptions options = IndexOptions.defaults().withQueryTimeout(java.time.Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
    ResultRenderer renderer = csv.renderer(format, format == OutputFormat.TEXT && lede.colour(), qid);
    try (NewsIndex index = lede.openForReading(options)) {
      return lede.print(Answers.search(index, q), renderer, format);
    }
  }
}
