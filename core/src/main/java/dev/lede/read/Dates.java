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
          .toFormatter(Locale.ROOT);

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

  /**
   * A number as a date: seconds since the epoch, or milliseconds when it is too large to be seconds
   * of a plausible year (beyond 5138 AD).
   */
  static Instant fromEpoch(long value) {
    return Math.abs(value) >= 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
  }
}
