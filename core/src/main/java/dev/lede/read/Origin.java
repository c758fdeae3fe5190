package dev.lede.read;

import java.util.Objects;

/**
 * Where an article was read from.
 *
 * @param file the file as named to the reader ({@code "-"} for standard input)
 * @param record the 1-based line (JSON Lines, posts: the headline's line) or record index (JSON)
 * @param format the format it was read as; never {@link InputFormat#AUTO}
 */
public record Origin(String file, long record, InputFormat format) {
  public Origin {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    if (format == InputFormat.AUTO) {
      throw new IllegalArgumentException("an origin has a concrete format, not AUTO");
    }
  }
}
