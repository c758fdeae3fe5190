package dev.lede.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The readers on the real collections: the counts their SOURCE.md files state. Skipped without the corpora. */
class CorporaOnDiskTest {
  private static Path corpora() {
    Optional<Path> p = Corpora.locate();
    assumeTrue(p.isPresent(), "no ../shared/corpora");
    return p.get();
  }

  @Test
  void timeHas423DocumentsAnd83JudgedQueries() {
    TestCollection c = Corpora.read(corpora(), "time");
    assertEquals(423, c.documents().size());
    assertEquals(83, c.queries().size());
    assertEquals(83, c.judgedQueries().size());
    assertEquals(324, c.qrels().size());
    assertEquals("017", c.documents().getFirst().id());
  }

  @Test
  void cranfieldHas1400DocumentsAnd225JudgedQueries() {
    TestCollection c = Corpora.read(corpora(), "cranfield");
    assertEquals(1400, c.documents().size());
    assertEquals(225, c.queries().size());
    assertEquals(225, c.judgedQueries().size());
    assertEquals(1837, c.qrels().size());
  }

  @Test
  void cisiHas1460DocumentsAnd76JudgedQueries() {
    TestCollection c = Corpora.read(corpora(), "cisi");
    assertEquals(1460, c.documents().size());
    assertEquals(112, c.queries().size());
    assertEquals(76, c.judgedQueries().size());
    assertEquals(3114, c.qrels().size());
  }
}
