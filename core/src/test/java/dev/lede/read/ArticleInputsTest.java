package dev.lede.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.BadInputException;
import dev.lede.article.Article;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleInputsTest {

  @Test
  void walksADirectoryInNameOrderSkippingHiddenAndUnknownFiles() {
    Collected c = Collected.readFixture("walk");
    assertEquals(List.of("w1", c.articles.get(1).id(), "w3"), c.ids());
    assertEquals("Walk Two", c.articles.get(1).headline());
    assertEquals(
        List.of(".hidden.json: hidden", ".hidden_dir: hidden", "README: no file extension", "d_notes.tsv: unknown extension '.tsv'"),
        c.skipped.stream().sorted().toList());
    assertEquals(3, c.report.files());
    assertEquals(
        Map.of(InputFormat.JSONL, 1L, InputFormat.POST, 1L, InputFormat.JSON, 1L), c.report.articlesByFormat());
    assertEquals(Map.of(ReadReport.NO_SOURCE, 3L), c.report.articlesBySource());
  }

  @Test
  void aFileNamedExplicitlyIsReadWhateverItsExtension() {
    Collected c = Collected.read(Collected.fixture("walk/README"));
    assertEquals("no extension", c.onlyArticle().headline(), "sniffed as a post");
  }

  @Test
  void theFormatArgumentOverridesTheExtension(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("export.txt");
    Files.writeString(file, "{\"id\": \"x1\", \"title\": \"JSON In A Text File\"}\n");
    assertEquals("{\"id\": \"x1\", \"title\": \"JSON In A Text File\"}", Collected.read(file).onlyArticle().headline());
    Collected forced = Collected.read(InputFormat.JSONL, file);
    assertEquals("x1", forced.onlyArticle().id());
    assertEquals(InputFormat.JSONL, forced.origins.get(0).format());
  }

  @Test
  void aMissingFileIsOneRejectionAndTheRestIsRead() {
    Path missing = Collected.fixture("jsonl").resolve("no_such_file.jsonl");
    Collected c = Collected.read(missing, Collected.fixture("jsonl/good.jsonl"));
    assertEquals(3, c.articles.size());
    Rejection r = c.onlyRejection();
    assertEquals(Rejection.Unit.FILE, r.unit());
    assertEquals(missing + ": no such file", r.toString());
  }

  @Test
  void readsStandardInputAsJsonLines() {
    byte[] in = "{\"id\": \"s1\", \"title\": \"From A Pipe\"}\n{\"id\": \"s2\"}\n".getBytes(StandardCharsets.UTF_8);
    Collected c = Collected.read(new ByteArrayInputStream(in), "-", InputFormat.AUTO);
    assertEquals(List.of("s1"), c.ids());
    assertEquals(new Origin("-", 1, InputFormat.JSONL), c.origins.get(0));
    assertEquals("- line 2: article has neither a headline nor a body", c.onlyRejection().toString());
    assertEquals(in.length, c.report.bytes());
    assertEquals(1, c.report.files());
  }

  @Test
  void sniffsTheFormatOfAStream() throws IOException {
    byte[] json = "[\n {\"id\": \"a1\", \"title\": \"In An Array\"}\n]".getBytes(StandardCharsets.UTF_8);
    Collected c = Collected.read(new ByteArrayInputStream(json), "-", InputFormat.AUTO);
    assertEquals(InputFormat.JSON, c.origins.get(0).format());

    byte[] post = "A Headline\n\nA lead.\n\nOriginal Source: example.org\n".getBytes(StandardCharsets.UTF_8);
    c = Collected.read(new ByteArrayInputStream(post), "-", InputFormat.AUTO);
    assertEquals("example.org", c.onlyArticle().source());
    assertEquals(InputFormat.POST, c.origins.get(0).format());

    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write("{\"id\": \"g1\", \"title\": \"Zipped\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    c = Collected.read(new ByteArrayInputStream(gz.toByteArray()), "-", InputFormat.AUTO);
    assertEquals(List.of("g1"), c.ids());
    assertEquals(InputFormat.JSONL, c.origins.get(0).format());
  }

  @Test
  void readAllReturnsTheArticles() {
    List<Article> all = ArticleInputs.readAll(Collected.fixture("jsonl/good.jsonl"));
    assertEquals(3, all.size());
  }

  @Test
  void readAllListsTheRejectionsWhenThereAreAny() {
    Path file = Collected.fixture("json/mixed_records.json");
    BadInputException e = assertThrows(BadInputException.class, () -> ArticleInputs.readAll(file));
    String[] lines = e.getMessage().split("\n");
    assertEquals("4 records rejected in " + file, lines[0]);
    assertEquals("  " + file + " record 2: expected a JSON object, found a string", lines[1]);
    assertEquals(5, lines.length);
  }

  @Test
  void sniffTellsJsonFromJsonLinesAndPosts() {
    assertEquals(InputFormat.JSONL, ArticleInputs.sniff(bytes("{\"a\":1}\n{\"a\":2}\n"), 0));
    assertEquals(InputFormat.JSON, ArticleInputs.sniff(bytes("{\n  \"a\": 1\n}\n"), 0));
    assertEquals(InputFormat.JSON, ArticleInputs.sniff(bytes("  [{\"a\":1}]"), 0));
    assertEquals(InputFormat.POST, ArticleInputs.sniff(bytes("Headline\n\nText"), 0));
  }

  @Test
  void knownExtensions() {
    assertTrue(ArticleInputs.knownExtension("a.JSONL"));
    assertTrue(ArticleInputs.knownExtension("a.ndjson.gz"));
    assertTrue(ArticleInputs.knownExtension("a.gz"));
    assertTrue(ArticleInputs.knownExtension("post.txt"));
    assertTrue(ArticleInputs.knownExtension("a.csv.gz"), "issue 15: CSV exports are read");
    assertEquals(false, ArticleInputs.knownExtension("a.tsv.gz"));
    assertEquals(false, ArticleInputs.knownExtension("a.md"));
  }

  @Test
  void doesNotFollowALinkToADirectoryButReadsAHiddenDirectoryNamedExplicitly(@TempDir Path dir) throws IOException {
    Path hidden = Files.createDirectories(dir.resolve(".drafts"));
    Files.writeString(hidden.resolve("a.jsonl"), "{\"id\": \"d1\", \"title\": \"Draft\"}\n");
    Path top = Files.createDirectories(dir.resolve("top"));
    try {
      Files.createSymbolicLink(top.resolve("loop"), top);
    } catch (UnsupportedOperationException | IOException e) {
      org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
    }
    Collected c = Collected.read(top, hidden);
    assertEquals(List.of("d1"), c.ids());
    assertEquals(List.of("loop: symbolic link to a directory"), c.skipped);
  }

  @Test
  void skipsAByteOrderMarkInEveryFormat(@TempDir Path dir) throws IOException {
    String bom = "\uFEFF";
    Files.writeString(dir.resolve("a.jsonl"), bom + "{\"id\": \"b1\", \"title\": \"Lines\"}\n");
    Files.writeString(dir.resolve("b.json"), bom + "[{\"id\": \"b2\", \"title\": \"Array\"}]");
    Files.writeString(dir.resolve("c.txt"), bom + "Post\n\n0\n11111111-2222-4333-8444-555555555555\n\nLead.\n");
    Collected c = Collected.read(dir);
    assertEquals(List.of("b1", "b2", "11111111-2222-4333-8444-555555555555"), c.ids());
    assertEquals(List.of(), c.rejections);
  }

  @Test
  void aForcedFormatAppliesToAStream() {
    byte[] post = "{ not json }\n\nA lead.\n".getBytes(StandardCharsets.UTF_8);
    Collected c = Collected.read(new ByteArrayInputStream(post), "-", InputFormat.POST);
    assertEquals("{ not json }", c.onlyArticle().headline());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
