package dev.lede.bench.entities;

import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import dev.lede.prepare.entity.EntityExtractor;
import dev.lede.prepare.entity.Gazetteer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * An outside check we do not tune to: Reuters-21578 stories carry hand-assigned PLACES, PEOPLE and
 * ORGS tags ({@code usa}, {@code west-germany}, {@code reagan}, {@code opec}). For the stories that
 * have such tags, this reports the share of tags that Lede's extracted canonical entities cover.
 *
 * <p>A tag is covered when, after mapping its spelling through the built-in gazetteer (hyphens as
 * spaces, case ignored: {@code usa} -> United States), it equals an extracted entity's canonical name
 * or one of its aliases; a people tag is also covered by a person whose last name it is ({@code
 * reagan} by "Ronald Reagan", {@code de-clercq} by "Willy de Clercq"). Title and body are read; with {@code --dateline} the body opens
 * with its dateline as the wire printed it ("HOUSTON, March 6 - ").
 *
 * <p>Many tags name what the story is about without the story writing the name ({@code usa} on most
 * US company news). So each figure is also given for the tags <em>named in the text</em> only: a
 * place whose tag, canonical name or an alias is written in the title or body (dots ignored, a
 * name in capitals only in capitals), a person whose last name is written capitalised.
 *
 * <pre>
 * java -cp ... dev.lede.bench.entities.ReutersCoverage [--corpus ../shared/corpora/reuters21578]
 *     [--approach rules|opennlp|combined] [--dateline] [--misses]
 * </pre>
 */
public final class ReutersCoverage {
  private ReutersCoverage() {}

  private static final Pattern STORY = Pattern.compile("<REUTERS[^>]*NEWID=\"(\\d+)\"[^>]*>(.*?)</REUTERS>", Pattern.DOTALL);
  private static final Pattern D = Pattern.compile("<D>(.*?)</D>");

