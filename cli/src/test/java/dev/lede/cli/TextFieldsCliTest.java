package dev.lede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, seen from the command line: CSV input, HTML in fields, bylines that can be searched,
 * filtered and counted, and CSV output with chosen columns.
 */
class TextFieldsCliTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path index;
  static Run indexed;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = LedeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), new HashMap<>(),
        new ByteArrayInputStream(new byte[0])).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Run lede(String... args) {
    List<String> full = new ArrayList<>(List.of("--index", index.toString()));
    full.addAll(List.of(args));
    return run(full.toArray(String[]::new));
  }

  static JsonNode json(Run r) {
    try {
      return JSON.readTree(r.out());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + r.out() + r.err(), e);
    }
  }

  static List<String> ids(JsonNode result) {
    List<String> out = new ArrayList<>();
    result.get("hits").forEach(h -> out.add(h.get("id").asText()));
    return out;
  }

  @BeforeAll
  static void indexACsvExport() throws Exception {
    index = dir.resolve("idx");
    Path csv = dir.resolve("export.csv");
    Files.writeString(csv, String.join("\r\n",
        "id,title,description,text,source,date,author",
        "tide,Tide &amp; Weather Tables Revised,<p>The harbour office updated its charts.</p><p>Boats wait.</p>,"
            + "\"Skippers said \"\"finally\"\", and the new tables, printed in blue, went up.\",harbour.example,2025-03-01,\"By Ann Lee, Bo Chen\"",
        "bridge,&lt;b&gt;Bridge&lt;/b&gt; Closes for Repairs,Drivers face detours all week.,,roads.example,2025-03-02,Ann Lee",
        "lee-park,Lee Park Gets New Benches,The council approved the spending.,,council.example,2025-03-03,Cy Diaz",
        ""), StandardCharsets.UTF_8);
    indexed = lede("index", csv.toString());
  }

  @Test
  void aCsvExportIsOneArticlePerRow() {
    // issue 15: `lede index ag.csv` said "read 1, added 1"
    assertEquals(ExitCodes.OK, indexed.code(), indexed.err());
    assertTrue(indexed.out().startsWith("read 3, added 3,"), indexed.out());
  }

  @Test
  void formatCsvForcesCsvWhateverTheName(@TempDir Path other) throws Exception {
    Path txt = other.resolve("export.txt");
    Files.writeString(txt, "headline,lead\nForced Format Works,Read as CSV.\nSecond Row,Also read.\n");
    Run r = run("--index", other.resolve("idx").toString(), "index", "--format", "csv", txt.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().startsWith("read 2, added 2,"), r.out());
  }

  @Test
  void aCsvWithoutHeaderIsRejectedWithAReason(@TempDir Path other) throws Exception {
    Path csv = other.resolve("ag.csv");
    Files.writeString(csv, "\"3\",\"Wall St. Bears Claw Back\",\"Short-sellers are seeing green.\"\n");
    Run r = run("--index", other.resolve("idx").toString(), "index", csv.toString());
    assertEquals(ExitCodes.REJECTED, r.code(), r.err());
    assertTrue(r.err().contains("ag.csv: no header row naming a headline, lead or body column"), r.err());
  }

  @Test
  void markupNeverReachesTextJsonOrCsvOutput() {
    // issue 15: &amp;, &quot; and <b> showed in every output format
    for (String format : List.of("text", "json", "csv")) {
      Run r = lede("search", "tables OR bridge", "--format", format);
      assertEquals(ExitCodes.OK, r.code(), r.err());
      for (String markup : List.of("&amp;", "&lt;", "<b>", "<p>", "&quot;")) {
        assertFalse(r.out().contains(markup), format + " shows " + markup + ": " + r.out());
      }
    }
    JsonNode hit = json(lede("search", "bridge", "--format", "json")).get("hits").get(0);
    assertEquals("Bridge Closes for Repairs", hit.get("headline").asText());
  }

  @Test
  void anAuthorsNameFindsTheirArticles() {
    // issue 15: `lede search <author name>` found nothing
    List<String> found = ids(json(lede("search", "Bo Chen", "--format", "json")));
    assertEquals(List.of("tide"), found);
    Run text = lede("search", "Bo Chen");
    assertTrue(text.out().contains("harbour.example · 2025-03-01 · by Ann Lee, Bo Chen · tide"), text.out());
  }

  @Test
  void authorOptionAndAuthorFieldFilterByWholeName() {
    assertEquals(List.of("bridge", "tide"), ids(json(lede("search", "--author", "ann lee", "--format", "json"))).stream().sorted().toList());
    assertEquals(List.of("tide"), ids(json(lede("search", "--author", "Ann Lee", "--author", "Bo Chen", "--format", "json"))));
    assertEquals(List.of("bridge"), ids(json(lede("search", "detours author:\"Ann Lee\"", "--format", "json"))));
    Run none = lede("search", "--author", "Lee", "--format", "json");
    assertEquals(ExitCodes.NOTHING_FOUND, none.code(), "a filter is a whole name, not a word of one");
  }

  @Test
  void authorFacetInJsonAndText() {
    JsonNode facet = json(lede("search", "--facets", "--format", "json")).get("facets").get("author");
    assertEquals("Ann Lee", facet.get(0).get("value").asText());
    assertEquals(2, facet.get(0).get("count").asInt());
    Run text = lede("search", "--facets");
    assertTrue(text.out().contains("author: Ann Lee (2)  Bo Chen (1)  Cy Diaz (1)"), text.out());
  }

  @Test
  void entitiesAndSimilarTakeTheAuthorFilter() {
    Run entities = lede("entities", "--author", "Cy Diaz", "--format", "json");
    assertTrue(entities.code() == ExitCodes.OK || entities.code() == ExitCodes.NOTHING_FOUND, entities.err());
    Run similar = lede("similar", "tide", "--author", "Cy Diaz", "--format", "json");
    assertTrue(similar.code() == ExitCodes.OK || similar.code() == ExitCodes.NOTHING_FOUND, similar.err());
    for (JsonNode h : json(similar).get("hits")) {
      assertEquals("lee-park", h.get("id").asText(), "only Cy Diaz's articles");
    }
    Run unknown = lede("similar", "tide", "--author", "Nobody Here", "--format", "json");
    assertEquals(0, json(unknown).get("hits").size());
  }

  @Test
  void jsonHitsCarryLeadAndAuthors() {
    // issue 15 (item 14): fields only added, never renamed
    JsonNode hit = json(lede("search", "tide tables", "--format", "json")).get("hits").get(0);
    assertEquals("The harbour office updated its charts.\n\nBoats wait.", hit.get("lead").asText());
    assertEquals(List.of("Ann Lee", "Bo Chen"), JSON.convertValue(hit.get("authors"), List.class));
    assertTrue(hit.has("snippet") && hit.has("story") && hit.has("collapsed"));
  }

  @Test
  void csvDefaultKeepsTheOldColumnsFirstAndAddsTheNewOnes() {
    Run r = lede("search", "tide tables", "--format", "csv");
    String[] lines = r.out().split("\r\n");
    assertEquals("rank,id,score,headline,source,published,url,story,lead,authors,snippet,entities", lines[0]);
    assertTrue(lines[1].startsWith("1,tide,"), lines[1]);
    assertTrue(lines[1].contains(",Ann Lee; Bo Chen,"), lines[1]);
  }

  @Test
  void csvColumnsChooseAndOrderTheColumns() {
    Run r = lede("search", "bridge", "--format", "csv", "--columns", "authors,ID,headline");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertEquals("authors,id,headline\r\nAnn Lee,bridge,Bridge Closes for Repairs\r\n", r.out());
  }

  @Test
  void csvQuotesFieldsWithCommasQuotesAndLineEnds() {
    Run r = lede("search", "tide tables", "--format", "csv", "--columns", "id,lead");
    assertEquals("id,lead\r\ntide,\"The harbour office updated its charts.\n\nBoats wait.\"\r\n", r.out());
  }

  @Test
  void anUnknownColumnIsAUsageErrorNamingIt() {
    Run r = lede("search", "bridge", "--format", "csv", "--columns", "id,byline");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().startsWith("lede: ") && r.err().contains("'byline'") && r.err().contains("--columns"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void bomStartsCsvWithAByteOrderMark() {
    Run r = lede("search", "bridge", "--format", "csv", "--bom", "--columns", "id");
    assertEquals("\uFEFFid\r\nbridge\r\n", r.out());
  }

  @Test
  void csvOptionsWithAnotherFormatAreAUsageError() {
    Run r = lede("search", "bridge", "--format", "json", "--bom");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("--columns and --bom apply to --format csv only"), r.err());
  }
}
