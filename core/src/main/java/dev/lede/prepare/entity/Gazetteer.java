package dev.lede.prepare.entity;

import dev.lede.BadInputException;
import dev.lede.article.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Known names: each with a canonical name, a type and aliases, found by a spelling-insensitive key
 * in one hash lookup. Immutable and thread-safe.
 *
 * <p>The file format, for the built-in list and for a user's: one entry per line, {@code canonical
 * name<TAB>type<TAB>alias<TAB>alias...}; {@code #} starts a comment line; blank lines are skipped.
 * The type is read by {@link EntityType#parse}. An alias written all in capitals ({@code US},
 * {@code WHO}) only matches text written in capitals, so that "us" and "Who" stay words.
 *
 * <p>Later entries override earlier ones: a user's file, {@linkplain #with(Gazetteer) laid over}
 * the built-in list, can retype a name, give it new aliases, or take an alias away from a built-in
 * entry by claiming it for another.
 */
public final class Gazetteer {

  /** One known name. */
  public record Entry(String canonical, EntityType type, List<String> aliases) {
    public Entry {
      Objects.requireNonNull(canonical, "canonical");
      Objects.requireNonNull(type, "type");
      aliases = List.copyOf(aliases);
    }
  }

  /**
   * What a key finds: an entry (null when the key only starts longer names), whether the entry
   * needs the text in capitals, and whether longer keys start with this one.
   */
  private record Hit(Entry entry, boolean upperOnly, boolean prefix) {}

  /** {@link #match} found an entry. */
  static final int FOUND = 1;
  /** {@link #match}: some longer key starts with these words. */
  static final int PREFIX = 2;

  private static final String BUILT_IN = "gazetteer.tsv";
  private static volatile Gazetteer builtIn;

  /**
   * Every key, and every leading run of words of every key ("joint", "joint chiefs", ...), which
   * lets matching stop early: one hash look-up answers both.
   */
  private final Map<String, Hit> byKey;
  private final List<Entry> entries;
  private final int maxTokens;

  private Gazetteer(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    Map<String, Hit> map = new HashMap<>(entries.size() * 8);
    Map<String, Entry> byCanonical = new LinkedHashMap<>();
    int max = 1;
    for (Entry e : entries) {
      // A later entry with the same canonical key replaces the earlier one wholesale.
      Entry old = byCanonical.put(NameKey.of(e.canonical()), e);
      if (old != null) {
        for (String a : old.aliases()) {
          Hit h = map.get(NameKey.of(a));
          if (h != null && h.entry() == old) {
            map.remove(NameKey.of(a));
          }
        }
      }
      max = Math.max(max, put(map, e.canonical(), e));
      for (String a : e.aliases()) {
        max = Math.max(max, put(map, a, e));
      }
    }
    this.maxTokens = max;
    java.util.Set<String> pre = new java.util.HashSet<>();
    for (String key : map.keySet()) {
      for (int i = key.indexOf(' '); i > 0; i = key.indexOf(' ', i + 1)) {
        pre.add(key.substring(0, i));
      }
    }
    for (String p : pre) {
      Hit h = map.get(p);
      map.put(p, h == null ? new Hit(null, false, true) : new Hit(h.entry(), h.upperOnly(), true));
    }
    this.byKey = map;
  }

  private static int put(Map<String, Hit> map, String name, Entry e) {
    String key = NameKey.of(name);
    if (key.isEmpty()) {
      return 0;
    }
    boolean upperOnly = NameKey.isAllUpper(name) && key.replace(" ", "").length() <= 5;
    Hit old = map.get(key);
    if (old != null && old.entry() == e) {
      upperOnly &= old.upperOnly();
    }
    map.put(key, new Hit(e, upperOnly, false));
    return key.split(" ").length;
  }

  /** Lede's built-in list: countries, capitals and large cities, international bodies, prominent people. */
  public static Gazetteer builtIn() {
    Gazetteer g = builtIn;
    if (g == null) {
      synchronized (Gazetteer.class) {
        g = builtIn;
        if (g == null) {
          try (InputStream in = Gazetteer.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
              throw new IllegalStateException("the built-in gazetteer " + BUILT_IN + " is missing from the class path");
            }
            g = new Gazetteer(parse(new InputStreamReader(in, StandardCharsets.UTF_8), BUILT_IN));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          builtIn = g;
        }
      }
    }
    return g;
  }

  /** A gazetteer with no entries. */
  public static Gazetteer empty() {
    return new Gazetteer(List.of());
  }

  /**
   * Reads a gazetteer file.
   *
   * @throws BadInputException naming the file and line of a malformed entry
   */
  public static Gazetteer read(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new Gazetteer(parse(r, file.toString()));
    } catch (IOException e) {
      throw new BadInputException("cannot read gazetteer " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads gazetteer text; {@code sourceName} names it in error messages. */
  public static Gazetteer parse(String text, String sourceName) {
    try {
      return new Gazetteer(parse(new java.io.StringReader(text), sourceName));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Entry> parse(Reader reader, String sourceName) throws IOException {
    List<Entry> out = new ArrayList<>();
    BufferedReader in = new BufferedReader(reader);
    String line;
    int lineNo = 0;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      String canonical = cols[0].strip();
      if (canonical.isEmpty()) {
        throw new BadInputException(sourceName + " line " + lineNo + ": the canonical name (first column) is empty");
      }
      if (cols.length < 2 || cols[1].isBlank()) {
        throw new BadInputException(
            sourceName + " line " + lineNo + ": '" + canonical + "' has no type; expected name<TAB>type<TAB>aliases...");
      }
      EntityType type = EntityType.parse(cols[1]);
      if (type == EntityType.OTHER && !cols[1].strip().equalsIgnoreCase("OTHER") && !cols[1].strip().equalsIgnoreCase("MISC")) {
        throw new BadInputException(
            sourceName + " line " + lineNo + ": unknown type \"" + cols[1].strip()
                + "\"; expected PERSON, ORGANIZATION, PLACE or OTHER");
      }
      List<String> aliases = new ArrayList<>();
      for (int i = 2; i < cols.length; i++) {
        String a = cols[i].strip();
        if (!a.isEmpty() && !a.equals(canonical)) {
          aliases.add(a);
        }
      }
      out.add(new Entry(canonical, type, aliases));
    }
    return out;
  }

  /** This gazetteer with {@code overrides} laid over it: their names, aliases and types win. */
  public Gazetteer with(Gazetteer overrides) {
    List<Entry> all = new ArrayList<>(entries);
    all.addAll(overrides.entries);
    return new Gazetteer(all);
  }

  /**
   * The entry a name stands for.
   *
   * @param surface the name as written in the text (a possessive is ignored)
   */
  public Optional<Entry> lookup(String surface) {
    return Optional.ofNullable(find(surface));
  }

  Entry find(String surface) {
    Hit h = byKey.get(NameKey.of(surface));
    if (h == null || h.entry() == null) {
      return null;
    }
    if (h.upperOnly() && !NameKey.isAllUpper(NameKey.stripPossessive(surface))) {
      return null;
    }
    return h.entry();
  }

  Entry findKey(String key, boolean surfaceAllUpper) {
    Hit h = byKey.get(key);
    if (h == null || (h.upperOnly() && !surfaceAllUpper)) {
      return null;
    }
    return h.entry();
  }

  /** Whether some longer key starts with these words. */
  boolean isPrefix(String key) {
    Hit h = byKey.get(key);
    return h != null && h.prefix();
  }

  /**
   * {@link #findKey} and {@link #isPrefix} in one look-up: {@link #FOUND} when a name has this key
   * (and the surface is in capitals if the name needs it), plus {@link #PREFIX} when longer names
   * start with it.
   */
  int match(String key, boolean surfaceAllUpper) {
    Hit h = byKey.get(key);
    if (h == null) {
      return 0;
    }
    return (h.entry() != null && (!h.upperOnly() || surfaceAllUpper) ? FOUND : 0) | (h.prefix() ? PREFIX : 0);
  }

  /** The longest name, in words; bounds the work of matching. */
  int maxTokens() {
    return maxTokens;
  }

  /** Every entry, in file order. */
  public List<Entry> entries() {
    return entries;
  }
}
