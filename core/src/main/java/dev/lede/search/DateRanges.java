package dev.lede.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Reads the dates of query ranges: an instant, a date, a month ({@code 2025-03}) or a year. Public so
 * that a front end's date options read dates exactly as the query syntax does.
 */
public final class DateRanges {
  private DateRanges() {}

  /**
   * The first instant of a date expression: {@code 2025} is 2025-01-01T00:00Z, {@code 2025-03} is
   * 2025-03-01T00:00Z, {@code 2025-03-14} is that day's midnight UTC, an instant is itself.
   *
   * @return the instant, or null when {@code s} is not a date
   */
  public static Instant start(String s) {
    long[] span = span(s);
    return span == null ? null : Instant.ofEpochMilli(span[0]);
  }

  /** [from, to) in epoch millis for a date expression, or null when it is not a date. */
  static long[] span(String s) {
    s = s.strip();
    try {
      if (s.matches("\\d{4}")) {
        int y = Integer.parseInt(s);
        return new long[] {millis(LocalDate.of(y, 1, 1)), millis(LocalDate.of(y + 1, 1, 1))};
      }
      if (s.matches("\\d{4}-\\d{2}")) {
        YearMonth ym = YearMonth.parse(s);
        return new long[] {millis(ym.atDay(1)), millis(ym.plusMonths(1).atDay(1))};
      }
      if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
        LocalDate d = LocalDate.parse(s);
        return new long[] {millis(d), millis(d.plusDays(1))};
      }
      long t = s.endsWith("Z") ? Instant.parse(s).toEpochMilli() : OffsetDateTime.parse(s).toInstant().toEpochMilli();
      return new long[] {t, t + 1};
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return null;
    }
  }

  /**
   * A range expression as [lowest, highest] inclusive millis: {@code a TO b} (either side may be
   * {@code *}), {@code >a}, {@code >=a}, {@code <b}, {@code <=b}, or one date for its whole span.
   * Null when it cannot be read.
   */
  static long[] range(String expr) {
    String e = expr.strip();
    if (e.startsWith(">=") || e.startsWith("<=") || e.startsWith(">") || e.startsWith("<")) {
      boolean eq = e.length() > 1 && e.charAt(1) == '=';
      long[] span = span(e.substring(eq ? 2 : 1));
      if (span == null) {
        return null;
      }
      if (e.charAt(0) == '>') {
        return new long[] {eq ? span[0] : span[1], Long.MAX_VALUE};
      }
      return new long[] {Long.MIN_VALUE, eq ? span[1] - 1 : span[0] - 1};
    }
    int to = e.toUpperCase(java.util.Locale.ROOT).indexOf(" TO ");
    if (to >= 0) {
      String a = e.substring(0, to).strip();
      String b = e.substring(to + 4).strip();
      long[] from = a.equals("*") ? new long[] {Long.MIN_VALUE, Long.MIN_VALUE} : span(a);
      long[] until = b.equals("*") ? new long[] {Long.MAX_VALUE, Long.MAX_VALUE} : span(b);
      if (from == null || until == null) {
        return null;
      }
      return new long[] {from[0], until[1] == Long.MAX_VALUE ? Long.MAX_VALUE : until[1] - 1};
    }
    long[] span = span(e);
    return span == null ? null : new long[] {span[0], span[1] - 1};
  }

  private static long millis(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }
}
