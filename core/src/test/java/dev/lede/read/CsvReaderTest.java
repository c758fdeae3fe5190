package dev.lede.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15: a CSV export was read as one scraped post; it is a header row and one article per row. */
class CsvReaderTest {

  @Test
  void mapsHeaderNamesQuotedFieldsAndEmbeddedLineEnds() {
    Collected c = Collected.readFixture("csv/news.csv");
    assertEquals(List.of(), c.rejections);
    assertEquals(3, c.articles.size());
    Article first = c.articles.get(0);
    assertEquals("c1", first.id());
    assertEquals("Ferry Timetable Changes", first.headline());
    assertEquals("Sailings move, again, from Monday.", first.lead());
    assertEquals("The operator said \"demand\" had shifted.\nEvening sailings end.", first.body());
    assertEquals("bayferry.example", first.source());
    assertEquals("https://bayferry.example/t", first.url());
    assertEquals(Instant.parse("2024-05-02T08:00:00Z"), first.published());
    assertEquals(List.of("Ann Lee", "Bo Chen"), first.authors());
    assertEquals("en", first.language());
    assertEquals("Travel", first.attributes().get("Section"), "an unknown column is kept as an attribute");
    assertEquals(List.of(2L, 4L, 6L), c.origins.stream().map(Origin::record).toList(), "the line each row starts on");
    assertTrue(c.origins.stream().allMatch(o -> o.format() == InputFormat.CSV));
  }

  @Test
  void emptyCellsAreAbsentFieldsAndIdsAreDerived() {
    Article second = Collected.readFixture("csv/news.csv").articles.get(1);
    assertEquals("Bakery Wins Prize", second.headline());
    assertEquals("", second.lead());
    assertEquals("crumbnews.example", second.source(), "from the url's host, as in JSON");
    assertEquals(List.of(), second.authors());
    assertTrue(!second.attributes().containsKey("Section") || second.attributes().get("Section").equals("Food"));
  }

  @Test
  void markupIsCleanedAndEpochSecondsAreDates() {
    Article third = Collected.readFixture("csv/news.csv").articles.get(2);
    assertEquals("Market & Fair Return", third.headline());
    assertEquals("Stalls are back.\n\nSo are crowds.", third.lead());
    assertEquals(Instant.parse("2024-05-03T08:00:00Z"), third.published());
  }

  @Test
  void gzipIsReadByExtension() {
    Collected c = Collected.readFixture("csv/news.csv.gz");
    assertEquals(List.of(), c.rejections);
    assertEquals(List.of("c1", c.articles.get(1).id(), c.articles.get(2).id()), c.ids());
    assertEquals(3, c.articles.size());
  }

  @Test
  void byteOrderMarkIsNotPartOfTheFirstColumnName() {
    Article a = Collected.readFixture("csv/bom.csv").onlyArticle();
    assertEquals("BOM Export Read", a.headline());
    assertEquals(List.of(), List.copyOf(a.attributes().keySet()));
  }

  @Test
  void eachBadRowIsRejectedWithLineAndReasonAndTheRestIsRead() {
    Collected c = Collected.readFixture("csv/bad_rows.csv");
    assertEquals(List.of("Good First", "Good Last"), c.articles.stream().map(Article::headline).toList());
    List<String> shown = c.rejections.stream().map(r -> r.toString().substring(r.toString().indexOf("bad_rows.csv"))).toList();
    assertEquals(List.of(
        "bad_rows.csv line 3: 'published' is not a date: \"yesterday\"",
        "bad_rows.csv line 4: row has 4 fields, the header has 3 (is a field with a comma not quoted?)",
        "bad_rows.csv line 5: text after the closing quote of field 1",
        "bad_rows.csv line 6: text after the closing quote of field 1",
        "bad_rows.csv line 8: the quoted field opened on line 8 is never closed"), shown);
  }

  @Test
  void invalidUtf8RejectsOnlyItsRow() {
    Collected c = Collected.readFixture("csv/invalid_utf8.csv");
    assertEquals(List.of("Valid Row", "After It"), c.articles.stream().map(Article::headline).toList());
    Rejection r = c.onlyRejection();
    assertEquals(3, r.record());
    assertEquals("field 2 is not valid UTF-8: byte 0xE9 at column 4", r.reason());
  }

  @Test
  void fileWithoutARecognisableHeaderIsRejectedAsAWhole() {
    Collected c = Collected.readFixture("csv/no_header.csv");
    assertEquals(List.of(), c.articles);
    Rejection r = c.onlyRejection();
    assertEquals(Rejection.Unit.FILE, r.unit());
    assertTrue(r.reason().startsWith("no header row naming a headline, lead or body column (such as title, headline, "
        + "description, body or text); the first row is: 3,Wall St. Bears"), r.reason());
  }

  @Test
  void agNewsExportWithItsHeaderIsOneArticlePerRow() {
    // issue 15: `lede index ag.csv` said "read 1, added 1"
    Article a = Collected.readFixture("csv/ag_news_style.csv").onlyArticle();
    assertEquals("Wall St. Bears Claw Back Into the Black", a.headline());
    assertEquals("Reuters - Short-sellers, Wall Street's dwindling band of ultra-cynics, are seeing green again.", a.lead());
    assertEquals("3", a.attributes().get("Class Index"));
  }

  @Test
  void formatIsChosenByExtensionOrForcedByName() throws IOException {
    assertEquals(InputFormat.CSV, InputFormat.parse("csv"));
    byte[] bytes = Files.readAllBytes(Collected.fixture("csv/news.csv"));
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      Collected c = Collected.read(in, "-", InputFormat.CSV);
      assertEquals(3, c.articles.size());
    }
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      Collected c = Collected.read(in, "export.csv", InputFormat.AUTO);
      assertEquals(3, c.articles.size());
    }
  }

  @Test
  void rowsOfEmptyCellsAreSkippedLikeBlankLines() {
    // spreadsheets write ",,," for the empty rows under their data
    String csv = "title,body,date\nOnly Row,Text.,2024-01-01\n,,\n  , ,\n\"\",,\n\n";
    Collected c = Collected.read(new ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "sheet.csv", InputFormat.AUTO);
    assertEquals(List.of(), c.rejections);
    assertEquals("Only Row", c.onlyArticle().headline());
  }

  @Test
  void rowOverTheRecordLimitIsRejectedAndReadingGoesOn() {
    String big = "x".repeat(1100);
    String csv = "title,body\nSmall One,ok\n\"Big\"," + big + "\nSmall Two,ok\n";
    Collected c = new Collected();
    c.report = ArticleInputs.read(new ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "big.csv",
        InputFormat.AUTO, new ReadLimits(1024, ReadLimits.DEFAULTS.maxDecompressedBytes()), c);
    assertEquals(List.of("Small One", "Small Two"), c.articles.stream().map(Article::headline).toList());
    assertEquals("big.csv line 3: row is 1105 bytes, over the limit of 1 KiB per record", c.onlyRejection().toString());
  }
}
