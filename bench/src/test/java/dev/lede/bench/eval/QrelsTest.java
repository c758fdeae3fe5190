package dev.lede.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrelsTest {
  @TempDir Path dir;

  @Test
  void readsTrecQrelsWithGradesAndSpacing() throws Exception {
    Path f = dir.resolve("q.trec");
    Files.writeString(f, "1 0 017 1\n1  0\t024 0\n\n2 0 017 2\n");
    Qrels q = Qrels.readTrec(f);
    assertEquals(List.of("1", "2"), List.copyOf(q.queryIds()));
    assertEquals(1, q.relevantCount("1"));
    assertEquals(0, q.grade("1", "024"));
    assertEquals(2, q.grade("2", "017"));
    assertEquals(0, q.grade("3", "017"));
    assertEquals(3, q.size());
  }

  @Test
  void malformedLineNamesFileAndLine() throws Exception {
    Path f = dir.resolve("bad.trec");
    Files.writeString(f, "1 0 017 1\n1 0 024\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Qrels.readTrec(f));
    assertEquals(f + " line 2: expected 'qid iter docid grade', got \"1 0 024\"", e.getMessage());
  }

  @Test
  void nonNumericGradeNamesFileAndLine() throws Exception {
    Path f = dir.resolve("bad.trec");
    Files.writeString(f, "1 0 017 yes\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Qrels.readTrec(f));
    assertEquals(f + " line 1: relevance grade is not an integer: \"yes\"", e.getMessage());
  }
}
