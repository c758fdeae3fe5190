package dev.lede.bench.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import dev.lede.prepare.entity.EntityExtractor;
import dev.lede.prepare.entity.Gazetteer;
import dev.lede.prepare.entity.Mention;
import dev.lede.read.ArticleInputs;
import dev.lede.read.InputFormat;
import dev.lede.read.Origin;
import dev.lede.read.ReadListener;
import dev.lede.read.Rejection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Precision, recall and F1 of each extraction approach on a hand-labelled set.
 *
 * <p>The labels file is either JSON Lines, one article per line: {@code {"id", "entities": [{"name",
 * "type", "mentions": [surface, ...]}]}}, optionally with the article's {@code headline} and {@code
 * body} inline; or, when its name ends in {@code .tsv}, one entity per line: {@code article id<TAB>
 * canonical name<TAB>type<TAB>mention...}, an article without entities being its id alone. An
 * article without inline text is looked up by id (or file name) in {@code --corpus}; when that is
 * the public corpora's folder, by the {@link NewsGoldSet} ids ({@code bbc:business/350}). Two scores,
 * micro-averaged over articles:
 *
 * <ul>
 *   <li>(a) mentions with type: the set of (surface string, type) per article, possessives stripped,
 *       compared case- and punctuation-insensitively;
 *   <li>(b) canonical entities: the set of (canonical name, type) per article; both sides' names go
 *       through the built-in gazetteer first, so "Kim Jong Un" and "Kim Jong-un" are one name.
 * </ul>
 *
 * <pre>
 * java -cp ... dev.lede.bench.entities.EntityEval [--labels sample-corpus/labels/entities.tsv]
 *     [--corpus sample-corpus] [--approach all|rules|opennlp|combined] [--verbose]
 * java -cp ... dev.lede.bench.entities.EntityEval --labels bench/labels/news-entities.tsv
 *     --corpus ../shared/corpora
 * </pre>
 */
public final class EntityEval {
  private EntityEval() {}

  record Score(int tp, int fp, int fn) {
    double p() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    double r() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    double f1() {
      return p() + r() == 0 ? 0 : 2 * p() * r() / (p() + r());
    }

    Score plus(Set<String> gold, Set<String> found) {
      int t = 0;
      for (String g : gold) {
        if (found.contains(g)) {
          t++;
        }
      }
      return new Score(tp + t, fp + found.size() - t, fn + gold.size() - t);
    }
  }

  record Labelled(Article article, Set<String> mentions, Set<String> entities) {}

