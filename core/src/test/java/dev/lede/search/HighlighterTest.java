package dev.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.lede.index.NewsAnalyzers;
import dev.lede.index.Schema;
import java.util.List;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

/**
 * The highlighter cuts a text into words once and analyses each distinct word once per search
 * (issue 19); these tests hold it to what running the fields' analysis chains over the whole text
 * finds, on texts full of the tokenizer's and the filters' hard cases. Should a chain ever look
 * across words (shingles, synonyms at index time), they fail, and the word-by-word path must go.
 */
class HighlighterTest {
  private static final String TEXT = """
      Rail strikes: Putin’s envoy met the RMT's leaders; U.S. officials e-mailed AT&T and O'Neill's office.
      The striking rail-workers said the railway's £600m pay deal (3.5% a year) was "naïve" — a café owner
      in Müller Straße agreed. Strike! Strikes, striking, struck... railways' 2004 figures, www.example.com/rail,
      ops@example.org, 東京 and ไทย rail, ÆSIR strike-breakers. Don't strike again, said Mr Putin; rail.
      """;

  private static final List<String> QUERIES = List.of("rail strike", "strikes", "\"rail strike\"", "rail*", "putin", "naive cafe",
      "muller", "u.s.", "e-mail", "aesir", "strasse", "600m", "o'neill", "don't", "东京", "railway pay deal", "str*",
      "\"pay deal\" putin", "cyclone");

  private static Highlighter highlighter(Schema schema, String text, SynonymList synonyms) {
    Query q = new QueryFactory(schema, Ranking.defaults(), synonyms).text(NewsQuery.builder(text).build());
    return new Highlighter(schema, q);
  }

  private static Highlighter highlighter(String text, SynonymList synonyms) {
    return highlighter(new Schema(NewsAnalyzers.Stemmer.PORTER), text, synonyms);
  }

  @Test
  void wordByWordFindsWhatTheChainsFindOverTheWholeText() {
    SynonymList synonyms = SynonymList.parse("t", "cyclone, strike\nrail, railway");
    for (NewsAnalyzers.Stemmer stemmer : NewsAnalyzers.Stemmer.values()) {
      Schema schema = new Schema(stemmer);
      for (SynonymList list : List.of(SynonymList.EMPTY, synonyms)) {
        for (String q : QUERIES) {
          for (String field : List.of(Schema.HEADLINE, Schema.LEAD, Schema.BODY)) {
            Highlighter h = highlighter(schema, q, list);
            List<Span> whole = h.matchesOverWholeText(TEXT, field);
            String what = q + " on " + field + ", " + stemmer;
            // twice: the second time every word comes from what the first one learnt
            assertEquals(whole, h.matchesByWord(TEXT, field), what);
            assertEquals(whole, h.matchesByWord(TEXT, field), what + ", again");
          }
        }
      }
    }
    assertFalse(highlighter("rail strike", SynonymList.EMPTY).matchesByWord(TEXT, Schema.BODY).isEmpty());
  }

  @Test
  void bestPassageIsTheSentenceWithMostDistinctMatchesWhereverItIs() {
    String text = "Nothing here at first. Rail is named once. ".repeat(30) + "A rail strike, and another strike, on the rail. "
        + "Then the end. ".repeat(30);
    Highlight snippet = highlighter("rail strike", SynonymList.EMPTY).snippet(text);
    assertEquals("A **rail strike**, and another **strike**, on the **rail**.", snippet.mark("**", "**"));
    Highlight none = highlighter("cyclone", SynonymList.EMPTY).snippet(text);
    assertEquals("Nothing here at first.", none.text());
  }
}
