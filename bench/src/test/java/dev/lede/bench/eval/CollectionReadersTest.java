package dev.lede.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers on small hand-written files in each collection's format. */
class CollectionReadersTest {
  @TempDir Path dir;

  private void gzip(String name, String text) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(name)))) {
      out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
  }

  @Test
  void timeKeepsWholeArticleAsTextWithNoTitleAndKeepsHeaderNumbers() throws IOException {
    gzip("TIME.ALL.gz", """
        *TEXT 017 01/04/63 PAGE 020

        EUROPE THE SNOW BLITZ A HOWLING GALE FROM THE ARCTIC

        ICEBOX SWEPT SOUTH .

        *TEXT 431 08/30 63 PAGE 026

        SHORT ONE .
        """);
    write("TIME.QUE", """
        *FIND      1

         SNOW STORMS IN

        EUROPE .

        *FIND      2

         SHORT .
        *STOP
        """);
    write("TIME.qrels.trec", "1 0 017 1\n2 0 431 1\n");
    TestCollection c = TimeReader.read(dir);
    assertEquals(List.of(
        new EvalDocument("017", "", "EUROPE THE SNOW BLITZ A HOWLING GALE FROM THE ARCTIC ICEBOX SWEPT SOUTH ."),
        new EvalDocument("431", "", "SHORT ONE .")), c.documents());
    assertEquals(List.of(new EvalQuery("1", "SNOW STORMS IN EUROPE ."), new EvalQuery("2", "SHORT .")), c.queries());
    assertEquals(1, c.qrels().grade("1", "017"));
    assertEquals(2, c.judgedQueries().size());
  }

  @Test
  void cranfieldNumbersQueriesByPositionAndReversesCodes() throws IOException {
    gzip("cran.all.1400.gz", """
        .I 1
        .T
        flow over a plate .
        .A
        someone
        .B
        j. ae. 1958
        .W
        flow over a plate .
          laminar flow was measured .
        .I 2
        .T
        heat transfer .
        .W
        heat .
        .W
        more heat .
        """);
    write("cran.qry", """
        .I 001
        .W
        what is laminar flow .
        .I 004
        .W
        heat in slabs -dash papers .
        """);
    write("cranqrel", "1 1 1\n1 2 4\n2 2 2\n2 1 -1\n2 3 5\n");
    TestCollection c = CranfieldReader.read(dir);
    assertEquals(new EvalDocument("1", "flow over a plate .", "flow over a plate .\n  laminar flow was measured ."),
        c.documents().get(0));
    assertEquals("heat .\n\nmore heat .", c.documents().get(1).text());
    assertEquals(List.of("1", "2"), c.queries().stream().map(EvalQuery::id).toList());
    assertEquals(4, c.qrels().grade("1", "1"));
    assertEquals(1, c.qrels().grade("1", "2"));
    assertEquals(3, c.qrels().grade("2", "2"));
    assertEquals(0, c.qrels().grade("2", "1"));
    assertEquals(0, c.qrels().grade("2", "3"));
    assertEquals(1, c.qrels().relevantCount("2"));
  }

  @Test
  void cisiEvaluatesOnlyJudgedQueriesAndIgnoresCrossReferences() throws IOException {
    gzip("CISI.ALL.gz", """
        .I 1
        .T
        18 Editions of the Dewey Decimal Classifications
        .A
        Comaromi, J.P.
        .W
           The present study is a history.
        .X
        1\t5\t1
        92\t1\t1
        .I 2
        .T\s
        Use Made of Technical Libraries
        .W
        A report.
        """);
    write("CISI.QRY", """
        .I 1
        .W
        What problems are there in "descriptive titles?
        .I 2
        .T
        Source Article
        .A
        Author, A.
        .W
        Unjudged need.
        """);
    write("CISI.REL", "     1     2\t0\t0.000000\n");
    TestCollection c = CisiReader.read(dir);
    assertEquals(new EvalDocument("1", "18 Editions of the Dewey Decimal Classifications", "The present study is a history."),
        c.documents().get(0));
    assertEquals("Use Made of Technical Libraries", c.documents().get(1).title());
    assertEquals("Unjudged need.", c.queries().get(1).text());
    assertEquals(List.of(new EvalQuery("1", "What problems are there in \"descriptive titles?")), c.judgedQueries());
  }

  @Test
  void smartTextOutsideAFieldNamesFileLineAndRecord() throws IOException {
    write("cran.qry", ".I 001\nstray words\n");
    gzip("cran.all.1400.gz", ".I 1\n.W\nx .\n");
    write("cranqrel", "");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CranfieldReader.read(dir));
    assertEquals(dir.resolve("cran.qry") + " line 2: text outside any field of record 001: \"stray words\"", e.getMessage());
  }

  @Test
  void timeTextBeforeFirstHeaderNamesFileAndLine() throws IOException {
    gzip("TIME.ALL.gz", "ORPHAN TEXT\n*TEXT 017 01/04/63 PAGE 020\nX\n");
    write("TIME.QUE", "");
    write("TIME.qrels.trec", "");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeReader.read(dir));
    assertEquals(dir.resolve("TIME.ALL.gz") + " line 1: text before the first *TEXT header", e.getMessage());
  }
}