  public static void main(String[] args) throws IOException {
    Path labels = Path.of("sample-corpus/labels/entities.tsv");
    if (!Files.exists(labels)) {
      labels = Path.of("core/src/test/resources/dev/lede/prepare/entity/dev-labels.jsonl");
    }
    Path corpus = Path.of("sample-corpus");
    String approach = "all";
    boolean verbose = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--labels" -> labels = Path.of(args[++i]);
        case "--corpus" -> corpus = Path.of(args[++i]);
        case "--approach" -> approach = args[++i];
        case "--verbose" -> verbose = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Gazetteer gazetteer = Gazetteer.builtIn();
    List<Labelled> set = load(labels, corpus, gazetteer);
    System.out.printf(Locale.ROOT, "labels: %s (%d articles)%n", labels, set.size());
    System.out.printf(Locale.ROOT, "%-10s %22s %22s %8s%n", "approach", "(a) mentions P/R/F1", "(b) entities P/R/F1", "ms");
    for (EntityExtractor.Approach a : EntityExtractor.Approach.values()) {
      if (!approach.equals("all") && !approach.equalsIgnoreCase(a.name())) {
        continue;
      }
      EntityExtractor ex = EntityExtractor.of(a, gazetteer);
      ex.extract(set.getFirst().article()); // loads models outside the timing
      Score men = new Score(0, 0, 0);
      Score ent = new Score(0, 0, 0);
      long t0 = System.nanoTime();
      for (Labelled l : set) {
        List<Mention> ms = ex.mentions(l.article());
        Set<String> foundMentions = new HashSet<>();
        for (Mention m : ms) {
          foundMentions.add(key(m.surface()) + "|" + m.type());
        }
        Set<String> foundEntities = new HashSet<>();
        for (Entity e : EntityExtractor.group(ms)) {
          foundEntities.add(canonicalKey(e.name(), gazetteer) + "|" + e.type());
        }
        men = men.plus(l.mentions(), foundMentions);
        ent = ent.plus(l.entities(), foundEntities);
        if (verbose) {
          diff(a + " " + l.article().id() + " entities", l.entities(), foundEntities);
          diff(a + " " + l.article().id() + " mentions", l.mentions(), foundMentions);
        }
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf(
          Locale.ROOT,
          "%-10s %6.3f %6.3f %6.3f   %6.3f %6.3f %6.3f %8d%n",
          a.name().toLowerCase(Locale.ROOT), men.p(), men.r(), men.f1(), ent.p(), ent.r(), ent.f1(), ms);
    }
  }

  private static void diff(String what, Set<String> gold, Set<String> found) {
    Set<String> missed = new TreeSet<>(gold);
    missed.removeAll(found);
    Set<String> extra = new TreeSet<>(found);
    extra.removeAll(gold);
    if (!missed.isEmpty() || !extra.isEmpty()) {
      System.out.println("  " + what + ": missed " + missed + " extra " + extra);
    }
  }

  static String key(String s) {
    String n = Normalizer.normalize(s.strip(), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    n = n.replace('\u2019', '\'').replaceAll("(?i)('s|s')$", "");
    return n.toLowerCase(Locale.ROOT).replace(".", "").replaceAll("[-\\s]+", " ").strip();
  }

  static String canonicalKey(String name, Gazetteer gazetteer) {
    return key(gazetteer.lookup(name).map(Gazetteer.Entry::canonical).orElse(name));
  }

  /** Reads the TSV form into the JSON Lines form's records, articles in file order. */
  static List<JsonNode> readTsv(Path labels) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, com.fasterxml.jackson.databind.node.ObjectNode> byId = new java.util.LinkedHashMap<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(labels)) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      com.fasterxml.jackson.databind.node.ObjectNode rec =
          byId.computeIfAbsent(f[0].strip(), id -> json.createObjectNode().put("id", id));
      com.fasterxml.jackson.databind.node.ArrayNode entities = rec.withArray("entities");
      if (f.length == 1) {
        continue;
      }
      if (f.length < 3 || f[1].isBlank() || f[2].isBlank()) {
        throw new IllegalArgumentException(labels + " line " + lineNo + ": expected id<TAB>name<TAB>type<TAB>mentions..., got \"" + line + "\"");
      }
      com.fasterxml.jackson.databind.node.ObjectNode e = entities.addObject().put("name", f[1].strip()).put("type", f[2].strip());
      com.fasterxml.jackson.databind.node.ArrayNode mentions = e.putArray("mentions");
      for (int i = 3; i < f.length; i++) {
        if (!f[i].isBlank()) {
          mentions.add(f[i].strip());
        }
      }
    }
    return new ArrayList<>(byId.values());
  }

  static List<Labelled> load(Path labels, Path corpus, Gazetteer gazetteer) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> records = new ArrayList<>();
    if (labels.getFileName().toString().endsWith(".tsv")) {
      records.addAll(readTsv(labels));
    } else {
      for (String line : Files.readAllLines(labels)) {
        records.add(line.isBlank() ? null : json.readTree(line));
      }
    }
    Map<String, Article> byId = null;
    List<Labelled> out = new ArrayList<>();
    int lineNo = 0;
    for (JsonNode rec : records) {
      lineNo++; // the record's number (a line number for JSON Lines)
      if (rec == null) {
        continue;
      }
      String id = rec.path("id").asText();
      Article article;
      if (rec.has("body") || rec.has("headline")) {
        article = Article.builder().id(id).headline(rec.path("headline").asText("")).body(rec.path("body").asText("")).build();
      } else {
        if (byId == null) {
          byId = NewsGoldSet.isCorporaRoot(corpus) ? NewsGoldSet.byId(corpus) : readCorpus(corpus);
        }
        article = byId.get(id);
        if (article == null) {
          throw new IllegalArgumentException(labels + " record " + lineNo + ": no article with id '" + id + "' in " + corpus);
        }
      }
      // The labelled text is judged on its own: input entities are not handed to the extractor.
      article = article.withEntities(List.of());
      Set<String> mentions = new HashSet<>();
      Set<String> entities = new HashSet<>();
      for (JsonNode e : rec.path("entities")) {
        EntityType type = EntityType.parse(e.path("type").asText());
        entities.add(canonicalKey(e.path("name").asText(), gazetteer) + "|" + type);
        for (JsonNode m : e.path("mentions")) {
          mentions.add(key(m.asText()) + "|" + type);
        }
      }
      out.add(new Labelled(article, mentions, entities));
    }
    return out;
  }

  /** Articles of the corpus by id and by file name (without extension), for labels that use either. */
  static Map<String, Article> readCorpus(Path corpus) {
    Map<String, Article> byId = new HashMap<>();
    ArticleInputs.read(
        List.of(corpus),
        InputFormat.AUTO,
        new ReadListener() {
          @Override
          public void article(Article article, Origin origin) {
            byId.putIfAbsent(article.id(), article);
            String file = Path.of(origin.file()).getFileName().toString();
            int dot = file.indexOf('.');
            byId.putIfAbsent(dot > 0 ? file.substring(0, dot) : file, article);
          }

          @Override
          public void rejected(Rejection rejection) {}
        });
    return byId;
  }
}
