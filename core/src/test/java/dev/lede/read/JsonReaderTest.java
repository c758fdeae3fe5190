package dev.lede.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReaderTest {

  @Test
  void readsAnArrayAndKeepsUnknownFieldsAsAttributes() {
    Collected c = Collected.readFixture("json/array.json");
    assertEquals(List.of(), c.rejections);
    assertEquals(List.of("json-1", "json-2"), c.ids());

    Article first = c.articles.get(0);
    assertEquals("Water Rates to Rise by Four Percent", first.headline());
    assertEquals("Households in Brenmouth will pay more from April.", first.lead());
    assertEquals("The utility said the rise covers pipe replacement.\n\nIt is the first increase in three years.", first.body());
    assertEquals("brenmouthpost.example", first.source());
    assertEquals("https://brenmouthpost.example/water-rates", first.url());
    assertEquals(Instant.parse("2024-03-05T09:15:00Z"), first.published(), "RFC 1123");
    assertEquals(List.of("Dana Okafor"), first.authors());
    assertEquals("en", first.language());
    assertEquals("local", first.attributes().get("category"));
    assertEquals("[\"water\",\"prices\"]", first.attributes().get("tags"), "non-strings as compact JSON");
    assertEquals("48", first.attributes().get("wordCount"));

    Article second = c.articles.get(1);
    assertEquals("highgatetimes.example", second.source());
    assertEquals(List.of("Sam Reyes", "Lee Park"), second.authors());
    assertEquals(
        List.of(
            new Entity("Highgate Academy", EntityType.OTHER),
            new Entity("Lyon", EntityType.PLACE),
            new Entity("Sam Reyes", EntityType.PERSON)),
        second.entities());
    assertEquals(List.of(1L, 2L), c.origins.stream().map(Origin::record).toList());
    assertEquals(InputFormat.JSON, c.origins.get(0).format());
  }

  @Test
  void readsASingleObject() {
    Article a = Collected.readFixture("json/single_object.json").onlyArticle();
    assertEquals("solo-7", a.id());
    assertEquals("transitnow.example", a.source());
    assertEquals(Instant.parse("2023-12-01T21:00:00Z"), a.published(), "offset date-time");
    assertEquals(List.of("Kit Moran", "Jo Bell", "Ray Ng"), a.authors(), "a byline string is split");
    assertEquals("Four new night routes start next month.", a.body());
  }

  @Test
  void deliversTheCompleteRecordsOfATruncatedArrayThenOneRejection() {
    Collected c = Collected.readFixture("json/truncated_array.json");
    assertEquals(List.of("t1", "t2"), c.ids());
    Rejection r = c.onlyRejection();
    assertEquals(Rejection.Unit.RECORD, r.unit());
    assertEquals(3, r.record());
    assertTrue(r.reason().startsWith("not valid JSON: Unexpected end-of-input"), r.reason());
    assertTrue(r.reason().endsWith("at line 4 column 37"), r.reason());
    assertTrue(r.toString().contains("truncated_array.json record 3: not valid JSON"), r.toString());
  }

  @Test
  void stopsAtInvalidUtf8AfterTheRecordsBeforeIt() {
    Collected c = Collected.readFixture("json/invalid_utf8.json");
    assertEquals(List.of("u1"), c.ids());
    Rejection r = c.onlyRejection();
    assertEquals(2, r.record());
    assertEquals("not valid UTF-8: byte 0xFF at line 3 column 30", r.reason());
  }

  @Test
  void rejectsEachBadRecordAndKeepsTheGoodOnes() {
    Collected c = Collected.readFixture("json/mixed_records.json");
    assertEquals(List.of("m1", "m6"), c.ids());
    assertEquals(Instant.ofEpochSecond(1_700_000_000L), c.articles.get(1).published(), "epoch seconds");
    List<String> got = c.rejections.stream().map(r -> r.record() + ": " + r.reason()).toList();
    assertEquals(
        List.of(
            "2: expected a JSON object, found a string",
            "3: article has neither a headline nor a body",
            "4: 'date' is not a date: \"someday\"",
            "5: 'title' is not text: [\"not\",\"text\"]"),
        got);
  }

  @Test
  void anEmptyOrBlankFileIsSkipped() {
    Collected c = Collected.readFixture("json/empty.json");
    assertEquals(List.of(), c.articles);
    assertEquals(List.of(), c.rejections);
    assertEquals(List.of("empty.json: empty"), c.skipped);
  }

  @Test
  void rejectsABinaryFileOnce() {
    Collected c = Collected.readFixture("json/binary.json");
    Rejection r = c.onlyRejection();
    assertEquals(Rejection.Unit.FILE, r.unit());
    assertEquals("binary data, not text (byte 0x00 at offset 1)", r.reason());
  }

  @Test
  void readsConcatenatedTopLevelObjects(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("seq.json");
    Files.writeString(file, "{\"id\": \"s1\", \"title\": \"One\"}\n{\n \"id\": \"s2\",\n \"title\": \"Two\"\n}\n");
    Collected c = Collected.read(file);
    assertEquals(List.of("s1", "s2"), c.ids());
  }

  // An oversized element is skipped without being built, and the array goes on after it.
  @Test
  void skipsAnArrayElementOverTheRecordLimit(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("big.json");
    String many = "\"word\",".repeat(2000);
    Files.writeString(
        file,
        "[{\"id\": \"a\", \"title\": \"Small\"},\n"
            + " {\"id\": \"b\", \"title\": \"Big\", \"tags\": [" + many + "\"end\"], \"nested\": {\"x\": [1, [2]]}},\n"
            + " {\"id\": \"c\", \"title\": \"Small Again\"}]\n");
    Collected c = Collected.read(new ReadLimits(4096, 1L << 30), file);
    assertEquals(List.of("a", "c"), c.ids());
    Rejection r = c.onlyRejection();
    assertEquals(2, r.record());
    assertEquals("record is larger than the limit of 4 KiB per record", r.reason());
  }
  // A single string over the limit cannot be skipped without Jackson holding it, so Jackson's own
  // limit stops it; the JSON document ends there, after the records before it.
  @Test
  void aStringOverTheRecordLimitEndsTheDocumentAfterTheRecordsBeforeIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("long_string.json");
    Files.writeString(
        file,
        "[{\"id\": \"a\", \"title\": \"Before\"},\n {\"id\": \"b\", \"body\": \"" + "x".repeat(5000) + "\"}]");
    Collected c = Collected.read(new ReadLimits(1024, 1L << 30), file);
    assertEquals(List.of("a"), c.ids());
    Rejection r = c.onlyRejection();
    assertEquals(2, r.record());
    assertTrue(r.reason().startsWith("over a size limit: String value length"), r.reason());
    assertTrue(!r.reason().contains("StreamReadConstraints"), r.reason());
  }
}
