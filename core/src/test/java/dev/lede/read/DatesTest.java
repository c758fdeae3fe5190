package dev.lede.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatesTest {

  @Test
  void readsTheFormsNewsDumpsUse() {
    Instant noon = Instant.parse("2024-03-05T12:00:00Z");
    assertEquals(noon, Dates.parse("2024-03-05T12:00:00Z"));
    assertEquals(noon, Dates.parse("2024-03-05T14:00:00+02:00"));
    assertEquals(noon, Dates.parse("2024-03-05T07:00:00-0500"));
    assertEquals(noon, Dates.parse("2024-03-05 12:00:00"), "no zone is UTC");
    assertEquals(noon, Dates.parse("2024-03-05T12:00"));
    assertEquals(noon, Dates.parse("2024-03-05T13:00:00+01:00[Europe/Paris]"));
    assertEquals(Instant.parse("2024-03-05T12:00:00.250Z"), Dates.parse("2024-03-05T12:00:00.25Z"));
    assertEquals(Instant.parse("2024-03-05T00:00:00Z"), Dates.parse("2024-03-05"), "a date is UTC midnight");
    assertEquals(noon, Dates.parse("Tue, 5 Mar 2024 12:00:00 GMT"));
    assertEquals(noon, Dates.parse("Tue, 05 Mar 2024 13:00:00 +0100"));
    assertEquals(noon, Dates.parse("  2024-03-05T12:00:00Z  "));
    assertEquals(Instant.parse("2024-02-29T00:00:00Z"), Dates.parse("2024-02-29"), "a leap day");
    assertEquals(Instant.parse("2024-03-05T23:59:59Z"), Dates.parse("2024-03-05T23:59:59"));
  }

  @Test
  void returnsNullForWhatIsNotADate() {
    assertNull(Dates.parse("yesterday"));
    assertNull(Dates.parse("2024-13-45"));
    assertNull(Dates.parse("2024-02-30"));
    assertNull(Dates.parse("2024-02-10 25:00:00"));
    assertNull(Dates.parse("2024-02-10X10:00:00"));
    assertNull(Dates.parse("05/03/2024"));
    assertNull(Dates.parse(""));
  }

  @Test
  void readsEpochSecondsAndMilliseconds() {
    assertEquals(Instant.ofEpochSecond(1_700_000_000L), Dates.fromEpoch(1_700_000_000L));
    assertEquals(Instant.ofEpochMilli(1_700_000_000_123L), Dates.fromEpoch(1_700_000_000_123L));
  }

  // issue 15, item 11: "05/01/2024" rejected the article with no word of why
  @Test
  void slashedDatesAreReadWhenTheirOrderIsPlainAndExplainedWhenNot() {
    org.junit.jupiter.api.Assertions.assertEquals(java.time.Instant.parse("2024-01-13T00:00:00Z"), Dates.parse("13/01/2024"));
    org.junit.jupiter.api.Assertions.assertEquals(java.time.Instant.parse("2024-01-13T00:00:00Z"), Dates.parse("01/13/2024"));
    org.junit.jupiter.api.Assertions.assertEquals(java.time.Instant.parse("2024-03-03T00:00:00Z"), Dates.parse("3/3/2024"));
    org.junit.jupiter.api.Assertions.assertNull(Dates.parse("05/01/2024"));
    org.junit.jupiter.api.Assertions.assertEquals(
        "'published' is not a date: \"05/01/2024\" (day and month could be either way round: write it as yyyy-mm-dd)",
        Dates.notADate("published", "\"05/01/2024\"", "05/01/2024"));
    org.junit.jupiter.api.Assertions.assertNull(Dates.parse("31/02/2024"), "no 31 February");
  }
}
