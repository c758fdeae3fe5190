package dev.lede.cli.render;

import dev.lede.article.Entity;
import dev.lede.search.Hit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The columns {@code --format csv} can write, in their default order. The first eight are the
 * columns CSV output always had, in the same order, so scripts that read them by position keep
 * working; columns are only ever added at the end. Lists are joined with {@code "; "}.
 */
public enum CsvColumn {
  RANK,
  ID,
  SCORE,
  HEADLINE,
  SOURCE,
  PUBLISHED,
  URL,
  STORY,
  /** The lead paragraph. */
  LEAD,
  /** Bylines, {@code "; "} between them. */
  AUTHORS,
  /** The snippet as plain text (matches are not marked). */
  SNIPPET,
  /** Entity names, {@code "; "} between them. */
  ENTITIES;

  /** Every column, in the default order. */
  public static final List<CsvColumn> DEFAULT = List.of(values());

  /** The header name: the constant in lower case. */
  public String header() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The names, comma-separated, for help and error messages. */
  public static String names() {
    return DEFAULT.stream().map(CsvColumn::header).collect(Collectors.joining(","));
  }

  String value(Hit h, long rank) {
    return switch (this) {
      case RANK -> Long.toString(rank);
      case ID -> h.id();
      case SCORE -> Float.isNaN(h.score()) ? "" : Float.toString(h.score());
      case HEADLINE -> h.headline();
      case SOURCE -> h.source();
      case PUBLISHED -> h.published() == null ? "" : h.published().toString();
      case URL -> h.url();
      case STORY -> h.storyId();
      case LEAD -> h.lead();
      case AUTHORS -> String.join("; ", h.authors());
      case SNIPPET -> h.snippet().text();
      case ENTITIES -> h.entities().stream().map(Entity::name).collect(Collectors.joining("; "));
    };
  }
}
