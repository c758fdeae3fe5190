package dev.lede.read;

import java.util.Objects;

/**
 * A file that was deliberately not read.
 *
 * @param file the file's path as found
 * @param why e.g. {@code "hidden"}, {@code "unknown extension '.csv'"}, {@code "empty"}
 */
public record Skipped(String file, String why) {
  public Skipped {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(why, "why");
  }

  @Override
  public String toString() {
    return file + ": " + why;
  }
}
