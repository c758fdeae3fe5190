package dev.lede.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search page in a real browser, used as a person uses it: headless Chromium, driven over the
 * DevTools protocol ({@link DevTools}), gets a click in the search box, typed words and Enter, then
 * mouse clicks on a facet, the next page, a story and an article; the test reads what the page
 * shows. Skipped when no Chromium is installed (CI may have none; {@code apt-get install chromium}
 * adds it).
 */
class ServeBrowserTest {
  @TempDir static Path dir;
  static String chromium;
  static LedeServer server;
  static URI base;
  static DevTools browser;
  /** Chromium's profile: outside {@code dir}, whose deletion must not fail on a file Chromium left. */
  static Path profile;

  @BeforeAll
  static void serveTheSampleCorpusIfABrowserIsThere() {
    chromium = findChromium();
    Assumptions.assumeTrue(chromium != null, "no chromium on PATH: the browser test is skipped");
    Path index = dir.resolve("idx");
    ServeTest.Run indexed = ServeTest.cli("", "--index", index.toString(), "index", ServeTest.CORPUS.toString(), "--threads", "2");
    assertEquals(4, indexed.code(), indexed.err());
    server = ServeTest.start(index, null);
    base = server.url();
    try {
      profile = Files.createTempDirectory("lede-chromium");
      browser = DevTools.start(chromium, profile, 1280, 1000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
    if (profile != null) {
      deleteQuietly(profile);
    }
  }

  /** Deletes a tree as far as it can: a file Chromium still held is not the test's failure. */
  private static void deleteQuietly(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // left for the system's temp cleaning
    }
  }

  /** Goes to the page's home, clicks into the search box, types the words and presses Enter. */
  static void search(String words) {
    browser.open(base.toString());
    browser.waitFor("document.getElementById('status').textContent.includes('articles from')");
    browser.click("document.getElementById('q')");
    browser.type(words);
    browser.pressEnter();
    browser.waitFor("new URLSearchParams(location.search).get('q') === " + quoted(words)
        + " && /\\d–\\d|Nothing found/.test(document.getElementById('status').textContent)");
  }

  /** The first link (in page order) inside {@code scope} whose text contains {@code text}, as a JavaScript expression. */
  static String linkWithText(String scope, String text) {
    return "[...document.querySelectorAll(" + quoted(scope + " a") + ")].find(a => a.textContent.includes(" + quoted(text) + "))";
  }

  static String status() {
    return browser.text("document.getElementById('status').textContent");
  }

  static int hits() {
    return browser.eval("document.querySelectorAll('article.hit').length").asInt();
  }

  static String quoted(String s) {
    return ServeTest.JSON.valueToTree(s).toString();
  }

  @Test
  void typingAQueryShowsHitsWithMarkedWordsAndFacets() {
    search("rail strike");
    assertEquals("6 articles; 1–6", status());
    assertEquals(6, hits());
    assertEquals("Rail strike", browser.text("document.querySelector('article.hit h2 mark').textContent"),
        "the headline's matched words are marked");
    assertTrue(browser.eval("[...document.querySelectorAll('#facets h3')].map(h => h.textContent).join()").asText().contains("Source"));
    assertFalse(browser.eval("!!document.querySelector('.error')").asBoolean());
  }

  @Test
  void clickingASourceFacetFiltersTheHits() {
    search("rail strike");
    browser.click(linkWithText("#facets", "bbc.co.uk"));
    browser.waitFor("location.search.includes('source=bbc.co.uk') && document.getElementById('status').textContent.includes('1–')");
    assertEquals(1, hits());
    assertTrue(browser.text("document.getElementById('filters').textContent").contains("source: bbc.co.uk ×"),
        "the filter shows as a removable chip");
    assertTrue(browser.text("document.querySelector('article.hit .meta').textContent").startsWith("bbc.co.uk · 2025-06-06"));
    // clicking the chip removes the filter again
    browser.click(linkWithText("#filters", "source: bbc.co.uk"));
    browser.waitFor("!location.search.includes('source=') && document.getElementById('status').textContent === '6 articles; 1–6'");
  }

  @Test
  void theNextPageContinuesFromTheCursor() {
    search("said");
    String first = status();
    assertTrue(first.endsWith("; 1–20"), first);
    String firstHit = browser.text("document.querySelector('article.hit h2').textContent");
    browser.click(linkWithText(".pager", "Next page"));
    browser.waitFor("location.search.includes('after=') && document.getElementById('status').textContent.endsWith('21–40')");
    assertEquals(20, hits());
    assertFalse(browser.eval("[...document.querySelectorAll('article.hit h2')].some(h => h.textContent === " + quoted(firstHit) + ")")
        .asBoolean(), "the second page does not repeat the first");
    browser.click(linkWithText(".pager", "First page"));
    browser.waitFor("!location.search.includes('after=') && document.getElementById('status').textContent.endsWith('1–20')");
  }

  @Test
  void alsoReportedByOpensTheStoryAndItsArticles() {
    search("sudan aid");
    assertTrue(browser.text("document.getElementById('results').textContent").contains("Also reported by"));
    browser.click(linkWithText(".also", "see the story"));
    browser.waitFor("location.search.startsWith('?story=') && document.querySelector('h1')");
    assertEquals("3 copies of one story", browser.text("document.querySelector('h1').textContent"));
    assertEquals(3, browser.eval("document.querySelectorAll('table.story tbody tr').length").asInt());
    String headline = browser.text("document.querySelector('table.story tbody a').textContent");
    browser.click("document.querySelector('table.story tbody a')");
    browser.waitFor("location.search.startsWith('?article=') && document.querySelector('article.full h1')");
    assertEquals(headline, browser.text("document.querySelector('article.full h1').textContent"));
  }

  @Test
  void anArticleOpensWithItsText() {
    search("rail strike ends");
    browser.click("document.querySelector('article.hit h2 a')");
    browser.waitFor("location.search === '?article=rail-3' && document.querySelector('article.full h1')");
    assertEquals("Rail strike ends after pay deal", browser.text("document.querySelector('article.full h1').textContent"));
    assertTrue(browser.text("document.querySelector('article.full').textContent").contains("Train drivers accepted"));
  }

  @Test
  void aMisspellingOffersDidYouMean() {
    search("sudna");
    browser.click(linkWithText("#results", "sudan"));
    browser.waitFor("new URLSearchParams(location.search).get('q') === 'sudan' && document.querySelector('article.hit')");
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