  record Story(String id, String title, String dateline, String body, List<String> places, List<String> people, List<String> orgs) {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of("../shared/corpora/reuters21578");
    EntityExtractor.Approach approach = EntityExtractor.Approach.RULES;
    boolean misses = false;
    boolean dateline = false;
    String story = null;
    String list = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus" -> corpus = Path.of(args[++i]);
        case "--approach" -> approach = EntityExtractor.Approach.valueOf(args[++i].toUpperCase(Locale.ROOT));
        case "--misses" -> misses = true;
        case "--dateline" -> dateline = true;
        case "--story" -> story = args[++i];
        case "--list" -> list = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (!Files.isDirectory(corpus)) {
      System.err.println("skipped: " + corpus + " is not here");
      return;
    }
    List<Story> stories = new ArrayList<>();
    try (Stream<Path> files = Files.list(corpus)) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches("reut2-\\d+\\.sgm(\\.gz)?")).sorted().toList()) {
        stories.addAll(parse(f));
      }
    }
    Gazetteer gazetteer = Gazetteer.builtIn();
    EntityExtractor extractor = EntityExtractor.of(approach, gazetteer);
    // [stories, places, placesCovered, people, peopleCovered, orgs, orgsCovered, non-usa places,
    // non-usa covered, places named, named covered, people named, named covered]
    AtomicLongArray n = new AtomicLongArray(13);
    boolean withDateline = dateline;
    String listTag = list;
    if (story != null) { // one story's text, tags and entities, to see why a tag was missed
      for (Story s : stories) {
        if (s.id().equals(story)) {
          String body = dateline && !s.dateline().isBlank() ? s.dateline().strip() + " " + s.body() : s.body();
          System.out.println(s.title() + "\n" + body + "\nplaces " + s.places() + " people " + s.people());
          extractor.extract(Article.builder().id(s.id()).headline(s.title()).body(body).build()).forEach(System.out::println);
        }
      }
      return;
    }
    java.util.concurrent.ConcurrentHashMap<String, Integer> missed = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.ConcurrentHashMap<String, String> example = new java.util.concurrent.ConcurrentHashMap<>();
    long t0 = System.nanoTime();
    stories.parallelStream()
        .filter(s -> !s.places().isEmpty() || !s.people().isEmpty() || !s.orgs().isEmpty())
        .filter(s -> !s.title().isBlank() || !s.body().isBlank())
        .forEach(
            s -> {
              String body = withDateline && !s.dateline().isBlank() ? s.dateline().strip() + " " + s.body() : s.body();
              Article a = Article.builder().id(s.id()).headline(s.title()).body(body).build();
              List<Entity> entities = extractor.extract(a);
              String text = (s.title() + "\n" + body).replace(".", "");
              Set<String> names = new HashSet<>();
              Set<String> surnames = new HashSet<>();
              for (Entity e : entities) {
                names.add(EntityEval.key(e.name()));
                e.aliases().forEach(x -> names.add(EntityEval.key(x)));
                if (e.type() == EntityType.PERSON) {
                  // A people tag is a family name, which may have several words: de-clercq, du-plessis.
                  String[] w = EntityEval.key(e.name()).split(" ");
                  for (int k = w.length - 1; k >= 1; k--) {
                    surnames.add(String.join(" ", java.util.Arrays.copyOfRange(w, k, w.length)));
                  }
                  if (w.length == 1) {
                    surnames.add(w[0]);
                  }
                }
              }
              n.incrementAndGet(0);
              for (String p : s.places()) {
                n.incrementAndGet(1);
                boolean usa = p.equals("usa");
                if (!usa) {
                  n.incrementAndGet(7);
                }
                boolean named = named(text, placeNames(p, gazetteer));
                if (named) {
                  n.incrementAndGet(9);
                }
                if (covered(p, names, Set.of(), gazetteer)) {
                  n.incrementAndGet(2);
                  if (!usa) {
                    n.incrementAndGet(8);
                  }
                  if (named) {
                    n.incrementAndGet(10);
                  }
                } else {
                  missed.merge((named ? "named " : "") + (s.body().isBlank() ? "(title only) " : "") + "place " + p, 1, Integer::sum);
                  if (named && p.equals(listTag)) {
                    System.out.println("missed " + p + " in NEWID " + s.id());
                  }
                  if (named) {
                    example.putIfAbsent("named " + (s.body().isBlank() ? "(title only) " : "") + "place " + p, s.id());
                  }
                }
              }
              for (String p : s.people()) {
                n.incrementAndGet(3);
                String[] w = p.split("-");
                boolean named = named(text, List.of(capitalise(w[w.length - 1])));
                if (named) {
                  n.incrementAndGet(11);
                }
                if (covered(p, names, surnames, gazetteer)) {
                  n.incrementAndGet(4);
                  if (named) {
                    n.incrementAndGet(12);
                  }
                } else {
                  missed.merge((named ? "named " : "") + (s.body().isBlank() ? "(title only) " : "") + "person " + p, 1, Integer::sum);
                  if (named) {
                    example.putIfAbsent("named " + (s.body().isBlank() ? "(title only) " : "") + "person " + p, s.id());
                  }
                }
              }
              for (String o : s.orgs()) {
                n.incrementAndGet(5);
                if (covered(o, names, Set.of(), gazetteer)) {
                  n.incrementAndGet(6);
                }
              }
            });
    double secs = (System.nanoTime() - t0) / 1e9;
    if (misses) {
      missed.entrySet().stream()
          .sorted((x, y) -> y.getValue() - x.getValue())
          .filter(e -> e.getKey().startsWith("named "))
          .limit(80)
          .forEach(e -> System.out.println("missed " + e.getValue() + " x " + e.getKey() + " (e.g. NEWID " + example.get(e.getKey()) + ")"));
    }
    System.out.printf(Locale.ROOT, "approach %s: %d tagged stories (of %d) in %.1f s%n", approach, n.get(0), stories.size(), secs);
    System.out.printf(Locale.ROOT, "places covered: %d / %d = %.3f%n", n.get(2), n.get(1), (double) n.get(2) / n.get(1));
    // Most "usa" tags mark US companies' stories whose text never names the country (the dateline does).
    System.out.printf(Locale.ROOT, "places other than usa covered: %d / %d = %.3f%n", n.get(8), n.get(7), (double) n.get(8) / n.get(7));
    System.out.printf(Locale.ROOT, "people covered: %d / %d = %.3f%n", n.get(4), n.get(3), (double) n.get(4) / n.get(3));
    System.out.printf(Locale.ROOT, "orgs covered:   %d / %d = %.3f%n", n.get(6), n.get(5), (double) n.get(6) / n.get(5));
    System.out.printf(Locale.ROOT, "places named in the text covered: %d / %d = %.3f%n", n.get(10), n.get(9), (double) n.get(10) / n.get(9));
    System.out.printf(Locale.ROOT, "people named in the text covered: %d / %d = %.3f%n", n.get(12), n.get(11), (double) n.get(12) / n.get(11));
    System.out.printf(
        Locale.ROOT,
        "places + people: %.3f%n",
        (double) (n.get(2) + n.get(4)) / (n.get(1) + n.get(3)));
  }

  static boolean covered(String tag, Set<String> names, Set<String> surnames, Gazetteer gazetteer) {
    String spaced = tag.replace('-', ' ');
    String key = EntityEval.key(spaced);
    if (names.contains(key) || surnames.contains(key)) {
      return true;
    }
    // Tags are lower case; asking in capitals lets all-capital aliases (USA, UK) match too.
    return gazetteer
        .lookup(spaced.toUpperCase(Locale.ROOT))
        .map(e -> names.contains(EntityEval.key(e.canonical())))
        .orElse(false);
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, Pattern> WORDS = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Whether the text (dots removed) writes one of the names as a word: a name in capitals ("US")
   * only in capitals, any other in any case. This is what "named in the text" means: a tag whose
   * name the story never writes ({@code usa} on a story datelined NEW YORK) cannot be extracted.
   */
  static boolean named(String text, List<String> names) {
    for (String name : names) {
      String bare = name.replace(".", "").strip();
      if (bare.isEmpty()) {
        continue;
      }
      boolean caps = bare.equals(bare.toUpperCase(Locale.ROOT));
      Pattern p = WORDS.computeIfAbsent((caps ? "C" : "i") + bare, k -> Pattern.compile(
          "(?<![\\p{L}\\p{N}])" + Pattern.quote(bare) + "(?![\\p{L}\\p{N}])", caps ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
      if (p.matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  /** The tag as words ("west germany") and, when the gazetteer knows it, its canonical name and aliases. */
  static List<String> placeNames(String tag, Gazetteer gazetteer) {
    String spaced = tag.replace('-', ' ');
    List<String> out = new ArrayList<>(List.of(spaced));
    gazetteer.lookup(spaced.toUpperCase(Locale.ROOT)).or(() -> gazetteer.lookup(spaced)).ifPresent(e -> {
      out.add(e.canonical());
      out.addAll(e.aliases());
    });
    return out;
  }

  private static String capitalise(String w) {
    return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  static List<Story> parse(Path file) throws IOException {
    String sgml;
    try (InputStream in = Files.newInputStream(file);
        InputStream data = file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in) {
      sgml = new String(data.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    List<Story> out = new ArrayList<>();
    Matcher m = STORY.matcher(sgml);
    while (m.find()) {
      String s = m.group(2);
      out.add(
          new Story(
              m.group(1), unescape(between(s, "TITLE")), unescape(between(s, "DATELINE")), unescape(between(s, "BODY")), list(s, "PLACES"), list(s, "PEOPLE"), list(s, "ORGS")));
    }
    return out;
  }

  private static String between(String s, String tag) {
    int a = s.indexOf("<" + tag + ">");
    int b = s.indexOf("</" + tag + ">");
    return a < 0 || b < a ? "" : s.substring(a + tag.length() + 2, b);
  }

  private static List<String> list(String s, String tag) {
    List<String> out = new ArrayList<>();
    Matcher m = D.matcher(between(s, tag));
    while (m.find()) {
      out.add(m.group(1).strip());
    }
    return out;
  }

  private static String unescape(String s) {
    return s.replaceAll("&#\\d+;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("\u0003", "").strip();
  }
}
