package dev.lede.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search page in a real browser: headless Chromium runs the page's script against the server and
 * the test reads the DOM it built. The page keeps its state in the address, so following a link's
 * address is what a click does, and loading {@code /?q=...} is what typing and Enter do. Skipped when
 * no Chromium is installed (CI may have none; {@code apt-get install chromium} adds it).
 */
class ServeBrowserTest {
  @TempDir static Path dir;
  static String chromium;
  static LedeServer server;
  static URI base;

  @BeforeAll
  static void serveTheSampleCorpusIfABrowserIsThere() {
    chromium = findChromium();
    Assumptions.assumeTrue(chromium != null, "no chromium on PATH: the browser test is skipped");
    Path index = dir.resolve("idx");
    ServeTest.Run indexed = ServeTest.cli("", "--index", index.toString(), "index", ServeTest.CORPUS.toString(), "--threads", "2");
    assertEquals(4, indexed.code(), indexed.err());
    server = ServeTest.start(index, null);
    base = server.url();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aSearchShowsHitsWithMarkedWordsAndFacets() {
    String dom = load("/?q=rail+strike");
    assertTrue(dom.contains("6 articles; 1–6"), dom);
    assertEquals(6, count(dom, "<article class=\"hit\">"), dom);
    assertTrue(dom.contains("<mark>Rail strike</mark>"), "the headline's matched words are marked");
    assertTrue(dom.contains("<h3>Source</h3>") && dom.contains("<h3>Month</h3>"), dom);
    assertFalse(dom.contains("class=\"error\""), dom);
  }

  @Test
  void clickingASourceFacetFiltersTheHits() {
    String dom = load("/?q=rail+strike");
    String href = link(dom, "source=bbc.co.uk");
    String filtered = load(href);
    assertTrue(filtered.contains("source: bbc.co.uk ×"), "the filter shows as a removable chip");
    assertEquals(1, count(filtered, "<article class=\"hit\">"), filtered);
    assertTrue(filtered.contains("bbc.co.uk · 2025-06-06"), filtered);
  }

  @Test
  void theNextPageContinuesFromTheCursor() {
    String first = load("/?q=korea&limit=2");
    assertTrue(first.contains("1–2"), first);
    String next = link(first, "after=");
    String second = load(next);
    assertTrue(second.contains("3–4"), second);
    assertTrue(second.contains(">First page<"), second);
  }

  @Test
  void alsoReportedByOpensTheStory() {
    String dom = load("/?q=sudan+aid");
    assertTrue(dom.contains("Also reported by"), dom);
    String story = load(link(dom, "story="));
    assertTrue(story.contains("3 copies of one story"), story);
    assertEquals(3, count(story, "<tr><td>2025-10-06</td>"), story);
  }

  @Test
  void anArticleOpensWithItsText() {
    String dom = load("/?q=rail+strike+ends");
    String article = load(link(dom, "article=rail-3"));
    assertTrue(article.contains("<h1>Rail strike ends after pay deal</h1>"), article);
    assertTrue(article.contains("Train drivers accepted"), article);
  }

  @Test
  void aMisspellingOffersDidYouMean() {
    String dom = load("/?q=sudna");
    assertTrue(dom.contains("Did you mean"), dom);
    assertTrue(link(dom, "q=sudan").startsWith("/?"), dom);
  }

  /** The DOM after the page's script ran, with every request it made answered. */
  static String load(String target) {
    try {
      Path profile = Files.createTempDirectory(dir, "chromium");
      Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom",
          base.resolve(target).toString())
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
      return dom;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

  /** The first link whose address contains {@code part}. */
  static String link(String dom, String part) {
    List<String> seen = new ArrayList<>();
    Matcher m = HREF.matcher(dom);
    while (m.find()) {
      String href = m.group(1).replace("&amp;", "&");
      if (href.contains(part)) {
        return href;
      }
      seen.add(href);
    }
    throw new AssertionError("no link with '" + part + "' among " + seen);
  }

  static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

  private static String findChromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(d, name);
        if (Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    return null;
  }
}
