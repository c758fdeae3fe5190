package dev.lede.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReaderTest {

  @Test
  void mapsTheCommonFieldNames() {
    Collected c = Collected.readFixture("jsonl/good.jsonl");
    assertEquals(List.of(), c.rejections);
    assertEquals(3, c.articles.size());

    Article first = c.articles.get(0);
    assertEquals("l1", first.id());
    assertEquals("Airport Adds Evening Flights to Madeira", first.headline());
    assertEquals("Two extra weekly flights start in July.", first.lead());
    assertEquals("The airline cited strong demand from retirees.", first.body());
    assertEquals("travelwire.example", first.source());
    assertEquals(Instant.parse("2024-06-01T10:00:00Z"), first.published());
    assertEquals(List.of("Mo Diallo"), first.authors());

    Article second = c.articles.get(1);
    assertEquals("Hospital Car Park Fees Scrapped", second.headline());
    assertEquals("Patients will park free from Monday.", second.lead());
    assertEquals("https://www.cityhealthnews.example/parking", second.url());
    assertEquals("cityhealthnews.example", second.source(), "derived from the url's host");
    assertEquals(Instant.parse("2024-06-02T00:00:00Z"), second.published(), "a plain date is UTC midnight");
    assertEquals(List.of(), second.authors());

    Article third = c.articles.get(2);
    assertEquals("railtoday.example", third.source());
    assertEquals(Instant.parse("2024-06-03T18:45:00Z"), third.published());
    assertEquals(InputFormat.NEWSPLEASE, c.origins.get(2).format(), "news-please keys are recognised per record");
    assertEquals(InputFormat.JSONL, c.origins.get(0).format());
    assertEquals(List.of(1L, 2L, 3L), c.origins.stream().map(Origin::record).toList());
  }

  @Test
  void reportsInvalidUtf8WithLineAndColumnAndKeepsTheOtherLines() {
    Collected c = Collected.readFixture("jsonl/invalid_utf8.jsonl");
    assertEquals(List.of("v1", "v3"), c.ids());
    Rejection r = c.onlyRejection();
    assertEquals(2, r.record());
    assertEquals("not valid UTF-8: byte 0xE9 at column 27", r.reason());
    assertTrue(r.toString().endsWith("invalid_utf8.jsonl line 2: not valid UTF-8: byte 0xE9 at column 27"), r.toString());
  }

  @Test
  void rejectsARecordWithNeitherHeadlineNorBody() {
    Collected c = Collected.readFixture("jsonl/missing_headline_and_body.jsonl");
    assertEquals(List.of("h1", "h3"), c.ids());
    Rejection r = c.onlyRejection();
    assertEquals(2, r.record());
    assertEquals("article has neither a headline nor a body", r.reason());
  }

  @Test
  void reportsTruncatedRecordWithLineNumber() {
    Collected c = Collected.readFixture("jsonl/truncated_record.jsonl");
    assertEquals(List.of("c1", "c3"), c.ids());
    Rejection r = c.onlyRejection();
    assertEquals(2, r.record());
    assertTrue(r.reason().startsWith("not valid JSON: Unexpected end-of-input"), r.reason());
    assertTrue(r.reason().endsWith("at column 27"), r.reason());
  }

  @Test
  void rejectsAnUnparseableDateNamingFieldAndValue() {
    Collected c = Collected.readFixture("jsonl/bad_date.jsonl");
    assertEquals(List.of("d1"), c.ids());
    assertEquals(Instant.parse("2024-01-31T10:00:00Z"), c.articles.get(0).published());
    Rejection r = c.onlyRejection();
    assertEquals(3, r.record(), "blank lines still count");
    assertTrue(r.toString().endsWith("bad_date.jsonl line 3: 'published' is not a date: \"yesterday\""), r.toString());
  }

  @Test
  void acceptsCrlfAndBlankLines() {
    Collected c = Collected.readFixture("jsonl/crlf_and_blank_lines.jsonl");
    assertEquals(List.of("r1", "r2"), c.ids());
    assertEquals(List.of(2L, 5L), c.origins.stream().map(Origin::record).toList());
    assertEquals(List.of(), c.rejections);
  }

  @Test
  void anEmptyFileGivesNothingAndNoError() {
    Collected c = Collected.readFixture("jsonl/empty.jsonl");
    assertEquals(List.of(), c.articles);
    assertEquals(List.of(), c.rejections);
    assertEquals(List.of("empty.jsonl: empty"), c.skipped);
    assertEquals(1, c.report.files());
  }

  @Test
  void rejectsLinesThatAreNotOneObject() {
    Collected c = Collected.readFixture("jsonl/not_objects.jsonl");
    assertEquals(List.of("o3"), c.ids());
    assertEquals(3, c.rejections.size(), () -> c.rejections.toString());
    assertEquals(1, c.rejections.get(0).record());
    assertEquals("expected a JSON object, found an array", c.rejections.get(0).reason());
    assertEquals("expected a JSON object, found a string", c.rejections.get(1).reason());
    assertEquals(4, c.rejections.get(2).record());
    assertTrue(c.rejections.get(2).reason().startsWith("not valid JSON: Trailing token"), c.rejections.get(2).reason());
  }

  // A 10 MB record is large but legal under the default 16 MiB limit; with a smaller limit it is
  // rejected without being held, and the next line still comes through.
  @Test
  void readsATenMegabyteLineAndRejectsItOverALowerLimit(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("big.jsonl");
    String body = "abcdefghi ".repeat(1_000_000);
    Files.writeString(
        file,
        "{\"id\":\"big\",\"title\":\"Big\",\"body\":\"" + body + "\"}\n{\"id\":\"after\",\"title\":\"After\"}\n",
        StandardCharsets.UTF_8);

    Collected whole = Collected.read(file);
    assertEquals(List.of("big", "after"), whole.ids());
    assertEquals(body.strip(), whole.articles.get(0).body());

    Collected limited = Collected.read(new ReadLimits(1 << 20, 1L << 30), file);
    assertEquals(List.of("after"), limited.ids());
    Rejection r = limited.onlyRejection();
    assertEquals(1, r.record());
    assertEquals("record is 10000036 bytes, over the limit of 1 MiB per record", r.reason());
  }

  @Test
  void readsGzipByExtensionAndByMagicBytes(@TempDir Path dir) throws IOException {
    byte[] plain = Files.readAllBytes(Collected.fixture("jsonl/good.jsonl"));
    Path named = dir.resolve("news.jsonl.gz");
    Path unnamed = dir.resolve("news.jsonl"); // gzip inside, but the name does not say so
    gzip(plain, named);
    gzip(plain, unnamed);
    Collected c = Collected.read(named, unnamed);
    assertEquals(List.of("l1", "l2", c.articles.get(2).id(), "l1", "l2", c.articles.get(2).id()), c.ids());
    assertEquals(List.of(), c.rejections);
    assertEquals(Files.size(named) + Files.size(unnamed), c.report.bytes(), "bytes as stored, before decompression");
  }

  @Test
  void reportsTruncatedGzipAfterTheLastGoodLine(@TempDir Path dir) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 2000; i++) {
      lines.append("{\"id\":\"n").append(i).append("\",\"title\":\"Record number ").append(i).append(" of a long file\"}\n");
    }
    Path whole = dir.resolve("whole.jsonl.gz");
    gzip(lines.toString().getBytes(StandardCharsets.UTF_8), whole);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = dir.resolve("cut.jsonl.gz");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    Collected c = Collected.read(cut);
    Rejection r = c.onlyRejection();
    assertEquals(Rejection.Unit.FILE, r.unit());
    assertTrue(r.reason().startsWith("corrupt or truncated gzip data ("), r.reason());
    assertTrue(r.reason().endsWith("; stopped after line " + c.articles.size()), r.reason());
    assertTrue(c.articles.size() > 100, "the lines before the break come through: " + c.articles.size());
  }

  @Test
  void stopsAGzipFileAtTheDecompressionLimit(@TempDir Path dir) throws IOException {
    String line = "{\"id\":\"x\",\"title\":\"" + "z".repeat(900) + "\"}\n";
    Path bomb = dir.resolve("bomb.jsonl.gz");
    gzip(line.repeat(200).getBytes(StandardCharsets.UTF_8), bomb);
    Collected c = Collected.read(new ReadLimits(4096, 50_000), bomb);
    Rejection r = c.onlyRejection();
    assertEquals("decompresses to more than 50000 bytes, the limit per gzip file; stopped after line " + c.articles.size(), r.reason());
    assertTrue(c.articles.size() >= 40 && c.articles.size() <= 54, "articles before the limit: " + c.articles.size());
  }

  // Deep nesting is a way to exhaust a stack; it is one rejection like any other bad line.
  @Test
  void rejectsAbsurdNestingAndGoesOn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("deep.jsonl");
    Files.writeString(file, "[".repeat(100_000) + "\n{\"id\": \"after\", \"title\": \"After\"}\n");
    Collected c = Collected.read(file);
    assertEquals(List.of("after"), c.ids());
    Rejection r = c.onlyRejection();
    assertEquals(1, r.record());
    assertEquals("over a size limit: Document nesting depth (101) exceeds the maximum allowed (100)", r.reason());
  }

  // A CSV file read as JSON Lines: a hundred rejections and one that says what is wrong, not a million.
  @Test
  void givesUpOnAFileWhoseFirstHundredLinesAreAllRejected(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("export.jsonl");
    StringBuilder csv = new StringBuilder("id,title\n");
    for (int i = 0; i < 5000; i++) {
      csv.append(i).append(",Headline ").append(i).append('\n');
    }
    Files.writeString(file, csv);
    Collected c = Collected.read(file);
    assertEquals(List.of(), c.articles);
    assertEquals(101, c.rejections.size());
    Rejection last = c.rejections.get(100);
    assertEquals(Rejection.Unit.FILE, last.unit());
    assertEquals("gave up after its first 100 lines were all rejected: is this JSON Lines?", last.reason());
  }

  @Test
  void keepsGoingWhenAnEarlyLineWasGood(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("mostly_bad.jsonl");
    StringBuilder lines = new StringBuilder("{\"id\": \"good\", \"title\": \"Good\"}\n");
    for (int i = 0; i < 300; i++) {
      lines.append("not json\n");
    }
    lines.append("{\"id\": \"last\", \"title\": \"Last\"}\n");
    Files.writeString(file, lines);
    Collected c = Collected.read(file);
    assertEquals(List.of("good", "last"), c.ids());
    assertEquals(300, c.rejections.size());
  }

  static void gzip(byte[] data, Path target) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
      out.write(data);
    }
  }
}
