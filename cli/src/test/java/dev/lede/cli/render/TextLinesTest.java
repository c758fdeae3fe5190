package dev.lede.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lede.search.Highlight;
import dev.lede.search.Span;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextLinesTest {
  // Issue 15: whitespace runs, newlines included, become one space; matches stay on their words.
  @Test
  void collapsesWhitespaceAndKeepsMatchesOnTheirWords() {
    Highlight h = new Highlight("  Rail\n\nstrike\tends ", List.of(new Span(2, 6), new Span(8, 14)));
    Highlight line = TextLines.oneLine(h, 100);
    assertEquals("Rail strike ends", line.text());
    assertEquals("[Rail] [strike] ends", line.mark("[", "]"));
  }

  @Test
  void cutsALongTextAtAWordWithAnEllipsis() {
    assertEquals("one two…", TextLines.oneLine("one two three", 9));
    assertEquals("abcdefgh…", TextLines.oneLine("abcdefghijkl", 8), "no word break in reach: cut at the limit");
    Highlight cut = TextLines.oneLine(new Highlight("one two three", List.of(new Span(8, 13))), 9);
    assertEquals(List.of(), cut.matches(), "a match past the cut is dropped");
    assertEquals("", TextLines.oneLine((String) null, 10));
  }

  // Random text with random matches: the result is always one line, within the limit, with valid spans.
  @Test
  void randomTextsStayOnOneLineWithValidSpans() {
    Random random = new Random(15);
    String alphabet = "ab \n\t\u00a0\u2028x";
    for (int i = 0; i < 2000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(60);
      for (int k = 0; k < n; k++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = sb.toString();
      int a = text.isEmpty() ? 0 : random.nextInt(text.length());
      int b = a + (text.isEmpty() ? 0 : random.nextInt(text.length() - a + 1));
      int max = 1 + random.nextInt(40);
      Highlight line = TextLines.oneLine(new Highlight(text, List.of(new Span(a, b))), max); // spans checked by Highlight
      assertEquals(-1, line.text().indexOf('\n'), line.text());
      assertEquals(-1, line.text().indexOf('\u2028'), line.text());
      assertEquals(false, line.text().length() > max + 1, line.text());
    }
  }
}
