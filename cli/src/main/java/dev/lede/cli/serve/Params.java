package dev.lede.cli.serve;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The query parameters of one request, checked against the names its endpoint takes. An unknown
 * name is an error that names it: a typo ({@code sorce=bbc.co.uk}) would otherwise widen a search
 * silently. An empty value is an error too, as {@code --source ""} is on the command line.
 */
final class Params {
  private final Map<String, List<String>> values;

  private Params(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * Reads a raw query string ({@code a=1&b=x%20y}); a parameter may repeat.
   *
   * @throws ApiException 400 for bad percent-encoding or a name {@code allowed} does not have
   */
  static Params parse(String rawQuery, Set<String> allowed) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest("unknown parameter" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
          + (allowed.isEmpty() ? ": this endpoint takes none" : ": this endpoint takes " + String.join(", ", new TreeSet<>(allowed))));
    }
    return new Params(values);
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad percent-encoding in the query string: " + e.getMessage());
    }
  }

  /** The last value given (the last one wins, as with repeated options), or null when absent. */
  String get(String name) {
    List<String> v = values.get(name);
    if (v == null) {
      return null;
    }
    String last = v.get(v.size() - 1);
    if (last.isBlank()) {
      throw ApiException.badRequest("parameter '" + name + "' is empty: leave it out to mean any");
    }
    return last;
  }

  /** The query text: may be empty or absent (every article). */
  String text(String name) {
    List<String> v = values.get(name);
    return v == null ? "" : v.get(v.size() - 1);
  }

  /** Every value, repeated or comma-separated when {@code split}; each piece must be non-empty. */
  List<String> all(String name, boolean split) {
    List<String> out = new ArrayList<>();
    for (String v : values.getOrDefault(name, List.of())) {
      for (String piece : split ? v.split(",", -1) : new String[] {v}) {
        if (piece.isBlank()) {
          throw ApiException.badRequest("parameter '" + name + "' has an empty value: leave it out to mean any");
        }
        out.add(piece.strip());
      }
    }
    return out;
  }

  /** A flag: absent is false; present with no value, {@code true}, {@code 1} or {@code yes} is true. */
  boolean flag(String name) {
    List<String> v = values.get(name);
    if (v == null) {
      return false;
    }
    String last = v.get(v.size() - 1).strip().toLowerCase(Locale.ROOT);
    return switch (last) {
      case "", "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw ApiException.badRequest("parameter '" + name + "' must be true or false, got '" + last + "'");
    };
  }

  Integer integer(String name) {
    String v = get(name);
    if (v == null) {
      return null;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("parameter '" + name + "' must be a whole number, got '" + v + "'");
    }
  }

  int integer(String name, int defaultValue) {
    Integer v = integer(name);
    return v == null ? defaultValue : v;
  }

  /** An enum constant by its name in any case, or an error listing the names. */
  <E extends Enum<E>> E choice(String name, Class<E> type, E defaultValue) {
    String v = get(name);
    return v == null ? defaultValue : choice(name, v, type);
  }

  static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value.strip())) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name().toLowerCase(Locale.ROOT));
    }
    throw ApiException.badRequest("parameter '" + name + "' must be one of " + String.join(", ", names) + ", got '" + value + "'");
  }

  <T> T map(String name, Function<String, T> f) {
    String v = get(name);
    return v == null ? null : f.apply(v);
  }
}
