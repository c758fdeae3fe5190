package dev.lede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.NewsIndex;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real command line, as users do, with captured streams. */
class LedeCliTest {
  static final Path CORPUS = Path.of("..", "sample-corpus");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path shared;
  static Path index;
  static Run indexed;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    return runWithInput("", args);
  }

  /** Runs {@code lede --index INDEX args...}. */
  static Run runOn(Path index, String... args) {
    List<String> full = new ArrayList<>(List.of("--index", index.toString()));
    full.addAll(List.of(args));
    return run(full.toArray(String[]::new));
  }

  static Run runWithInput(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> env = new HashMap<>();
    // The same factory as Main: only the command being run is registered.
    int code = LedeCli.commandLineFor(args, new PrintWriter(out, true), new PrintWriter(err, true), env,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Run search(String... args) {
    String[] full = new String[args.length + 3];
    full[0] = "--index";
    full[1] = index.toString();
    full[2] = "search";
    System.arraycopy(args, 0, full, 3, args.length);
    return run(full);
  }

  @BeforeAll
  static void indexSampleCorpus() {
    index = shared.resolve("idx");
    indexed = run("--index", index.toString(), "index", CORPUS.toString(), "--threads", "2");
  }

  @Test
  void indexingTheSampleCorpusReportsRejectsAndExits4() {
    assertEquals(ExitCodes.REJECTED, indexed.code(), indexed.err());
    assertTrue(indexed.out().startsWith("read 67, added 67, replaced 0, unchanged 0, rejected 5, 1 exact duplicate"), indexed.out());
    assertTrue(indexed.err().contains("broken.jsonl line 3: 'published' is not a date: \"yesterday\""), indexed.err());
  }

  @Test
  void reindexingTheSameInputChangesNothing() {
    Run again = run("--index", index.toString(), "index", CORPUS.resolve("feeds").toString(), "--output", "json");
    assertEquals(ExitCodes.OK, again.code(), again.err());
    JsonNode o = parse(again.out());
    assertEquals(20, o.get("unchanged").asInt());
    assertEquals(0, o.get("added").asInt());
  }

  @Test
  void goldenQueriesPutTheExpectedArticleFirst() throws Exception {
    List<String> lines = Files.readAllLines(CORPUS.resolve("labels/queries.tsv"));
    int checked = 0;
    for (String line : lines) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      Run r = search(f[0], "--format", "json", "--limit", "3");
      assertEquals(ExitCodes.OK, r.code(), f[0] + ": " + r.err());
      assertEquals(f[1], parse(r.out()).get("hits").get(0).get("id").asText(), "first hit for '" + f[0] + "' (" + f[2] + ")");
      checked++;
    }
    assertTrue(checked >= 8);
  }

  @Test
  void jsonOutputHasTheDocumentedShape() {
    Run r = search("rail strike", "--format", "json", "--limit", "2", "--facets");
    JsonNode o = parse(r.out());
    assertEquals("rail strike", o.get("query").asText());
    assertTrue(o.get("total").asInt() >= 5);
    JsonNode hit = o.get("hits").get(0);
    for (String field : List.of("id", "score", "headline", "source", "published", "url", "entities", "snippet")) {
      assertTrue(hit.has(field), "hit lacks " + field + ": " + hit);
    }
    assertTrue(hit.get("published").asText().endsWith("Z"));
    assertTrue(o.get("facets").has("source"));
    assertFalse(o.get("next").isNull());
    assertFalse(r.out().contains("\u001b["), "no ANSI escapes in JSON");
    Run page2 = search("rail strike", "--format", "json", "--limit", "2", "--after", o.get("next").asText());
    assertFalse(parse(page2.out()).get("hits").get(0).get("id").asText().equals(hit.get("id").asText()));
  }

  @Test
  void jsonlCsvAndTrecFormats() {
    String[] jsonl = search("heatwave", "--format", "jsonl", "--limit", "2").out().strip().split("\n");
    assertEquals(2, jsonl.length);
    assertEquals("Heatwave grips southern Europe", parse(jsonl[0]).get("headline").asText());
    String csv = search("heatwave", "--format", "csv", "--limit", "2").out();
    // issue 15: columns were added at the end; the first eight stay where scripts expect them
    assertTrue(csv.startsWith("rank,id,score,headline,source,published,url,story,"), csv);
    String trec = search("heatwave", "--format", "trec", "--qid", "7", "--limit", "2").out();
    assertTrue(trec.matches("(?s)7 Q0 \\S+ 1 [0-9.]+ lede\n7 Q0 \\S+ 2 [0-9.]+ lede\n"), trec);
  }

  @Test
  void noHitsExitsOneAndOffersASpelling() {
    Run r = search("heatwaev");
    assertEquals(ExitCodes.NOTHING_FOUND, r.code());
    assertTrue(r.out().contains("Did you mean: heatwave?"), r.out());
  }

  @Test
  void noFeedbackKeepsTheHitsOfALongQuery() {
    // Issue 16: feedback reorders a long query's hits; turning it off changes no count.
    String query = "rail strike ends after unions accept the new pay deal";
    Run on = search(query, "--format", "json", "--all-copies");
    Run off = search(query, "--format", "json", "--all-copies", "--no-feedback");
    assertEquals(ExitCodes.OK, off.code(), off.err());
    assertEquals(parse(on.out()).get("total").asInt(), parse(off.out()).get("total").asInt());
  }

  @Test
  void emptyQueryListsEverythingNewestFirst() {
    Run r = search("--sort", "newest", "--limit", "1", "--format", "json", "--all-copies");
    assertEquals(ExitCodes.OK, r.code());
    assertEquals(67, parse(r.out()).get("total").asInt());
  }

  @Test
  void labelledSyndicatedCopiesCollapseIntoOneHitEach(@TempDir Path dir) throws Exception {
    Path idx = dir.resolve("stories");
    run("--index", idx.toString(), "index", CORPUS.toString());
    Map<String, java.util.Set<String>> groups = new HashMap<>();
    for (String line : Files.readAllLines(CORPUS.resolve("labels/stories.tsv"))) {
      if (!line.startsWith("#") && !line.isBlank()) {
        String[] f = line.split("\t");
        groups.computeIfAbsent(f[0], g -> new java.util.HashSet<>()).add(f[1]);
      }
    }
    JsonNode all = parse(run("--index", idx.toString(), "search", "--limit", "200", "--format", "json").out());
    int members = groups.values().stream().mapToInt(java.util.Set::size).sum();
    assertEquals(67 - members + groups.size(), all.get("total").asInt(), "one hit per labelled group, every other article alone");
    for (JsonNode hit : all.get("hits")) {
      for (java.util.Set<String> group : groups.values()) {
        if (group.contains(hit.get("id").asText())) {
          assertEquals(group.size() - 1, hit.get("collapsed").asInt(), hit.toString());
        }
      }
    }
  }

  @Test
  void strictSyntaxErrorExitsTwoWithPosition() {
    Run r = search("--syntax", "lucene", "rail AND (strike");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().startsWith("lede: query syntax error at position "), r.err());
  }

  @Test
  void misuseGivesOneLineAndExitTwo() {
    Run typo = run("serch", "x");
    assertEquals(ExitCodes.USAGE, typo.code());
    assertTrue(typo.err().contains("search"), typo.err());
    Run badOption = search("x", "--limmit", "3");
    assertEquals(ExitCodes.USAGE, badOption.code());
    assertTrue(badOption.err().contains("--limit"), badOption.err());
    Run badDate = search("x", "--since", "yesterday");
    assertEquals(ExitCodes.USAGE, badDate.code());
    assertTrue(badDate.err().contains("'yesterday' is not a date"), badDate.err());
    Run badNumber = search("x", "--limit", "0");
    assertEquals(ExitCodes.USAGE, badNumber.code());
    assertTrue(badNumber.err().startsWith("lede: illegal limit 0"), badNumber.err());
    Run missingArg = run("show");
    assertEquals(ExitCodes.USAGE, missingArg.code());
    Run unreadable = run("--index", shared.resolve("other").toString(), "index", "no/such/file.jsonl");
    assertEquals(ExitCodes.USAGE, unreadable.code());
    assertTrue(unreadable.err().contains("no such file or directory: no/such/file.jsonl"), unreadable.err());
  }

  @Test
  void missingIndexExitsThreeAndSaysWhatToRun() {
    Run r = run("--index", shared.resolve("nothing-here").toString(), "search", "x");
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, r.code());
    assertTrue(r.err().contains("run `lede index <files>` first"), r.err());
    assertEquals(1, r.err().lines().count(), "one line, no stack trace");
  }

  @Test
  void lockedIndexExitsThreeForASecondWriter(@TempDir Path dir) {
    Path idx = dir.resolve("locked");
    try (NewsIndex writer = NewsIndex.open(idx)) {
      Run r = runWithInput("{\"id\":\"x\",\"headline\":\"Hello\",\"body\":\"World\"}\n", "--index", idx.toString(), "index", "-");
      assertEquals(ExitCodes.INDEX_UNAVAILABLE, r.code());
      assertTrue(r.err().contains("another Lede process is writing"), r.err());
      // Searching beside a writer works: readers take no lock.
      Run search = run("--index", idx.toString(), "search", "hello");
      assertEquals(ExitCodes.NOTHING_FOUND, search.code(), search.err());
    }
  }

  @Test
  void indexesStandardInputAsJsonLines(@TempDir Path dir) {
    String stdin = "{\"id\":\"s1\",\"headline\":\"Stdin article about volcanoes\",\"body\":\"Lava.\",\"source\":\"x.org\"}\n"
        + "{\"id\":\"s2\",\"headline\":\"Another\",\"body\":\"Text\"}\n";
    Path idx = dir.resolve("stdin");
    Run r = runWithInput(stdin, "--index", idx.toString(), "index", "-");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    Run s = run("--index", idx.toString(), "show", "s1", "--format", "json");
    assertEquals("x.org", parse(s.out()).get("source").asText());
  }

  @Test
  void showStatsAnalyzeSimilarDeleteSpeakJson(@TempDir Path dir) {
    Run stats = run("--index", index.toString(), "stats", "--format", "json");
    assertEquals(67, parse(stats.out()).get("articles").asInt());
    Run analyze = run("analyze", "Putin’s troops", "--format", "json");
    assertEquals("putin", parse(analyze.out()).get("headline").get(0).asText(), "curly possessive stripped");
    Run similar = run("--index", index.toString(), "similar", "rail-3", "--format", "json", "--limit", "2");
    assertEquals(ExitCodes.OK, similar.code(), similar.err());
    assertFalse(similar.out().contains("\"id\" : \"rail-3\""));
    Run missing = run("--index", index.toString(), "show", "no-such-id");
    assertEquals(ExitCodes.NOTHING_FOUND, missing.code());
    assertTrue(missing.err().contains("no article with id 'no-such-id'"));
    Path idx = dir.resolve("del");
    runWithInput("{\"id\":\"d1\",\"headline\":\"Gone soon\",\"body\":\"x\"}\n", "--index", idx.toString(), "index", "-");
    Run del = run("--index", idx.toString(), "delete", "d1", "nope", "--format", "json");
    assertEquals("[\"d1\"]", parse(del.out()).get("deleted").toString());
    assertEquals("[\"nope\"]", parse(del.out()).get("not_found").toString());
  }

  @Test
  void helpListsTheExitCodes() {
    Run r = run("--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("Exit codes:"), r.out());
    assertTrue(r.out().contains("4   ingest finished but some records were rejected"), r.out());
  }

  @Test
  void colourRules() {
    assertFalse(ColorPolicy.enabled(ColorPolicy.Choice.AUTO, Map.of(), false));
    assertTrue(ColorPolicy.enabled(ColorPolicy.Choice.AUTO, Map.of(), true));
    assertFalse(ColorPolicy.enabled(ColorPolicy.Choice.AUTO, Map.of("NO_COLOR", ""), true));
    assertFalse(ColorPolicy.enabled(ColorPolicy.Choice.AUTO, Map.of("TERM", "dumb"), true));
    assertTrue(ColorPolicy.enabled(ColorPolicy.Choice.ALWAYS, Map.of("NO_COLOR", "1"), false));
    assertFalse(ColorPolicy.enabled(ColorPolicy.Choice.NEVER, Map.of(), true));
    Run coloured = run("--color", "never", "--color", "always", "--index", index.toString(), "search", "heatwave", "--limit", "1");
    assertTrue(coloured.out().contains("\u001b["), "last --color wins");
  }

  @Test
  void demoRunsEveryStepAndExitsZero() {
    Run r = run("demo", "--corpus", CORPUS.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("$ lede search rail strike ends after pay deal --limit 3\n 1. Rail strike ends after pay deal"), r.out());
    assertTrue(r.out().contains("Did you mean: heatwave?"));
  }

  private static JsonNode parse(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + s, e);
    }
  }

  @Test
  void storyEntitiesTrendingAndBoilerplateSpeakTextAndJson() {
    JsonNode story = parse(run("--index", index.toString(), "story", "sudan-wire-a", "--format", "json").out());
    assertEquals(3, story.get("members").size(), story.toString());
    assertEquals("sudan-wire-a", story.get("story").asText(), "the earliest copy names the story");
    assertTrue(run("--index", index.toString(), "story", "sudan-wire-a").out().contains("earliest"));

    JsonNode entities = parse(run("--index", index.toString(), "entities", "korea", "--format", "json").out());
    List<String> names = new java.util.ArrayList<>();
    entities.get("entities").forEach(e -> names.add(e.get("name").asText()));
    assertTrue(names.contains("North Korea") && names.contains("South Korea"), names.toString());

    // The Sudan copies of 2025-10-06 are the only Sudan coverage: 0 articles before the window, 3 in it.
    Run trending = run("--index", index.toString(), "trending", "--as-of", "2025-10-08", "--window", "30", "--format", "json");
    assertEquals(ExitCodes.OK, trending.code(), trending.err());
    JsonNode sudan = null;
    for (JsonNode t : parse(trending.out()).get("trending")) {
      if (t.get("entity").asText().equals("Sudan")) {
        sudan = t;
      }
    }
    assertTrue(sudan != null, trending.out());
    assertEquals(0, sudan.get("before").asInt());
    assertEquals(3, sudan.get("after").asInt());
    assertTrue(sudan.get("ratio").asDouble() > 1);

    JsonNode learned = parse(run("--index", index.toString(), "stats", "--boilerplate", "--format", "json").out());
    assertEquals("Follow BBC News on social media for the latest updates.", learned.get("bbc.co.uk").get(0).get("text").asText());
  }

  @Test
  void relativeDatesCountBackFromNow() {
    java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-03-31T12:00:00Z"), java.time.ZoneOffset.UTC);
    WhenConverter when = new WhenConverter(clock);
    assertEquals(java.time.Instant.parse("2026-03-24T12:00:00Z"), when.convert("7d"));
    assertEquals(java.time.Instant.parse("2026-03-31T00:00:00Z"), when.convert("12h"));
    assertEquals(java.time.Instant.parse("2026-03-17T12:00:00Z"), when.convert("2w"));
    assertEquals(java.time.Instant.parse("2025-12-31T12:00:00Z"), when.convert("3m"));
    assertEquals(java.time.Instant.parse("2025-03-31T12:00:00Z"), when.convert("1y"));
    assertEquals(java.time.Instant.parse("2025-01-31T00:00:00Z"), when.convert("2025-01-31"));
  }
}
