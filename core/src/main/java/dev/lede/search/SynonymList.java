package dev.lede.search;

import dev.lede.BadInputException;
import dev.lede.index.NewsAnalyzers;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Synonyms and acronyms applied to queries: a list of rules in the line format of Solr and WordNet
 * exports, which most teams already keep.
 *
 * <pre>
 * # equivalents: any of them finds the others
 * cyclone, hurricane, typhoon
 * # one-way: the left side is searched as the right side (and only as that)
 * ecb =&gt; european central bank
 * </pre>
 *
 * <p>Blank lines and lines starting with {@code #} are ignored. Lucene's own {@link
 * SolrSynonymParser} reads each rule, with the analysis that precedes the synonym filter in
 * Lede's query chains (so {@code Zürich} in a rule matches {@code zurich} in a query); Lede adds the
 * line number to its errors and refuses what it would skip silently (an empty side, an empty word).
 * Immutable.
 */
public final class SynonymList {
  /** The list with no rules: queries are analysed as they always were. */
  public static final SynonymList EMPTY = new SynonymList(List.of(), null);

  /** Equivalent words, or a one-way rule. */
  public enum Kind {
    /** {@code a, b, c}: each finds the others. */
    EQUIVALENT,
    /** {@code a => b}: a query for a is a query for b. */
    ONE_WAY
  }

  /**
   * One rule.
   *
   * @param line the line of the file it came from (1-based), or 0 when built in code
   * @param from the words a query must contain (for equivalents, every member)
   * @param to what they are searched as (for equivalents, the same list)
   */
  public record Rule(int line, Kind kind, List<String> from, List<String> to) {
    public Rule {
      Objects.requireNonNull(kind, "kind");
      from = List.copyOf(from);
      to = List.copyOf(to);
      if (from.isEmpty() || to.isEmpty()) {
        throw new IllegalArgumentException("a synonym rule needs words on both sides, got " + from + " => " + to);
      }
    }

    /** The rule as a line of the file format. */
    public String toLine() {
      return kind == Kind.EQUIVALENT ? join(from) : join(from) + " => " + join(to);
    }

    private static String join(List<String> words) {
      return String.join(", ", words.stream().map(w -> w.replace("\\", "\\\\").replace(",", "\\,").replace("=>", "=\\>")).toList());
    }
  }

  private final List<Rule> rules;
  private final SynonymMap map;

  private SynonymList(List<Rule> rules, SynonymMap map) {
    this.rules = List.copyOf(rules);
    this.map = map;
  }

  /**
   * Reads a list in the line format.
   *
   * @param source what to call the text in error messages (a file name)
   * @throws BadInputException naming the source and the line of the first bad rule
   */
  public static SynonymList parse(String source, String text) {
    Analyzer analyzer = NewsAnalyzers.exact();
    SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
    List<Rule> rules = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int number = i + 1;
      Rule rule = rule(source, number, line);
      try {
        parser.parse(new StringReader(line));
      } catch (ParseException | IOException | IllegalArgumentException e) {
        Throwable why = e.getCause() != null ? e.getCause() : e;
        throw bad(source, number, line, String.valueOf(why.getMessage()));
      }
      rules.add(rule);
    }
    if (rules.isEmpty()) {
      return EMPTY;
    }
    try {
      return new SynonymList(rules, parser.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a list from a file (UTF-8).
   *
   * @throws BadInputException when the file cannot be read (saying why) or has a bad rule
   */
  public static SynonymList read(Path file) {
    String text;
    try {
      byte[] bytes = Files.readAllBytes(file);
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new BadInputException("cannot read synonyms " + file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new BadInputException("cannot read synonyms " + file + ": permission denied", e);
    } catch (CharacterCodingException e) {
      throw new BadInputException("cannot read synonyms " + file + ": not UTF-8 text", e);
    } catch (IOException e) {
      String why = Files.isDirectory(file) ? "it is a directory" : e.getMessage();
      throw new BadInputException("cannot read synonyms " + file + ": " + why, e);
    }
    return parse(file.toString(), text);
  }

  /** The rules, in file order. */
  public List<Rule> rules() {
    return rules;
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** Lucene's compiled form, for {@code SynonymGraphFilter}; null when the list is empty. */
  public SynonymMap map() {
    return map;
  }

  /** The rules in the line format, one a line: {@link #parse} reads it back to an equal list. */
  public String toText() {
    StringBuilder b = new StringBuilder();
    for (Rule r : rules) {
      b.append(r.toLine()).append('\n');
    }
    return b.toString();
  }

  /** Two lists are equal when their rules say the same, whatever lines they came from. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SynonymList other && other.toText().equals(toText());
  }

  @Override
  public int hashCode() {
    return toText().hashCode();
  }

  @Override
  public String toString() {
    return "SynonymList(" + rules.size() + " rules)";
  }

  /** The structure of one line, checked for what Lucene's parser would skip without a word. */
  private static Rule rule(String source, int number, String line) {
    List<String> sides = split(line, "=>");
    if (sides.size() > 2) {
      throw bad(source, number, line, "more than one \"=>\" on a line");
    }
    List<String> from = words(source, number, line, sides.get(0), sides.size() == 2 ? "before \"=>\"" : "");
    if (sides.size() == 1) {
      return new Rule(number, Kind.EQUIVALENT, from, from);
    }
    List<String> to = words(source, number, line, sides.get(1), "after \"=>\"");
    return new Rule(number, Kind.ONE_WAY, from, to);
  }

  private static List<String> words(String source, int number, String line, String side, String where) {
    if (side.isBlank()) {
      throw bad(source, number, line, "no words " + (where.isEmpty() ? "in the rule" : where));
    }
    List<String> out = new ArrayList<>();
    for (String w : split(side, ",")) {
      String word = unescape(w).strip();
      if (word.isEmpty()) {
        throw bad(source, number, line, "an empty word between commas" + (where.isEmpty() ? "" : " " + where));
      }
      out.add(word.replaceAll("\\s+", " "));
    }
    return out;
  }

  /** Splits at a separator not escaped with a backslash, as Lucene's parser does. */
  private static List<String> split(String s, String separator) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      if (s.charAt(i) == '\\' && i + 1 < s.length()) {
        current.append(s, i, i + 2);
        i += 2;
      } else if (s.startsWith(separator, i)) {
        out.add(current.toString());
        current.setLength(0);
        i += separator.length();
      } else {
        current.append(s.charAt(i++));
      }
    }
    out.add(current.toString());
    return out;
  }

  private static String unescape(String s) {
    return s.replaceAll("\\\\(.)", "$1");
  }

  private static BadInputException bad(String source, int number, String line, String why) {
    return new BadInputException(source + " line " + number + ": " + why + ": \"" + line + "\"");
  }
}
