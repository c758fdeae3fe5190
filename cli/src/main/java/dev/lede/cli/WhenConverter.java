package dev.lede.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads {@code --since} and {@code --until}: a date ({@code 2025-01-31}, UTC midnight), an instant
 * ({@code 2025-01-31T08:00:00Z}) or an age before now ({@code 12h}, {@code 7d}, {@code 2w}, {@code 3m},
 * {@code 1y}).
 */
final class WhenConverter implements CommandLine.ITypeConverter<Instant> {
  private static final Pattern AGE = Pattern.compile("(\\d{1,6})([hdwmy])");
  private final Clock clock;

  WhenConverter() {
    this(Clock.systemUTC());
  }

  WhenConverter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Instant convert(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    Matcher m = AGE.matcher(v);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Instant now = clock.instant();
      return switch (m.group(2)) {
        case "h" -> now.minus(Duration.ofHours(n));
        case "d" -> now.minus(Duration.ofDays(n));
        case "w" -> now.minus(Duration.ofDays(7 * n));
        case "m" -> now.atOffset(ZoneOffset.UTC).minusMonths(n).toInstant();
        default -> now.atOffset(ZoneOffset.UTC).minusYears(n).toInstant();
      };
    }
    try {
      if (v.length() == 10) {
        return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a date: use 2025-01-31, 2025-01-31T08:00:00Z, or an age like 7d, 12h, 2w, 3m, 1y");
    }
  }
}
