package dev.lede.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the forgiving query syntax into clauses. It never throws: whatever it cannot read as an
 * operator it reads as words.
 *
 * <p>Syntax: words; {@code "a phrase"} (an unclosed quote runs to the end); {@code -word} or {@code
 * NOT word} excludes; {@code +word} or {@code a AND b} requires; {@code OR} is accepted (words are
 * alternatives already); {@code prefix*}; {@code field:value} or {@code field:"a phrase"} with the
 * fields headline (title), lead, body, entity, source, author (by, byline), type, language (lang), id and published
 * (date): {@code published:[2025-01-01 TO 2025-06-30]}, {@code published:>2025-01-01}, {@code
 * published:2025-03}.
 */
final class SimpleQueryParser {
  enum Occur {
    SHOULD,
    MUST,
    MUST_NOT
  }

  enum Kind {
    WORD,
    PHRASE,
    PREFIX,
    RANGE
  }

  /** One clause: a word, phrase, prefix or range, optionally on a field. */
  record Clause(String field, Kind kind, String text, Occur occur) {}

  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("headline", "headline"),
          Map.entry("title", "headline"),
          Map.entry("lead", "lead"),
          Map.entry("body", "body"),
          Map.entry("text", "body"),
          Map.entry("entity", "entity"),
          Map.entry("entities", "entity"),
          Map.entry("source", "source"),
          Map.entry("site", "source"),
          Map.entry("type", "type"),
          Map.entry("language", "language"),
          Map.entry("lang", "language"),
          Map.entry("id", "id"),
          Map.entry("published", "published"),
          Map.entry("date", "published"),
          Map.entry("author", "author"),
          Map.entry("by", "author"),
          Map.entry("byline", "author"));

  private SimpleQueryParser() {}

  static List<Clause> parse(String text) {
    // In a query with no lower-case letter at all ("RUSSIA OR A FOUR-POWER SUMMIT") an upper-case
    // AND, OR or NOT cannot be told from the word; there they are words, as the writer meant.
    boolean operators = text.chars().anyMatch(Character::isLowerCase);
    List<Clause> clauses = new ArrayList<>();
    int i = 0;
    int n = text.length();
    Occur pending = null; // from NOT / AND
    boolean andBefore = false;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      Occur occur = pending == null ? Occur.SHOULD : pending;
      pending = null;
      if ((c == '-' || c == '+' || c == '!') && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
        occur = c == '+' ? Occur.MUST : Occur.MUST_NOT;
        i++;
        c = text.charAt(i);
      }
      String field = null;
      int colon = fieldEnd(text, i);
      if (colon > 0) {
        String name = text.substring(i, colon).toLowerCase(Locale.ROOT);
        field = FIELDS.get(name);
        i = colon + 1;
        c = text.charAt(i);
      }
      Clause clause;
      if (c == '"') {
        int close = text.indexOf('"', i + 1);
        int end = close < 0 ? n : close;
        clause = new Clause(field, Kind.PHRASE, text.substring(i + 1, end), occur);
        i = close < 0 ? n : close + 1;
      } else if ("published".equals(field) && (c == '[' || c == '{')) {
        int close = indexOfAny(text, i + 1, "]}");
        int end = close < 0 ? n : close;
        clause = new Clause(field, Kind.RANGE, text.substring(i + 1, end).strip(), occur);
        i = close < 0 ? n : close + 1;
      } else {
        int end = i;
        while (end < n && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        String word = text.substring(i, end);
        i = end;
        if (operators && field == null && occur == Occur.SHOULD) {
          if (word.equals("OR")) {
            continue;
          }
          if (word.equals("AND")) {
            andBefore = true;
            if (!clauses.isEmpty()) {
              Clause last = clauses.remove(clauses.size() - 1);
              clauses.add(last.occur() == Occur.SHOULD ? new Clause(last.field(), last.kind(), last.text(), Occur.MUST) : last);
            }
            pending = Occur.MUST;
            continue;
          }
          if (word.equals("NOT")) {
            pending = Occur.MUST_NOT;
            continue;
          }
        }
        Kind kind = Kind.WORD;
        if ("published".equals(field)) {
          kind = Kind.RANGE;
        } else if (word.length() > 1 && word.endsWith("*") && word.chars().filter(ch -> ch == '*').count() == 1) {
          kind = Kind.PREFIX;
          word = word.substring(0, word.length() - 1);
        }
        clause = new Clause(field, kind, word, occur);
      }
      if (!clause.text().isBlank()) {
        clauses.add(clause);
      }
      andBefore = false;
    }
    return clauses;
  }

  /** The index of the colon ending a known field name at {@code i}, when a value follows; else -1. */
  private static int fieldEnd(String text, int i) {
    int j = i;
    while (j < text.length() && Character.isLetter(text.charAt(j))) {
      j++;
    }
    if (j == i || j + 1 >= text.length() || text.charAt(j) != ':' || Character.isWhitespace(text.charAt(j + 1))) {
      return -1;
    }
    return FIELDS.containsKey(text.substring(i, j).toLowerCase(Locale.ROOT)) ? j : -1;
  }

  private static int indexOfAny(String s, int from, String chars) {
    for (int k = from; k < s.length(); k++) {
      if (chars.indexOf(s.charAt(k)) >= 0) {
        return k;
      }
    }
    return -1;
  }
}
