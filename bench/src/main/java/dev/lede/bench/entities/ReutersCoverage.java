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
 * reagan} by "Ronald Reagan"). Title and body are read; the dateline is not.
 *
 * <pre>
 * java -cp ... dev.lede.bench.entities.ReutersCoverage [--corpus ../shared/corpora/reuters21578]
 *     [--approach rules|opennlp|combined]
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
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus" -> corpus = Path.of(args[++i]);
        case "--approach" -> approach = EntityExtractor.Approach.valueOf(args[++i].toUpperCase(Locale.ROOT));
        case "--misses" -> misses = true;
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
    // [stories, places, placesCovered, people, peopleCovered, orgs, orgsCovered]
    AtomicLongArray n = new AtomicLongArray(9);
    java.util.concurrent.ConcurrentHashMap<String, Integer> missed = new java.util.concurrent.ConcurrentHashMap<>();
    long t0 = System.nanoTime();
    stories.parallelStream()
        .filter(s -> !s.places().isEmpty() || !s.people().isEmpty() || !s.orgs().isEmpty())
        .filter(s -> !s.title().isBlank() || !s.body().isBlank())
        .forEach(
            s -> {
              Article a = Article.builder().id(s.id()).headline(s.title()).body(s.body()).build();
              List<Entity> entities = extractor.extract(a);
              Set<String> names = new HashSet<>();
              Set<String> surnames = new HashSet<>();
              for (Entity e : entities) {
                names.add(EntityEval.key(e.name()));
                e.aliases().forEach(x -> names.add(EntityEval.key(x)));
                if (e.type() == EntityType.PERSON) {
                  String[] w = EntityEval.key(e.name()).split(" ");
                  surnames.add(w[w.length - 1]);
                }
              }
              n.incrementAndGet(0);
              for (String p : s.places()) {
                n.incrementAndGet(1);
                boolean usa = p.equals("usa");
                if (!usa) {
                  n.incrementAndGet(7);
                }
                if (covered(p, names, Set.of(), gazetteer)) {
                  n.incrementAndGet(2);
                  if (!usa) {
                    n.incrementAndGet(8);
                  }
                } else {
                  missed.merge("place " + p, 1, Integer::sum);
                }
              }
              for (String p : s.people()) {
                n.incrementAndGet(3);
                if (covered(p, names, surnames, gazetteer)) {
                  n.incrementAndGet(4);
                } else {
                  missed.merge("person " + p, 1, Integer::sum);
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
          .limit(40)
          .forEach(e -> System.out.println("missed " + e.getValue() + " x " + e.getKey()));
    }
    System.out.printf(Locale.ROOT, "approach %s: %d tagged stories (of %d) in %.1f s%n", approach, n.get(0), stories.size(), secs);
    System.out.printf(Locale.ROOT, "places covered: %d / %d = %.3f%n", n.get(2), n.get(1), (double) n.get(2) / n.get(1));
    // Most "usa" tags mark US companies' stories whose text never names the country (the dateline does).
    System.out.printf(Locale.ROOT, "places other than usa covered: %d / %d = %.3f%n", n.get(8), n.get(7), (double) n.get(8) / n.get(7));
    System.out.printf(Locale.ROOT, "people covered: %d / %d = %.3f%n", n.get(4), n.get(3), (double) n.get(4) / n.get(3));
    System.out.printf(Locale.ROOT, "orgs covered:   %d / %d = %.3f%n", n.get(6), n.get(5), (double) n.get(6) / n.get(5));
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
