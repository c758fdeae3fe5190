package dev.lede.read;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Publication dates as news inputs write them. A date without a zone is taken as UTC: news dumps
 * rarely say, and guessing the reader's zone would make the index depend on where it was built.
 */
final class Dates {
  private Dates() {}

  // yyyy-MM-dd, optionally followed by 'T' or ' ' and a time, optionally an offset or a zone id.
  private static final DateTimeFormatter ISO_LIKE =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .appendOffset("+HH:MM:ss", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendLiteral('[')
          .appendZoneRegionId()
          .appendLiteral(']')
          .optionalEnd()
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          // February 30 is an error in the input, not March 1 or February 29.
          .withResolverStyle(ResolverStyle.STRICT);

  /**
   * Parses ISO-8601 instants and offset date-times, {@code yyyy-MM-dd HH:mm:ss} (UTC), plain dates
   * (UTC midnight) and RFC 1123 ({@code Tue, 3 Jun 2008 11:05:30 GMT}).
   *
   * @return the instant, or null when the text is none of these
   */
  static Instant parse(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      return null;
    }
    Instant fast = fastPath(s);
    if (fast != null) {
      return fast;
    }
    java.util.regex.Matcher slashed = SLASHED.matcher(s);
    if (slashed.matches()) {
      return slashed(Integer.parseInt(slashed.group(1)), Integer.parseInt(slashed.group(2)), Integer.parseInt(slashed.group(3)));
    }
    try {
      TemporalAccessor t = ISO_LIKE.parse(s);
      if (t.isSupported(ChronoField.HOUR_OF_DAY)) {
        if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
          return OffsetDateTime.from(t).toInstant();
        }
        try {
          return ZonedDateTime.from(t).toInstant();
        } catch (DateTimeException noZone) {
          return LocalDateTime.from(t).toInstant(ZoneOffset.UTC);
        }
      }
      return LocalDate.from(t).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeException notIso) {
      // fall through to the mail/RSS form
    }
    try {
      return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException notRfc) {
      return null;
    }
  }

  /** {@code 13/01/2024}, {@code 01/13/2024}: day and month in either order, then the year. */
  private static final java.util.regex.Pattern SLASHED = java.util.regex.Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

  /**
   * A slashed date whose order the numbers themselves show (one of them above 12, or both equal);
   * null for one that could be either ({@code 05/01/2024}: 5 January or 1 May). Lede does not guess:
   * a date a month or more wrong would put the article in the wrong place of every date filter and
   * sort, silently; the record is rejected with {@link #problem} so that it can be fixed.
   */
  private static Instant slashed(int a, int b, int year) {
    int day;
    int month;
    if (a > 12 && b <= 12) {
      day = a;
      month = b;
    } else if (b > 12 && a <= 12) {
      day = b;
      month = a;
    } else if (a == b) {
      day = a;
      month = a;
    } else {
      return null;
    }
    try {
      return LocalDate.of(year, month, day).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeException invalid) {
      return null;
    }
  }

  /** Why a text that {@link #parse} refused is not a date, when there is more to say than that (issue 15). */
  static String problem(String text) {
    java.util.regex.Matcher m = SLASHED.matcher(text.strip());
    if (m.matches() && Integer.parseInt(m.group(1)) <= 12 && Integer.parseInt(m.group(2)) <= 12) {
      return "day and month could be either way round: write it as yyyy-mm-dd";
    }
    return null;
  }

  /** The rejection reason for a field whose text is not a date. */
  static String notADate(String field, String shownValue, String text) {
    String why = text == null ? null : problem(text);
    return "'" + field + "' is not a date: " + shownValue + (why == null ? "" : " (" + why + ")");
  }

  /**
   * {@code yyyy-MM-dd}, and that followed by {@code [T ]HH:mm:ss} and an optional {@code Z}: the
   * forms nearly every dump uses, read without the general formatter, which cost a fifth of the
   * time of reading a JSON Lines record. Anything else (or out of range) is left to the formatter.
   */
  private static Instant fastPath(String s) {
    int n = s.length();
    if (n != 10 && n != 19 && !(n == 20 && s.charAt(19) == 'Z')) {
      return null;
    }
    if (s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
      return null;
    }
    try {
      if (n == 10) {
        return LocalDate.of(year, month, day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      char sep = s.charAt(10);
      if ((sep != 'T' && sep != ' ') || s.charAt(13) != ':' || s.charAt(16) != ':') {
        return null;
      }
      int hour = digits(s, 11, 2);
      int minute = digits(s, 14, 2);
      int second = digits(s, 17, 2);
      if (hour < 0 || minute < 0 || second < 0) {
        return null;
      }
      return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException invalid) {
      return null; // e.g. February 30: the formatter gives the final answer
    }
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * A number as a date: seconds since the epoch, or milliseconds when it is too large to be seconds
   * of a plausible year (beyond 5138 AD).
   */
  static Instant fromEpoch(long value) {
    return Math.abs(value) >= 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
  }
}
