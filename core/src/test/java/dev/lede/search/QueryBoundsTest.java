package dev.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.IndexOptions;
import dev.lede.NewsIndex;
import dev.lede.QuerySyntaxException;
import dev.lede.QueryTimeoutException;
import dev.lede.index.Schema;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Any text is a query in the forgiving syntax; in the strict syntax it is a query or a {@link
 * QuerySyntaxException} with a position; expensive queries are bounded. The counts are the CI form:
 * {@code -Dlede.queries=100000} runs the full form.
 */
class QueryBoundsTest {
  static final int STRINGS = Integer.getInteger("lede.queries", 20_000);
  /** Every how-many-th string also runs as a search against a small index. */
  static final int SEARCH_EVERY = 50;

  private static final String[] PIECES = {
    "rail", "strike", "Kim\u2019s", "\"", "-", "+", "*", "?", ":", "(", ")", "[", "]", "{", "}", "^", "^2", "~", "~3", "~0.5",
    "!", "/", "/[a-z]+/", "/(a|b)*c{1000}/", "\\", "&&", "||", " OR ", " AND ", " NOT ", " TO ", "headline:", "title:", "source:",
    "entity:", "type:", "type:person", "published:", "date:", ">", "<", ">=", "2025-01-01", "2025-13", "2025-02-30", "\u0000",
    "\uD800", "\u00e9", "\u202e", "  ", "\t", "\n", "lead:", "body:", "id:", "text:", "exact:", "*:*", "a*", "*a", "?a", "a~", "\"a b\"~2"
  };

  static NewsIndex index;
  static QueryFactory factory;

  @BeforeAll
  static void setUp() {
    index = NewsIndex.inMemory();
    NewsIndexTest.CORPUS.forEach(index::upsert);
    index.commit();
    factory = new QueryFactory(Schema.defaults(), Ranking.defaults());
  }

  @AfterAll
  static void tearDown() {
    index.close();
  }

  /** Random text: pieces of query syntax, words and any UTF-16 unit (lone surrogates and controls too). */
  static String randomText(Random random) {
    StringBuilder sb = new StringBuilder();
    int pieces = random.nextInt(random.nextInt(50) == 0 ? 400 : 14);
    for (int k = 0; k < pieces; k++) {
      int pick = random.nextInt(6);
      if (pick == 0) {
        sb.append((char) random.nextInt(0x10000));
      } else if (pick == 1) {
        sb.append(' ');
      } else {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
    }
    return sb.toString();
  }

  @Test
  void forgivingSyntaxTurnsEveryRandomStringIntoAQueryAndASearch() {
    Random random = new Random(8_2025L);
    int searched = 0;
    for (int i = 0; i < STRINGS; i++) {
      String text = randomText(random);
      try {
        assertNotNull(factory.text(NewsQuery.builder(text).build()));
        if (i % SEARCH_EVERY == 0) {
          assertNotNull(index.search(NewsQuery.builder(text).facet(Facet.SOURCE).build()));
          searched++;
        }
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("string " + i + " " + escape(text) + " failed: " + e, e);
      }
    }
    assertEquals(STRINGS / SEARCH_EVERY + (STRINGS % SEARCH_EVERY == 0 ? 0 : 1), searched);
  }

  @Test
  void strictSyntaxThrowsOnlyQuerySyntaxExceptionWithAPosition() {
    Random random = new Random(8_2026L);
    int refused = 0;
    for (int i = 0; i < STRINGS; i++) {
      String text = randomText(random);
      NewsQuery q = NewsQuery.builder(text).syntax(Syntax.LUCENE).build();
      try {
        Query parsed = factory.text(q);
        assertNotNull(parsed);
        if (i % SEARCH_EVERY == 0) {
          index.search(q);
        }
      } catch (QuerySyntaxException e) {
        refused++;
        assertTrue(e.position() >= 0 && e.position() <= text.length(), "position " + e.position() + " of " + escape(text));
        assertTrue(e.getMessage().startsWith("query "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("string " + i + " " + escape(text) + " failed: " + e, e);
      }
    }
    assertTrue(refused > STRINGS / 10, "random syntax is mostly wrong; only " + refused + " refused");
  }

  @Test
  void leadingWildcardIsRefusedInStrictAndReadAsAWordInForgiving() {
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
        () -> index.search(NewsQuery.builder("*ail").syntax(Syntax.LUCENE).build()));
    assertEquals(0, e.position());
    assertEquals("query wildcard at position 0 starts with * or ?, which would scan every word in the index: put letters before it",
        e.getMessage());
    assertEquals(2, index.search(NewsQuery.builder("*rail").build()).total());
  }

  @Test
  void hugeOrListIsCutInForgivingAndRefusedInStrict() {
    String words = IntStream.range(0, 5000).mapToObj(i -> "w" + i).collect(Collectors.joining(" OR "));
    assertEquals(0, index.search(NewsQuery.builder(words).build()).total());
    assertNotNull(index.search(NewsQuery.builder("rail " + words).build()));
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
        () -> index.search(NewsQuery.builder(words).syntax(Syntax.LUCENE).build()));
    assertTrue(e.getMessage().startsWith("query expands to more than 1024 clauses"), e.getMessage());
  }

  @Test
  void regularExpressionTooComplexToRunIsASyntaxErrorAtItsPosition() {
    String text = "rail /(a|b)*a(a|b){40}/";
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> index.search(NewsQuery.builder(text).syntax(Syntax.LUCENE).build()));
    assertEquals(5, e.position(), e.getMessage());
    assertTrue(e.getMessage().startsWith("query regular expression at position 5 is too complex"), e.getMessage());
  }

  @Test
  void invalidRegularExpressionIsASyntaxError() {
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
        () -> index.search(NewsQuery.builder("rail /[a-/").syntax(Syntax.LUCENE).build()));
    assertEquals(5, e.position());
    assertTrue(e.getMessage().startsWith("query regular expression at position 5 is invalid: "), e.getMessage());
  }

  @Test
  void queryOverItsTimeLimitStopsWithAClearMessage() {
    // A zero limit is over before the first document: the test needs no slow query and no clock.
    try (NewsIndex limited = NewsIndex.inMemory(IndexOptions.defaults().withQueryTimeout(Duration.ZERO))) {
      NewsIndexTest.CORPUS.forEach(limited::upsert);
      limited.commit();
      QueryTimeoutException e = assertThrows(QueryTimeoutException.class, () -> limited.search(NewsQuery.builder("rail").build()));
      assertEquals(Duration.ZERO, e.timeout());
      assertEquals("query 'rail' ran longer than its limit of 0 ms and was stopped: narrow it (fewer prefixes or wildcards, "
          + "a date range, a source) or raise the limit", e.getMessage());
    }
  }

  @Test
  void defaultTimeLimitIsTenSecondsAndValidated() {
    assertEquals(Duration.ofSeconds(10), IndexOptions.defaults().queryTimeout());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> IndexOptions.defaults().withQueryTimeout(Duration.ofMillis(-1)));
    assertEquals("illegal query timeout PT-0.001S, must be >= 0", e.getMessage());
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.append('"').toString();
  }
}
