package dev.lede.cli;

import dev.lede.search.DateRanges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads {@code --since}, {@code --until} and {@code --as-of}: a year ({@code 2025}), a month
 * ({@code 2025-01}) or a date ({@code 2025-01-31}), each meaning its first instant (UTC), an instant
 * ({@code 2025-01-31T08:00:00Z}), or an age before now ({@code 12h}, {@code 7d}, {@code 2w},
 * {@code 3m}, {@code 1y}). Dates are read by the query syntax's parser, so {@code --since 2020-11}
 * and {@code published:>=2020-11} agree (issue 15).
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
    Instant date = DateRanges.start(value);
    if (date == null) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a date: use 2025, 2025-01, 2025-01-31, "
          + "2025-01-31T08:00:00Z, or an age like 7d, 12h, 2w, 3m, 1y");
    }
    return date;
  }

  /**
   * Refuses a date range no article can be in: {@code --until} is exclusive, so it must be after
   * {@code --since}. Searching it would only find nothing and say nothing (issue 15).
   */
  static void checkRange(Instant since, Instant until) {
    if (since != null && until != null && !until.isAfter(since)) {
      throw new IllegalArgumentException("no article can match --since " + since + " and --until " + until
          + ": --until is exclusive and must be after --since");
    }
  }
}
