package dev.lede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.cli.LedeCliTest.Run;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a new user meets in the first hour: issue 15, one test (or row) per item. */
class FirstHourTest {
  @TempDir static Path shared;
  static Path index;

  @BeforeAll
  static void indexSampleCorpus() {
    index = shared.resolve("idx");
    LedeCliTest.run("--index", index.toString(), "index", LedeCliTest.CORPUS.toString(), "--threads", "2");
  }

  static Run lede(String... args) {
    return LedeCliTest.runOn(index, args);
  }

  static JsonNode json(String s) {
    try {
      return LedeCliTest.JSON.readTree(s);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + s, e);
    }
  }

  /** Every command's path below {@code lede}, at any depth ("solr init" as [solr, init]). */
  static List<List<String>> commandPaths() {
    CommandLine root = LedeCli.commandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()), Map.of());
    List<List<String>> paths = new ArrayList<>();
    collect(root, new ArrayList<>(), paths);
    return paths;
  }

  private static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
    for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
      List<String> path = new ArrayList<>(prefix);
      path.add(e.getKey());
      out.add(path);
      collect(e.getValue(), path, out);
    }
  }

  // Issue 15 item 6: every error says "see 'lede X --help'", so --help and -h must work on every
  // command, even one whose required parameters are missing.
  @TestFactory
  Stream<DynamicTest> helpWorksOnEveryCommand() {
    return commandPaths().stream().flatMap(path -> Stream.of("--help", "-h").map(flag -> DynamicTest.dynamicTest(
        String.join(" ", path) + " " + flag, () -> {
          List<String> args = new ArrayList<>(path);
          args.add(flag);
          Run r = lede(args.toArray(String[]::new));
          assertEquals(ExitCodes.OK, r.code(), r.err());
          assertEquals("", r.err());
          assertTrue(r.out().contains("Usage: lede " + String.join(" ", path)), r.out());
        })));
  }

  // Issue 15 item 8: a query word that starts with a minus is an exclusion (README: -exclude), not an
  // unknown option; real options and their typos still get errors; -- ends the options.
  @Test
  void wordsStartingWithAMinusAreQueryWords() {
    Run exclusion = lede("search", "-brexit", "--format", "json", "--limit", "1");
    assertEquals(ExitCodes.OK, exclusion.code(), exclusion.err());
    assertEquals("-brexit", json(exclusion.out()).get("query").asText());
    Run mixed = lede("search", "rail", "-strike", "--format", "json");
    assertTrue(mixed.code() <= ExitCodes.NOTHING_FOUND, mixed.err());
    assertEquals("rail -strike", json(mixed.out()).get("query").asText());
    Run notHelp = lede("search", "-hungary", "--format", "json", "--limit", "1");
    assertEquals("-hungary", json(notHelp.out()).get("query").asText(), "-h must not swallow a word that starts with h");
    Run entities = lede("entities", "-brexit", "--format", "json", "--limit", "1");
    assertEquals("-brexit", json(entities.out()).get("query").asText(), entities.err());
    Run analyze = lede("analyze", "-strike", "--format", "json");
    assertEquals(ExitCodes.OK, analyze.code(), analyze.err());
  }

  @Test
  void optionsAndTheirTyposStillGetErrors() {
    Run typo = lede("search", "rail", "--limmit", "3");
    assertEquals(ExitCodes.USAGE, typo.code());
    assertEquals(1, typo.err().lines().count(), typo.err());
    assertTrue(typo.err().contains("Unknown option: '--limmit'") && typo.err().contains("--limit"), typo.err());
    Run singleDash = lede("search", "rail", "-limit", "3");
    assertEquals(ExitCodes.USAGE, singleDash.code());
    assertTrue(singleDash.err().contains("'-limit'") && singleDash.err().contains("--limit"), singleDash.err());
    Run real = lede("search", "rail", "--limit", "2", "--format", "json");
    assertEquals(2, json(real.out()).get("hits").size());
  }

  @Test
  void doubleDashEndsTheOptions() {
    Run r = lede("search", "--format", "json", "--", "--limit", "-strike", "rail");
    assertTrue(r.code() <= ExitCodes.NOTHING_FOUND, r.err());
    assertEquals("--limit -strike rail", json(r.out()).get("query").asText());
  }

  // Issue 15 item 7: an empty filter value (a script's empty variable) was an internal error
  // (NullPointerException, exit 5), and --source , silently filtered nothing. Every option refuses
  // an empty value, or an empty piece of a comma-separated one, with one line naming the option.
  @TestFactory
  Stream<DynamicTest> emptyOptionValuesAreUsageErrors() {
    List<List<String>> cases = List.of(
        List.of("search", "rail", "--source", ""),
        List.of("search", "rail", "--source", ","),
        List.of("search", "rail", "--source", "bbc.co.uk,"),
        List.of("search", "rail", "--source", " "),
        List.of("search", "rail", "--entity", ""),
        List.of("search", "rail", "--type", ""),
        List.of("search", "rail", "--after", ""),
        List.of("entities", "--source", ""),
        List.of("similar", "rail-3", "--source", ","),
        List.of("search", "rail", "--qid", ""));
    return cases.stream().map(args -> DynamicTest.dynamicTest(String.join(" ", args), () -> {
      Run r = lede(args.toArray(String[]::new));
      assertEquals(ExitCodes.USAGE, r.code(), r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      String option = args.get(args.size() - 2);
      assertTrue(r.err().startsWith("lede: empty value for option '" + option + "'"), r.err());
    }));
  }

  // Issue 15 item 11: --since 2020-11 was refused while published:>2020-11 worked in the query.
  // --since, --until and --as-of read dates with the query syntax's parser: a year or a month
  // means its first instant.
  @Test
  void sinceAndUntilTakeAMonthOrAYear() {
    Run month = lede("search", "--since", "2025-06", "--until", "2025-07", "--format", "json", "--limit", "100", "--all-copies");
    assertEquals(ExitCodes.OK, month.code(), month.err());
    JsonNode hits = json(month.out()).get("hits");
    assertTrue(hits.size() > 0);
    for (JsonNode h : hits) {
      assertTrue(h.get("published").asText().startsWith("2025-06"), h.toString());
    }
    Run year = lede("search", "--since", "2026", "--format", "json", "--limit", "100", "--all-copies");
    for (JsonNode h : json(year.out()).get("hits")) {
      assertTrue(h.get("published").asText().startsWith("2026"), h.toString());
    }
    Run asOf = lede("trending", "--as-of", "2025-10", "--window", "60");
    assertTrue(asOf.code() <= ExitCodes.NOTHING_FOUND, asOf.err());
    Run bad = lede("search", "--since", "2025-13");
    assertEquals(ExitCodes.USAGE, bad.code());
    assertTrue(bad.err().contains("'2025-13' is not a date"), bad.err());
  }

  // Issue 15 item 9: --since after --until found nothing and said nothing. An empty range is a usage
  // error naming both options, in every command that takes them.
  @TestFactory
  Stream<DynamicTest> anEmptyDateRangeIsAUsageError() {
    return Stream.of(List.of("search", "rail"), List.of("entities"), List.of("similar", "rail-3"))
        .flatMap(command -> Stream.of(List.of("2026-01-01", "2025-01-01"), List.of("2025-06", "2025-06")).map(range ->
            DynamicTest.dynamicTest(command.get(0) + " " + range, () -> {
              List<String> args = new ArrayList<>(command);
              args.addAll(List.of("--since", range.get(0), "--until", range.get(1)));
              Run r = lede(args.toArray(String[]::new));
              assertEquals(ExitCodes.USAGE, r.code(), r.err());
              assertEquals(1, r.err().lines().count(), r.err());
              assertTrue(r.err().contains("--since") && r.err().contains("--until"), r.err());
            })));
  }

  // Issue 15 item 9: under --syntax lucene a field Lede does not have (author:, a typo) matched
  // nothing and said nothing. It is a syntax error naming the field.
  @Test
  void strictSyntaxNamesAFieldLedeDoesNotHave() {
    Run r = lede("search", "--syntax", "lucene", "author:smith");
    assertEquals(ExitCodes.USAGE, r.code(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("unknown field 'author'"), r.err());
    // Siblings: a phrase on a keyword field was an internal error (exit 5); a date range found nothing.
    Run phrase = lede("search", "--syntax", "lucene", "entity:\"north korea\"");
    assertEquals(ExitCodes.USAGE, phrase.code(), phrase.err());
    assertTrue(phrase.err().contains("entity_text"), phrase.err());
    Run published = lede("search", "--syntax", "lucene", "published:[2025-01-01 TO 2025-12-31]");
    assertEquals(ExitCodes.USAGE, published.code(), published.err());
    assertTrue(published.err().contains("--since"), published.err());
    Run known = lede("search", "--syntax", "lucene", "headline:strike", "--format", "json");
    assertEquals(ExitCodes.OK, known.code(), known.err());
  }

  // Issue 15 item 9: trending on an archive whose newest article is older than the window found
  // nothing and said nothing; it now says when the newest article is and suggests --as-of.
  @Test
  void trendingPastTheNewestArticleSaysSo() {
    Run text = lede("trending", "--as-of", "2030-01-01");
    assertEquals(ExitCodes.NOTHING_FOUND, text.code(), text.err());
    assertTrue(text.err().contains("newest article") && text.err().contains("--as-of 2026-11-10"), text.err());
    Run json = lede("trending", "--as-of", "2030-01-01", "--format", "json");
    assertTrue(json(json.out()).get("note").asText().contains("--as-of 2026-11-10"), json.out());
    Run found = lede("trending", "--as-of", "2025-10-08", "--window", "30", "--format", "json");
    assertTrue(json(found.out()).get("note").isNull(), found.out());
  }

  // Issue 15 item 9: entities with no match printed nothing at all.
  @Test
  void entitiesWithNoMatchSaysWhy() {
    Run text = lede("entities", "zzzqqq");
    assertEquals(ExitCodes.NOTHING_FOUND, text.code());
    assertTrue(text.err().contains("no article matches"), text.err());
    JsonNode o = json(lede("entities", "zzzqqq", "--format", "json").out());
    assertEquals(0, o.get("articles").asInt());
    assertTrue(o.get("note").asText().contains("no article matches"), o.toString());
    // (the rail articles name no entity once the BBC footer, learned as boilerplate, is stripped from all of them)
    JsonNode some = json(lede("entities", "korea", "--format", "json").out());
    assertTrue(some.get("articles").asInt() > 0 && some.get("note").isNull(), some.toString());
  }

  // Issue 15 item 9 (a sibling in search): a date range outside the index's dates says so.
  @Test
  void searchOutsideTheIndexDatesSaysSo() {
    Run text = lede("search", "rail", "--since", "2030");
    assertEquals(ExitCodes.NOTHING_FOUND, text.code());
    assertTrue(text.err().contains("2024-03-18 .. 2026-11-10"), text.err());
    JsonNode o = json(lede("search", "rail", "--since", "2030", "--format", "json").out());
    assertTrue(o.get("note").asText().contains("2024-03-18 .. 2026-11-10"), o.toString());
    Run source = lede("search", "rail", "--source", "no-such-source.org", "--format", "json");
    assertTrue(json(source.out()).get("note").asText().contains("no article from no-such-source.org"), source.out());
  }

  // Issue 15 item 10: the text summary said "N articles found" while counting stories.
  @Test
  void textSummaryCountsStoriesAndArticlesTruthfully() {
    Run collapsed = lede("search", "sudan");
    assertTrue(collapsed.out().contains("2 stories (4 articles), showing 2."), collapsed.out());
    Run copies = lede("search", "sudan", "--all-copies");
    assertTrue(copies.out().contains("4 articles, showing 4."), copies.out());
    JsonNode o = json(lede("search", "sudan", "--format", "json").out());
    assertEquals(2, o.get("total").asInt());
    assertEquals(4, o.get("articles").asInt());
  }

  // Issue 15 item 10: ranks restarted at 1 on every --after page; the cursor carries the offset.
  @Test
  void ranksContinueAcrossPages() {
    JsonNode first = json(lede("search", "rail", "--limit", "2", "--format", "json").out());
    assertEquals(0, first.get("offset").asInt());
    String next = first.get("next").asText();
    JsonNode second = json(lede("search", "rail", "--limit", "2", "--format", "json", "--after", next).out());
    assertEquals(2, second.get("offset").asInt());
    assertEquals(3, second.get("hits").get(0).get("rank").asInt());
    String[] jsonl = lede("search", "rail", "--limit", "2", "--format", "jsonl", "--after", next).out().strip().split("\n");
    assertEquals(4, json(jsonl[1]).get("rank").asInt());
    assertTrue(lede("search", "rail", "--limit", "2", "--after", next).out().startsWith(" 3. "));
    String csv = lede("search", "rail", "--limit", "2", "--format", "csv", "--after", next).out();
    assertTrue(csv.split("\r\n")[1].startsWith("3,"), csv);
    String trec = lede("search", "rail", "--limit", "2", "--format", "trec", "--after", next).out();
    assertTrue(trec.startsWith("1 Q0 ") && trec.split("\n")[0].split(" ")[3].equals("3"), trec);
  }

  // Issue 15 item 10: jsonl and csv carried no total and no cursor. They go to stderr as one
  // documented line, so stdout keeps one hit per line (jsonl) or one row per hit (csv).
  @Test
  void jsonlAndCsvWriteTotalAndCursorToStderr() {
    Run jsonl = lede("search", "rail", "--limit", "2", "--format", "jsonl");
    List<String> err = jsonl.err().lines().toList();
    assertEquals(1, err.size(), jsonl.err());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("lede: summary total=(\\d+) articles=(\\d+) shown=2 next=(\\S*)").matcher(err.get(0));
    assertTrue(m.matches(), err.get(0));
    JsonNode json = json(lede("search", "rail", "--limit", "2", "--format", "json").out());
    assertEquals(json.get("total").asText(), m.group(1));
    assertEquals(json.get("next").asText(), m.group(3));
    for (String line : jsonl.out().strip().split("\n")) {
      assertTrue(json(line).has("id"), "every stdout line is a hit: " + line);
    }
    Run csv = lede("search", "rail", "--limit", "2", "--format", "csv");
    assertTrue(csv.err().startsWith("lede: summary total="), csv.err());
    Run quiet = LedeCliTest.run("-q", "--index", index.toString(), "search", "rail", "--format", "jsonl");
    assertEquals("", quiet.err());
  }

  // Issue 15: facet groups came out in a different order from run to run (Map.copyOf).
  @Test
  void facetGroupsComeInAFixedOrder() {
    JsonNode facets = json(lede("search", "rail", "--facets", "--format", "json").out()).get("facets");
    List<String> names = new ArrayList<>();
    facets.fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("source", "entity", "entity_type", "month", "author", "language"), names);
    for (JsonNode group : List.of(facets.get("source"), facets.get("entity"))) {
      for (int i = 1; i < group.size(); i++) {
        JsonNode a = group.get(i - 1);
        JsonNode b = group.get(i);
        assertTrue(a.get("count").asLong() > b.get("count").asLong()
            || (a.get("count").asLong() == b.get("count").asLong() && a.get("value").asText().compareTo(b.get("value").asText()) < 0), group.toString());
      }
    }
  }

  static Run interactive(String stdin, Path idx, String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    List<String> full = new ArrayList<>(List.of("--index", idx.toString()));
    full.addAll(List.of(args));
    int code = LedeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(),
        new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)), true).execute(full.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  /** An index of ten articles, a-0 to a-9, and an input file that has only a-0. */
  static Path[] tenArticles(Path dir) throws Exception {
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      all.append("{\"id\":\"a-").append(i).append("\",\"headline\":\"Article ").append(i).append("\",\"body\":\"Text ").append(i).append(".\"}\n");
    }
    java.nio.file.Files.createDirectories(dir);
    Path idx = dir.resolve("idx");
    Path input = java.nio.file.Files.writeString(dir.resolve("all.jsonl"), all.toString());
    assertEquals(ExitCodes.OK, LedeCliTest.run("--index", idx.toString(), "index", input.toString()).code());
    Path one = java.nio.file.Files.writeString(dir.resolve("one.jsonl"), all.toString().lines().findFirst().orElseThrow() + "\n");
    return new Path[] {idx, one};
  }

  static int articles(Path idx) {
    return json(LedeCliTest.run("--index", idx.toString(), "stats", "--format", "json").out()).get("articles").asInt();
  }

  // Issue 15 item 11: index --prune deleted without a dry run. --dry-run lists what would go and
  // writes nothing.
  @Test
  void pruneDryRunListsAndDeletesNothing(@TempDir Path dir) throws Exception {
    Path[] setup = tenArticles(dir);
    Run dry = LedeCliTest.run("--index", setup[0].toString(), "index", setup[1].toString(), "--prune", "--dry-run", "--output", "json");
    assertEquals(ExitCodes.OK, dry.code(), dry.err());
    JsonNode o = json(dry.out());
    assertEquals(9, o.get("would_prune").size());
    assertEquals(10, articles(setup[0]), "nothing deleted");
    Run text = LedeCliTest.run("--index", setup[0].toString(), "index", setup[1].toString(), "--prune", "--dry-run");
    assertTrue(text.out().contains("would prune a-9  Article 9"), text.out());
    Run alone = LedeCliTest.run("--index", setup[0].toString(), "index", setup[1].toString(), "--dry-run");
    assertEquals(ExitCodes.USAGE, alone.code());
    assertTrue(alone.err().contains("--dry-run only goes with --prune"), alone.err());
  }

  // Issue 15 item 11: in a terminal, pruning more than a few articles asks first; --yes answers
  // in advance; a script (no terminal) is not asked, as before.
  @Test
  void pruneInATerminalAsksFirst(@TempDir Path dir) throws Exception {
    Path[] setup = tenArticles(dir);
    Run no = interactive("n\n", setup[0], "index", setup[1].toString(), "--prune");
    assertTrue(no.err().contains("pruning will delete 9 articles") && no.err().contains("[y/N]"), no.err());
    assertTrue(no.err().contains("not pruning"), no.err());
    assertEquals(10, articles(setup[0]));
    Run noAnswer = interactive("", setup[0], "index", setup[1].toString(), "--prune");
    assertEquals(10, articles(setup[0]), "no answer is no: " + noAnswer.err());
    Run yes = interactive("y\n", setup[0], "index", setup[1].toString(), "--prune");
    assertEquals(ExitCodes.OK, yes.code(), yes.err());
    assertEquals(1, articles(setup[0]));

    Path[] again = tenArticles(dir.resolve("again"));
    Run flag = interactive("", again[0], "index", again[1].toString(), "--prune", "--yes");
    assertFalse(flag.err().contains("[y/N]"), flag.err());
    assertEquals(1, articles(again[0]));

    Path[] script = tenArticles(dir.resolve("script"));
    Run unattended = LedeCliTest.run("--index", script[0].toString(), "index", script[1].toString(), "--prune");
    assertEquals("", unattended.err());
    assertEquals(1, articles(script[0]));
  }

  /** Articles with awkward stored text: a headline with a newline and a tab, a 3,000-character one, two copies without a source. */
  static Path awkward(Path dir) {
    String body = "Heavy floods hit the river valley on Monday, forcing hundreds of families from their homes as water rose "
        + "through the night. Rescue teams worked until dawn.";
    List<Map<String, String>> rows = List.of(
        Map.of("id", "nl", "headline", "Floods rise\nin the valley\tovernight", "body", "Water rose in the valley all night.",
            "source", "a.org", "published", "2025-01-02"),
        Map.of("id", "long", "headline", "Floods " + "again and again ".repeat(200), "body", "Floods of words again.",
            "source", "a.org", "published", "2025-01-03"),
        Map.of("id", "copy1", "headline", "River floods force families out", "body", body, "published", "2025-01-01"),
        Map.of("id", "copy2", "headline", "River floods force families out", "body", body, "published", "2025-01-01T05:00:00Z"),
        Map.of("id", "has space", "headline", "Floods in a spaced id", "body", "Spaced floods.", "source", "c.org"));
    StringBuilder in = new StringBuilder();
    for (Map<String, String> row : rows) {
      in.append(LedeCliTest.JSON.valueToTree(row).toString()).append('\n');
    }
    Path idx = dir.resolve("awkward");
    Run r = LedeCliTest.runWithInput(in.toString(), "--index", idx.toString(), "index", "-");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    return idx;
  }

  static Run at(Path idx, String... args) {
    List<String> full = new ArrayList<>(List.of("--index", idx.toString()));
    full.addAll(List.of(args));
    return LedeCliTest.run(full.toArray(String[]::new));
  }

  // Issue 15: a newline in a headline broke the text layout, and a 3,000-character headline printed
  // whole. Text output puts each on one line, cut with an ellipsis; JSON keeps the stored text.
  @Test
  void textOutputKeepsEachHeadlineOnOneLine(@TempDir Path dir) {
    Path idx = awkward(dir);
    Run nl = at(idx, "search", "valley", "--limit", "1");
    assertTrue(nl.out().startsWith(" 1. Floods rise in the valley overnight\n"), nl.out());
    Run story = at(idx, "story", "nl");
    assertTrue(story.out().contains("Floods rise in the valley overnight  [nl]"), story.out());
    assertTrue(at(idx, "show", "nl").out().startsWith("Floods rise in the valley overnight\n"));
    Run long_ = at(idx, "search", "again", "--limit", "1");
    String first = long_.out().lines().findFirst().orElseThrow();
    assertTrue(first.length() <= 4 + 200 + 1 && first.endsWith("…"), first.length() + ": " + first);
    JsonNode hit = json(at(idx, "search", "again", "--limit", "1", "--format", "json").out()).get("hits").get(0);
    assertTrue(hit.get("headline").asText().length() > 3000, "JSON keeps the whole headline");
  }

  // Issue 15: a copy with a blank source showed as "also reported by:  (1)".
  @Test
  void copiesWithoutASourceSaySo(@TempDir Path dir) {
    Run r = at(awkward(dir), "search", "families");
    assertTrue(r.out().contains("also reported by: (no source) (1 copy)"), r.out());
    assertFalse(r.out().contains("by:  ("), r.out());
  }

  // Issue 15: --qid with a space wrote TREC lines with seven fields. It is refused; an article id
  // with whitespace (which the input may have) gets underscores in a run file.
  @Test
  void trecLinesAlwaysHaveSixFields(@TempDir Path dir) {
    Path idx = awkward(dir);
    Run bad = at(idx, "search", "floods", "--format", "trec", "--qid", "a b");
    assertEquals(ExitCodes.USAGE, bad.code());
    assertTrue(bad.err().contains("--qid"), bad.err());
    Run run = at(idx, "search", "floods", "--format", "trec", "--qid", "q1", "--limit", "100");
    for (String line : run.out().strip().split("\n")) {
      assertEquals(6, line.split(" ").length, line);
    }
    assertTrue(run.out().contains(" has_space "), run.out());
    Run similar = at(idx, "similar", "has space", "--format", "trec");
    for (String line : similar.out().strip().split("\n")) {
      assertTrue(line.isEmpty() || line.split(" ").length == 6, line);
    }
  }

  // Issue 15: stats said "sources: 13" without naming them. Text and JSON list each with its count.
  @Test
  void statsListsTheSourcesWithCounts(@TempDir Path dir) {
    JsonNode o = json(lede("stats", "--format", "json").out());
    JsonNode bySource = o.get("by_source");
    assertEquals(o.get("sources").asInt(), bySource.size(), bySource.toString());
    long sum = 0;
    for (JsonNode s : bySource) {
      sum += s.get("articles").asLong();
    }
    assertEquals(o.get("articles").asLong() - o.get("no_source").asLong(), sum);
    assertTrue(bySource.get(0).get("articles").asLong() >= bySource.get(1).get("articles").asLong());
    String text = lede("stats").out();
    String first = bySource.get(0).get("source").asText();
    assertTrue(text.contains(String.format("%6d  %s", bySource.get(0).get("articles").asLong(), first)), text);
    JsonNode awkward = json(at(awkward(dir), "stats", "--format", "json").out());
    assertEquals(2, awkward.get("no_source").asInt(), awkward.toString());
  }

  // Issue 15: after a rollback, stats said "flat (never reindexed)": it took the flat generation
  // for an index never reindexed, but a rollback to the first build makes it live again too.
  @Test
  void statsTellsARolledBackIndexFromANeverReindexedOne(@TempDir Path dir) throws Exception {
    Path idx = tenArticles(dir)[0];
    assertTrue(at(idx, "stats").out().contains("flat (never reindexed)"));
    assertEquals(ExitCodes.OK, at(idx, "reindex").code());
    assertEquals(ExitCodes.OK, at(idx, "reindex", "--rollback").code());
    String back = at(idx, "stats").out();
    assertFalse(back.contains("never reindexed"), back);
    JsonNode o = json(at(idx, "stats", "--format", "json").out());
    assertEquals(".", o.get("generation").asText());
    assertEquals("gen-000001", o.get("previous_generation").asText());
    assertEquals(ExitCodes.OK, at(idx, "reindex", "--rollback").code());
    JsonNode forward = json(at(idx, "stats", "--format", "json").out());
    assertEquals("gen-000001", forward.get("generation").asText());
    assertEquals(".", forward.get("previous_generation").asText());
  }

  // Issue 15 item 6: the help options added by the factory reach the completion script and the man
  // page (ManPageTest checks every option of every command) like any other option.
  @Test
  void completionOffersEveryCommandAndItsHelp() {
    Run r = lede("completion", "bash");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    for (List<String> path : commandPaths()) {
      assertTrue(r.out().contains(path.get(path.size() - 1)), "completion lacks " + path);
    }
    assertTrue(r.out().contains("--help"), "completion lacks --help");
  }
}
