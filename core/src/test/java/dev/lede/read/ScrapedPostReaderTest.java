package dev.lede.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import dev.lede.article.ArticleIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScrapedPostReaderTest {

  @Test
  void readsEveryPartOfAFullPost() {
    Collected c = Collected.readFixture("post/full_post.txt");
    Article a = c.onlyArticle();
    assertEquals("Harwick Council Approves Riverside Flood Barrier After Year of Delays", a.headline());
    assertEquals("3f2a9c1e-8b7d-4e2f-9a01-5c6d7e8f9a0b", a.id());
    assertEquals(Map.of("counter", "17"), a.attributes());
    assertEquals("harwickherald.example", a.source());
    assertTrue(a.lead().startsWith("Harwick’s council voted on Tuesday"), a.lead());
    assertTrue(a.body().startsWith("The barrier, a 1.2-kilometre wall"), a.body());
    assertTrue(a.body().endsWith("saw the first concrete poured."), a.body());
    assertNull(a.published());
    assertEquals(new Origin(c.origins.get(0).file(), 1, InputFormat.POST), c.origins.get(0));
  }

  @Test
  void stripsSiteFooter() {
    Article a = Collected.readFixture("post/full_post.txt").onlyArticle();
    assertFalse(a.body().contains("Leave a Reply"), a.body());
    assertFalse(a.body().contains("Your email address"), a.body());
    assertFalse(a.body().contains("Original Source"), a.body());
    assertFalse(a.body().contains("Comment"), a.body());
  }

  @Test
  void toleratesCrlfByteOrderMarkAndCurlyQuotes() {
    Article a = Collected.readFixture("post/crlf_bom_curly_quotes.txt").onlyArticle();
    assertEquals("Tram Line’s “Soft Launch” Draws Crowds in Eastfield", a.headline());
    assertEquals("b7c1d2e3-f405-4a6b-8c7d-9e0f1a2b3c4d", a.id());
    assertEquals("4", a.attributes().get("counter"));
    assertEquals("eastfieldnews.example", a.source());
    assertEquals(
        "Eastfield’s new tram line opened to passengers on Saturday in what the operator called a “soft launch”.",
        a.lead());
    assertFalse(a.body().contains("\r"), a.body());
    assertFalse(a.body().contains("Leave a Reply"), a.body());
  }

  @Test
  void derivesTheIdWhenCounterUuidAndSourceAreMissing() {
    Collected c = Collected.readFixture("post/missing_counter_uuid_and_source.txt");
    Article a = c.onlyArticle();
    assertEquals(List.of(), c.rejections, "missing parts are normal, not errors");
    assertEquals(ArticleIds.derive(null, null, "Library Extends Opening Hours for Exam Season"), a.id());
    assertNull(a.source());
    assertEquals(Map.of(), a.attributes());
    assertTrue(a.lead().startsWith("The central library in Portwell"), a.lead());
    assertTrue(a.body().startsWith("Students had petitioned"), a.body());
  }

  @Test
  void recognisesTheFooterWithoutASourceLine() {
    Article a = Collected.readFixture("post/footer_without_source_line.txt").onlyArticle();
    assertEquals("c0ffee00-1234-4abc-8def-0123456789ab", a.id());
    assertTrue(a.body().startsWith("The judges praised"), a.body());
    assertFalse(a.body().contains("Leave a Reply"), a.body());
    assertFalse(a.body().contains("Your email"), a.body());
  }

  @Test
  void readsOptionalPublishedByAndUrlLines() {
    Article a = Collected.readFixture("post/published_and_byline.txt").onlyArticle();
    assertEquals(Instant.parse("2024-11-03T08:30:00Z"), a.published());
    assertEquals(List.of("Tomasz Wilk", "Ana Ferreira"), a.authors());
    assertEquals("https://www.coastlinewire.example/ferry-resumes", a.url());
    assertEquals("coastlinewire.example", a.source());
    assertEquals("The island ferry sailed again on Sunday after three weeks of repairs to the storm-damaged pier.", a.lead());
    assertEquals("Ticket prices are unchanged, the operator said.", a.body());
  }

  @Test
  void rejectsAnUnparseableDateNamingTheLineAndValue() {
    Collected c = Collected.readFixture("post/bad_published_date.txt");
    Rejection r = c.onlyRejection();
    assertEquals(5, r.record());
    assertEquals(Rejection.Unit.LINE, r.unit());
    assertEquals("'Published' is not a date: \"last Thursday\"", r.reason());
    assertTrue(r.toString().endsWith("bad_published_date.txt line 5: 'Published' is not a date: \"last Thursday\""), r.toString());
    assertEquals(List.of(), c.articles);
  }

  @Test
  void rejectsInvalidUtf8NamingLineAndColumn() {
    Collected c = Collected.readFixture("post/invalid_utf8.txt");
    Rejection r = c.onlyRejection();
    assertEquals(5, r.record());
    assertEquals("not valid UTF-8: byte 0xA3 at column 15", r.reason());
    assertEquals(List.of(), c.articles);
  }

  @Test
  void rejectsABinaryFileOnceForTheWholeFile() {
    Collected c = Collected.readFixture("post/binary.txt");
    Rejection r = c.onlyRejection();
    assertEquals(Rejection.Unit.FILE, r.unit());
    assertEquals(0, r.record());
    assertEquals("binary data, not text (byte 0x00 at offset 8)", r.reason());
    assertTrue(r.toString().endsWith("binary.txt: binary data, not text (byte 0x00 at offset 8)"), r.toString());
  }

  @Test
  void skipsAnEmptyFileWithoutError() {
    Collected c = Collected.readFixture("post/empty.txt");
    assertEquals(List.of(), c.articles);
    assertEquals(List.of(), c.rejections);
    assertEquals(List.of("empty.txt: empty"), c.skipped);
  }

  @Test
  void aHeadlineAloneIsAnArticle() {
    Article a = Collected.readFixture("post/headline_only.txt").onlyArticle();
    assertEquals("Breaking: Power Cut Hits Northern Districts", a.headline());
    assertEquals("", a.lead());
    assertEquals("", a.body());
  }

  @Test
  void aSourceLineWithAUrlGivesSourceAndUrl() {
    Article a = Collected.readFixture("post/source_is_url.txt").onlyArticle();
    assertEquals("portnews.example", a.source());
    assertEquals("https://www.portnews.example/2024/cranes-replaced", a.url());
    assertEquals(ArticleIds.derive("portnews.example", a.url(), null), a.id());
  }

  @Test
  void joinsTheLinesOfAWrappedParagraph(@TempDir Path dir) throws Exception {
    Path post = dir.resolve("wrapped.txt");
    Files.writeString(post, "Wrapped\n\nfirst line of the lead\nsecond line of the lead\n\nbody\n");
    Article a = Collected.read(post).onlyArticle();
    assertEquals("first line of the lead second line of the lead", a.lead());
    assertEquals("body", a.body());
  }

  @Test
  void rejectsAPostOverTheRecordLimit(@TempDir Path dir) throws Exception {
    Path post = dir.resolve("huge.txt");
    Files.writeString(post, "Huge\n\n" + "word ".repeat(1000));
    Collected c = Collected.read(new ReadLimits(2048, 1 << 20), post);
    Rejection r = c.onlyRejection();
    assertEquals(Rejection.Unit.FILE, r.unit());
    assertEquals("post is larger than the limit of 2 KiB per record", r.reason());
  }

  @Test
  void readsASourceDomainOnTheLineAfterTheLabel(@TempDir Path dir) throws Exception {
    Path post = dir.resolve("split_source.txt");
    Files.writeString(post, "Headline\n\nLead.\n\nOriginal Source:\n\nwww.splitline.example\n\nLeave a Reply\n");
    Article a = Collected.read(post).onlyArticle();
    assertEquals("splitline.example", a.source());
    assertEquals("", a.body());
  }

  // The acceptance check on the one real example we have.
  @Test
  void readsTheSeedExample() {
    Path seed = Path.of("..").resolve("../shared/seed/000_624c66a038de60f1.txt").normalize();
    Assumptions.assumeTrue(Files.isRegularFile(seed), "seed example not present at " + seed.toAbsolutePath());
    Article a = Collected.read(seed).onlyArticle();
    assertEquals("North Korea Prepares to Send More Troops to Ukraine Amid Diplomatic Shifts", a.headline());
    assertEquals("97e97534-22cf-4d02-b9a6-d32105d6ccf7", a.id());
    assertEquals("theguardian.com", a.source());
    assertTrue(a.lead().startsWith("North Korea is reportedly preparing"), a.lead());
    assertEquals("0", a.attributes().get("counter"));
    assertTrue(a.body().startsWith("Recent reports from South Korean military officials"), a.body());
    assertTrue(a.body().endsWith("evolving geopolitical landscape."), a.body());
    assertFalse(a.body().contains("Leave a Reply"), a.body());
    assertFalse(a.body().contains("Your email address"), a.body());
  }
}
