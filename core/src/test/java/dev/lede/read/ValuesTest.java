package dev.lede.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The small public values of the read stage: formats, rejections, limits. */
class ValuesTest {

  @Test
  void parsesFormatNamesCaseInsensitively() {
    assertEquals(InputFormat.AUTO, InputFormat.parse("auto"));
    assertEquals(InputFormat.POST, InputFormat.parse("POST"));
    assertEquals(InputFormat.JSON, InputFormat.parse(" json "));
    assertEquals(InputFormat.JSONL, InputFormat.parse("ndjson"));
    assertEquals(InputFormat.NEWSPLEASE, InputFormat.parse("news-please"));
  }

  @Test
  void anUnknownFormatNameSaysWhatIsAccepted() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InputFormat.parse("xml"));
    assertEquals("unknown input format 'xml', expected one of: auto|post|json|jsonl|newsplease|csv", e.getMessage());
  }

  @Test
  void rejectionPrintsFileLocationAndReason() {
    assertEquals(
        "x.jsonl line 14: 'date_publish' is not a date: \"yesterday\"",
        new Rejection("x.jsonl", 14, "'date_publish' is not a date: \"yesterday\"").toString());
    assertEquals("a.json record 2: bad", new Rejection("a.json", 2, "bad", Rejection.Unit.RECORD).toString());
    assertEquals("b.txt: binary", new Rejection("b.txt", 0, "binary").toString());
    assertEquals(Rejection.Unit.FILE, new Rejection("b.txt", 0, "binary", Rejection.Unit.LINE).unit());
  }

  @Test
  void rejectionValidatesItsPlace() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Rejection("x", -1, "r"));
    assertEquals("record must be >= 0, got -1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Rejection("x", 3, "r", Rejection.Unit.FILE));
  }

  @Test
  void limitsAreValidatedAndPrintable() {
    assertEquals(16 * 1024 * 1024, ReadLimits.DEFAULTS.maxRecordBytes());
    assertEquals(4L << 30, ReadLimits.DEFAULTS.maxDecompressedBytes());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReadLimits(10, 100));
    assertEquals("maxRecordBytes must be at least 1024, got 10", e.getMessage());
    assertEquals("16 MiB", ReadLimits.human(16 << 20));
    assertEquals("4 GiB", ReadLimits.human(4L << 30));
    assertEquals("1500 bytes", ReadLimits.human(1500));
  }

  @Test
  void anOriginNeverSaysAuto() {
    assertThrows(IllegalArgumentException.class, () -> new Origin("f", 1, InputFormat.AUTO));
  }
}
