package dev.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.lede.index.Schema;
import dev.lede.search.SimpleQueryParser.Clause;
import dev.lede.search.SimpleQueryParser.Kind;
import dev.lede.search.SimpleQueryParser.Occur;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimpleQueryParserTest {
  private static final String[] PIECES = {
    "rail", "strike", "Kim\u2019s", "\"", "-", "+", "*", ":", "(", ")", "[", "]", "{", "}", "^", "~", "!", "?", "/", "\\",
    " OR ", " AND ", " NOT ", "headline:", "title:", "source:", "entity:", "type:", "published:", "date:", ">", "<", ">=",
    " TO ", "2025-01-01", "2025-13", "2025-02-30", "\u0000", "\uD800", "\u00e9", "  ", "\t", "\n", "lead:", "body:", "id:"
  };

  @Test
  void tenThousandRandomStringsParseAndBuildQueriesWithoutThrowing() {
    Random random = new Random(20251125L);
    QueryFactory factory = new QueryFactory(Schema.defaults(), Ranking.defaults());
    for (int i = 0; i < 10_000; i++) {
      StringBuilder sb = new StringBuilder();
      int pieces = random.nextInt(12);
      for (int k = 0; k < pieces; k++) {
        if (random.nextInt(4) == 0) {
          sb.append((char) random.nextInt(0x3000)); // any char, lone surrogates and controls included
        } else {
          sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
      }
      String text = sb.toString();
      assertNotNull(SimpleQueryParser.parse(text), text);
      assertNotNull(factory.text(NewsQuery.builder(text).build()), text);
    }
  }

  @Test
  void readsWordsPhrasesExclusionsPrefixesAndFields() {
    List<Clause> c = SimpleQueryParser.parse("rail \"general strike\" -london stri* title:ecb");
    assertEquals(new Clause(null, Kind.WORD, "rail", Occur.SHOULD), c.get(0));
    assertEquals(new Clause(null, Kind.PHRASE, "general strike", Occur.SHOULD), c.get(1));
    assertEquals(new Clause(null, Kind.WORD, "london", Occur.MUST_NOT), c.get(2));
    assertEquals(new Clause(null, Kind.PREFIX, "stri", Occur.SHOULD), c.get(3));
    assertEquals(new Clause("headline", Kind.WORD, "ecb", Occur.SHOULD), c.get(4));
  }

  @Test
  void unclosedQuoteRunsToTheEnd() {
    List<Clause> c = SimpleQueryParser.parse("\"general strike");
    assertEquals(List.of(new Clause(null, Kind.PHRASE, "general strike", Occur.SHOULD)), c);
  }
}
