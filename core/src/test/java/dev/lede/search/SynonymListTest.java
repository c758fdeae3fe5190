package dev.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynonymListTest {
  @TempDir Path tmp;

  @Test
  void readsEquivalentsOneWayRulesCommentsAndBlankLines() {
    SynonymList list = SynonymList.parse("s.txt", """
        # storms
        cyclone, hurricane,  typhoon

        ecb => european central bank
        """);
    assertEquals(2, list.rules().size());
    SynonymList.Rule eq = list.rules().get(0);
    assertEquals(SynonymList.Kind.EQUIVALENT, eq.kind());
    assertEquals(2, eq.line());
    assertEquals(List.of("cyclone", "hurricane", "typhoon"), eq.from());
    SynonymList.Rule oneWay = list.rules().get(1);
    assertEquals(SynonymList.Kind.ONE_WAY, oneWay.kind());
    assertEquals(4, oneWay.line());
    assertEquals(List.of("european central bank"), oneWay.to());
  }

  @Test
  void textRoundTripsToAnEqualList() {
    SynonymList list = SynonymList.parse("s.txt", "a\\,b, c\nx, y => z\n");
    assertEquals(List.of("a,b", "c"), list.rules().get(0).from());
    assertEquals(list, SynonymList.parse("again", list.toText()));
  }

  @Test
  void onlyCommentsIsTheEmptyList() {
    assertSame(SynonymList.EMPTY, SynonymList.parse("s.txt", "# nothing yet\n\n"));
  }

  // Each bad line names the source, the line number and the line itself, so it can be fixed from the message.
  @Test
  void badLinesNameFileAndLine() {
    assertBad("ok, fine\na => b => c\n", "s.txt line 2: more than one \"=>\" on a line: \"a => b => c\"");
    assertBad("\n=> bank\n", "s.txt line 2: no words before \"=>\"");
    assertBad("ecb =>\n", "s.txt line 1: no words after \"=>\"");
    assertBad("a, , b\n", "s.txt line 1: an empty word between commas");
    assertBad("x\ny, !!!\n", "s.txt line 2: ");
  }

  private static void assertBad(String text, String start) {
    BadInputException e = assertThrows(BadInputException.class, () -> SynonymList.parse("s.txt", text));
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
  }

  @Test
  void unreadableFileSaysWhy() throws Exception {
    BadInputException missing = assertThrows(BadInputException.class, () -> SynonymList.read(tmp.resolve("none.txt")));
    assertTrue(missing.getMessage().endsWith("none.txt: no such file"), missing.getMessage());
    BadInputException dir = assertThrows(BadInputException.class, () -> SynonymList.read(tmp));
    assertTrue(dir.getMessage().contains("cannot read synonyms"), dir.getMessage());
    Path latin1 = tmp.resolve("latin1.txt");
    Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xe9, '\n'});
    BadInputException notUtf8 = assertThrows(BadInputException.class, () -> SynonymList.read(latin1));
    assertTrue(notUtf8.getMessage().endsWith("not UTF-8 text"), notUtf8.getMessage());
  }
}
