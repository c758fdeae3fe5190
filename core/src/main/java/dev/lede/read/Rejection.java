package dev.lede.read;

import java.util.Objects;

/**
 * A record that could not be read, and why. Reading goes on after it.
 *
 * @param file the file as it was named to the reader ({@code "-"} for standard input)
 * @param record where in the file: a 1-based line number (JSON Lines, posts), a 1-based record index
 *     (JSON arrays), or 0 when the whole file is meant (see {@code unit})
 * @param reason what is wrong, naming the field and value where there is one
 * @param unit what {@code record} counts
 */
public record Rejection(String file, long record, String reason, Unit unit) {

  /** What a rejection's {@code record} number counts. */
  public enum Unit {
    /** The whole file (record is 0). */
    FILE,
    /** A 1-based line number. */
    LINE,
    /** A 1-based index of a record in a JSON array or sequence. */
    RECORD
  }

  public Rejection {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(unit, "unit");
    if (record < 0) {
      throw new IllegalArgumentException("record must be >= 0, got " + record);
    }
    if (record == 0) {
      unit = Unit.FILE;
    } else if (unit == Unit.FILE) {
      throw new IllegalArgumentException("a whole-file rejection has record 0, got " + record);
    }
  }

  /** A rejection at a line ({@code record} > 0) or of the whole file ({@code record} 0). */
  public Rejection(String file, long record, String reason) {
    this(file, record, reason, record == 0 ? Unit.FILE : Unit.LINE);
  }

  /** The place alone: {@code "x.jsonl line 14"}, {@code "x.json record 2"} or {@code "x.txt"}. */
  public String location() {
    return switch (unit) {
      case FILE -> file;
      case LINE -> file + " line " + record;
      case RECORD -> file + " record " + record;
    };
  }

  /** {@code x.jsonl line 14: 'date_publish' is not a date: "yesterday"}. */
  @Override
  public String toString() {
    return location() + ": " + reason;
  }
}
