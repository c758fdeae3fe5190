package dev.lede.read;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The input formats Lede reads. {@link #AUTO} chooses one per file, by extension and then by content. */
public enum InputFormat {
  /** Choose per file: {@code .txt} is a post, {@code .json} JSON, {@code .jsonl}/{@code .ndjson} JSON Lines, {@code .csv} CSV; else sniff. */
  AUTO,
  /** A scraped post: headline, counter, id, paragraphs, {@code Original Source:} line, site footer. */
  POST,
  /** One JSON object, an array of objects, or a sequence of objects. */
  JSON,
  /** JSON Lines: one object per line. */
  JSONL,
  /** news-please's article layout (title, description, maintext, source_domain, date_publish ...), as JSON or JSON Lines. */
  NEWSPLEASE,
  /** CSV (RFC 4180) with a header row naming the columns as JSON names its fields. */
  CSV;

  /**
   * Reads a format name as users type it: {@code auto}, {@code post}, {@code json}, {@code jsonl}
   * (or {@code ndjson}), {@code newsplease} (or {@code news-please}), {@code csv}; case-insensitive.
   *
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  public static InputFormat parse(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "auto" -> AUTO;
      case "post", "txt" -> POST;
      case "json" -> JSON;
      case "jsonl", "ndjson", "json-lines", "jsonlines" -> JSONL;
      case "newsplease", "news-please" -> NEWSPLEASE;
      case "csv" -> CSV;
      default ->
          throw new IllegalArgumentException(
              "unknown input format '" + name + "', expected one of: " + names());
    };
  }

  /** The names {@link #parse} accepts in the first place, separated by {@code |}. */
  public static String names() {
    return Arrays.stream(values()).map(InputFormat::label).collect(Collectors.joining("|"));
  }

  /** The lower-case name of this format, as {@link #parse} reads it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
